/**
 * The secret scan of the hostile suite (issue 16, "done when"): every hostile case on every
 * client, with a logger attached; no secret key, session token, Jupyter token, signature or
 * private-key line appears in any error (message, String, util.inspect, JSON), log entry or
 * printed client. Secrets are the ones the servers actually received, so the scan looks for
 * the real signature values, not guesses.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testOciKeys } from '../helpers/credentials.js';
import { CLIENTS, JUPYTER_TOKEN, SECRET, SESSION_TOKEN } from './clients.js';
import { json, startHostileServer, type HostileHandler, type HostileServer } from './servers.js';

let server: HostileServer;
let other: HostileServer;
let handler: HostileHandler = (res) => res.end();
beforeAll(async () => {
  other = await startHostileServer((res) => json(res, 200, {}));
  server = await startHostileServer((res, hit, i) => handler(res, hit, i));
});
afterAll(async () => {
  await server.close();
  await other.close();
});

interface Case {
  name: string;
  handler: HostileHandler;
  extra?: Record<string, unknown>;
  options?: { headers?: Record<string, string>; signal?: AbortSignal };
}

const CASES: Case[] = [
  {
    name: 'redirect to another host',
    handler: (res) => {
      res.writeHead(307, { location: `${other.url}/x?token=${SESSION_TOKEN}` });
      res.end();
    },
  },
  {
    name: 'a 500 on every attempt',
    handler: (res) => json(res, 500, { message: 'boom', __type: 'InternalServerException' }),
  },
  {
    name: 'a huge error message',
    handler: (res) => json(res, 400, { message: 'm'.repeat(100_000), code: 'Bad' }),
  },
  {
    name: 'a bad timestamp',
    handler: (res) =>
      json(res, 200, {
        NotebookSessionsList: [{ CreationTime: 'x' }],
        sessions: [{ createdAt: 'x' }],
        kernel: { last_activity: 'x' },
        items: [{ kernel: { last_activity: 'x' } }],
      }),
  },
  {
    name: 'a truncated body',
    handler: (res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"a":');
      setTimeout(() => res.socket?.destroy(), 2);
    },
  },
  { name: 'a non-JSON success body', handler: (res) => json(res, 200, '<html>') },
  {
    name: 'a CRLF header from call options',
    handler: (res) => json(res, 200, {}),
    options: { headers: { 'x-a': 'a\r\nb: c' } },
  },
  { name: 'an unknown input key', handler: (res) => json(res, 200, {}), extra: { typo: 1 } },
  {
    name: 'a lone surrogate',
    handler: (res) => json(res, 200, {}),
    extra: { notAMember: undefined, nextToken: '\uD800' },
  },
  {
    name: 'a server that never answers, aborted',
    handler: () => undefined,
    options: { signal: AbortSignal.timeout(30) },
  },
];

describe.each(CLIENTS)('$name', (client) => {
  it.each(CASES)('$name: no secret in errors, logs or the printed client', async (c) => {
    handler = c.handler;
    const logs: string[] = [];
    const logger = {
      debug: (m: string, d?: object) => logs.push(m + JSON.stringify(d)),
      warn: (m: string, d?: object) => logs.push(m + JSON.stringify(d)),
    };
    const before = server.hits.length;
    const made = client.make({ endpoint: server.url, logger });
    const error = (await made.call(c.extra, c.options).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    const printed = [
      ...logs,
      error.message,
      String(error),
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
      inspect(made.client, { depth: 10, showHidden: true }),
    ].join('\n');
    const signatures = server.hits.slice(before).flatMap((hit) => {
      const auth = String(hit.headers.authorization ?? '');
      return [
        /Signature=([0-9a-f]{64})/.exec(auth)?.[1],
        /signature="([^"]+)"/.exec(auth)?.[1],
      ].filter((s): s is string => Boolean(s));
    });
    // The scan could fail: signed attempts that reached the server left real signatures to look for.
    if (server.hits.length > before && client.name !== 'JupyterServer') {
      expect(signatures.length).toBeGreaterThan(0);
    }
    const pemLines = testOciKeys()
      .privateKeyPem.split('\n')
      .filter((l) => l.length > 20 && !l.startsWith('-----'))
      .slice(0, 3);
    for (const secret of [SECRET, SESSION_TOKEN, JUPYTER_TOKEN, ...signatures, ...pemLines]) {
      expect(printed).not.toContain(secret);
    }
  });
});
