/**
 * Redirects are never followed, on any transport (issue 16 item 1): a 3xx is a RedirectError
 * naming the status and where it pointed (no query string), not retried, and the host it
 * points to receives nothing. The second server counts what reaches it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedirectError } from 'cloud-sessions/runtime';
import { createNodeHttpFetch } from 'cloud-sessions/node';
import { CLIENTS, SESSION_TOKEN } from './clients.js';
import { startHostileServer, type HostileServer } from './servers.js';

let target: HostileServer;
let origin: HostileServer;
let status = 302;
let location = '';

beforeAll(async () => {
  target = await startHostileServer((res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"NotebookSessionsList":[],"sessions":[],"id":"foreign"}');
  });
  origin = await startHostileServer((res) => {
    res.writeHead(status, { location });
    res.end('moved');
  });
});
afterAll(async () => {
  await origin.close();
  await target.close();
});

const TRANSPORTS: Array<[string, () => typeof fetch | undefined]> = [
  ['global fetch (undici)', () => undefined],
  ['createNodeHttpFetch()', () => createNodeHttpFetch()],
];

it('control: a plain fetch with the default redirect mode does follow, and the target counts it', async () => {
  status = 302;
  location = `${target.url}/followed`;
  const before = target.hits.length;
  await fetch(origin.url);
  expect(target.hits.length - before).toBe(1);
  target.hits.length = before;
});

describe.each(TRANSPORTS)('on %s', (_transport, makeFetch) => {
  describe.each(CLIENTS)('$name', (client) => {
    it.each([301, 302, 303, 307, 308])(
      'a %i to another host is a RedirectError; nothing reaches that host',
      async (code) => {
        status = code;
        location = `${target.url}/stolen/path?X-Amz-Security-Token=${SESSION_TOKEN}#frag`;
        const before = origin.hits.length;
        const { call } = client.make({ endpoint: origin.url, fetch: makeFetch() });
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RedirectError);
        const redirect = error as RedirectError;
        expect(redirect.status).toBe(code);
        expect(redirect.retryable).toBe(false);
        expect(redirect.location).toBe(`${target.url}/stolen/path`);
        expect(redirect.message).toContain(String(code));
        expect(redirect.message).not.toContain(SESSION_TOKEN);
        expect(origin.hits.length - before).toBe(1);
        expect(target.hits).toHaveLength(0);
      },
    );
  });

  it('a redirect loop to itself is one request and a RedirectError', async () => {
    status = 307;
    location = '/again';
    const before = origin.hits.length;
    const { call } = CLIENTS[1]!.make({ endpoint: origin.url, fetch: makeFetch() });
    const error = (await call().catch((e: unknown) => e)) as RedirectError;
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.location).toBe(`${origin.url}/again`);
    expect(origin.hits.length - before).toBe(1);
  });

  it('a redirect without Location is still a RedirectError', async () => {
    status = 301;
    location = '';
    const { call } = CLIENTS[0]!.make({ endpoint: origin.url, fetch: makeFetch() });
    const error = (await call().catch((e: unknown) => e)) as RedirectError;
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.status).toBe(301);
  });
});
