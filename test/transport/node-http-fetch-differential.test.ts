/**
 * `createNodeHttpFetch` against Node's own `fetch` on generated requests and responses: the
 * server receives the same request from both, and both give the same `Response`, apart from the
 * defaults undici adds that this transport deliberately does not send.
 */
import * as fc from 'fast-check';
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeHttpFetch } from 'cloud-sessions/node';
import { startServer, type ScriptedServer } from './servers.js';

/** Headers undici adds on its own (Fetch standard defaults and its connection handling). */
const FETCH_DEFAULTS = new Set([
  'accept',
  'accept-language',
  'sec-fetch-mode',
  'user-agent',
  'accept-encoding',
  'connection',
]);
/** Response headers that depend on the moment or the connection, not on the transport. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive']);

interface Scripted {
  status: number;
  headers: Array<[string, string]>;
  body: Uint8Array;
}

let server: ScriptedServer;
let script: Scripted = { status: 200, headers: [], body: new Uint8Array() };
beforeAll(async () => {
  server = await startServer((_req, res) => {
    res.writeHead(script.status, script.headers);
    res.end(Buffer.from(script.body));
  });
});
afterAll(() => server.close());

const nodeFetch = createNodeHttpFetch();

const headerName = fc.stringMatching(/^x-[a-z0-9-]{1,12}$/);
// Field values: visible ASCII with inner spaces, no leading or trailing whitespace.
const headerValue = fc.stringMatching(/^[!-~]([ !-~]{0,30}[!-~])?$/);
const headers = fc.dictionary(headerName, headerValue, { maxKeys: 6 });
// Any UTF-16, lone surrogates included: both encode them as U+FFFD.
const anyText = fc.string({
  unit: fc.oneof(fc.constantFrom('\ud800', '\udfff'), fc.string({ unit: 'binary', maxLength: 1 })),
  maxLength: 200,
});

function comparable(received: IncomingHttpHeaders): Record<string, unknown> {
  return Object.fromEntries(Object.entries(received).filter(([name]) => !FETCH_DEFAULTS.has(name)));
}

async function observe(
  send: typeof fetch,
  url: string,
  init: RequestInit,
): Promise<{ method: string; target: string; headers: Record<string, unknown>; body: string }> {
  const before = server.requests.length;
  await (await send(url, init)).arrayBuffer();
  const seen = server.requests[before]!;
  return {
    method: seen.method,
    target: seen.target,
    headers: comparable(seen.headers),
    body: seen.body.toString('hex'),
  };
}

async function snapshot(response: Response) {
  const headers: Array<[string, string]> = [];
  response.headers.forEach((value, name) => {
    if (!PER_CONNECTION.has(name)) headers.push([name, value]);
  });
  return {
    status: response.status,
    statusText: response.statusText,
    ok: response.ok,
    headers,
    bodyNull: response.body === null,
    body: Buffer.from(await response.arrayBuffer()).toString('hex'),
  };
}

describe('createNodeHttpFetch matches fetch', () => {
  it('the server receives the same method, target, headers and body bytes', async () => {
    script = { status: 200, headers: [], body: new Uint8Array() };
    await fc.assert(
      fc.asyncProperty(
        // Lower-case `patch` is left out: fetch sends it as it is, Node's client upper-cases it.
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'post', 'delete'),
        fc.webPath(),
        headers,
        fc.option(anyText, { nil: undefined }),
        async (method, path, given, text) => {
          const body = /^(GET|HEAD)$/i.test(method) ? undefined : text;
          const url = `${server.url}${path.startsWith('/') ? path : `/${path}`}`;
          const init = { method, headers: given, body };
          expect(await observe(nodeFetch, url, init)).toEqual(await observe(fetch, url, init));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the Response has the same status, text, headers and body bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(200, 201, 202, 204, 304, 400, 403, 404, 429, 500, 503),
        fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
        fc.uint8Array({ maxLength: 3_000 }),
        async (status, pairs, bytes) => {
          const nullBody = status === 204 || status === 304;
          script = { status, headers: pairs, body: nullBody ? new Uint8Array() : bytes };
          const ours = await snapshot(await nodeFetch(server.url));
          const theirs = await snapshot(await fetch(server.url));
          expect(ours).toEqual(theirs);
        },
      ),
      { numRuns: 60 },
    );
  });
});
