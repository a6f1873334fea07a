/**
 * Hostile behaviours that already held before issue 16, kept under test so they keep holding:
 * Retry-After abuse, truncated and non-JSON bodies, huge bodies, a server that never answers.
 * Real loopback servers; every case ends by itself in bounded time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, ConnectionError, ServiceError } from 'cloud-sessions/runtime';
import { createNodeHttpFetch } from 'cloud-sessions/node';
import { CLIENTS } from './clients.js';
import { startHostileServer, type HostileHandler, type HostileServer } from './servers.js';

let handler: HostileHandler = (res) => res.end();
let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer((res, hit, i) => handler(res, hit, i));
});
afterAll(() => server.close());

const athena = CLIENTS.find((c) => c.name === 'Athena')!;
const nimble = CLIENTS.find((c) => c.name === 'NimbleStudio')!;

const TRANSPORTS: Array<[string, () => typeof fetch | undefined]> = [
  ['global fetch', () => undefined],
  ['createNodeHttpFetch()', () => createNodeHttpFetch()],
];

describe.each(TRANSPORTS)('on %s', (_t, makeFetch) => {
  it.each([
    ['an enormous delta-seconds', { 'retry-after': '999999999' }],
    ['an HTTP date years ahead', { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' }],
    ['an enormous retry-after-ms', { 'retry-after-ms': '1e300' }],
    ['a negative value', { 'retry-after': '-5' }],
    ['garbage', { 'retry-after': 'soon, maybe' }],
  ])('Retry-After with %s cannot park the call (capped by the policy)', async (_what, headers) => {
    handler = (res) => {
      res.writeHead(429, { 'content-type': 'application/json', ...headers });
      res.end('{"__type":"ThrottlingException","message":"slow down"}');
    };
    const before = server.hits.length;
    const started = Date.now();
    const client = new (await import('cloud-sessions/athena')).AthenaClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' },
      fetch: makeFetch(),
      retry: { maxAttempts: 2, maxRetryAfterMs: 200, maxDelayMs: 200, quota: false },
    });
    const error = await client
      .listNotebookSessions({ NotebookId: '0123abcd-0123-0123-0123-0123456789ab' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('ThrottlingException');
    expect(server.hits.length - before).toBe(2);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a body cut short (Content-Length not reached) is a ConnectionError, retried', async () => {
    handler = (res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"NotebookSessionsList":[');
      setTimeout(() => res.socket?.destroy(), 5);
    };
    const before = server.hits.length;
    const error = await athena
      .make({ endpoint: server.url, fetch: makeFetch() })
      .call()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.hits.length - before).toBe(3);
  });

  it.each([
    ['HTML', '<html>oops</html>'],
    ['JSON cut mid-way (complete Content-Length)', '{"sessions":[{"a":'],
    ['an empty object where text belongs', '\u0000\u0001'],
  ])('a 200 whose body is %s is a ConnectionError, not a success', async (_what, text) => {
    handler = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(text);
    };
    const error = await nimble
      .make({ endpoint: server.url, fetch: makeFetch() })
      .call()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('not valid JSON');
  });

  it('a huge success body (about 8 MB, 100,000 sessions) is read whole', async () => {
    const list = Array.from({ length: 100_000 }, (_, i) => ({
      SessionId: `session-${i}-${'p'.repeat(40)}`,
      CreationTime: 1700000000 + i,
    }));
    const text = JSON.stringify({ NotebookSessionsList: list });
    handler = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(text);
    };
    const output = (await athena.make({ endpoint: server.url, fetch: makeFetch() }).call()) as {
      NotebookSessionsList: Array<{ CreationTime: Date }>;
    };
    expect(output.NotebookSessionsList).toHaveLength(100_000);
    expect(output.NotebookSessionsList[99_999]!.CreationTime).toEqual(
      new Date((1700000000 + 99_999) * 1000),
    );
  });

  it('a huge error body of non-JSON text is cut in the message and kept on the error', async () => {
    const text = 'x'.repeat(2_000_000);
    handler = (res) => {
      res.writeHead(400, { 'content-type': 'text/html' });
      res.end(text);
    };
    const error = (await nimble
      .make({ endpoint: server.url, fetch: makeFetch() })
      .call()
      .catch((e: unknown) => e)) as ServiceError;
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message.length).toBeLessThan(300);
    expect(error.body).toBe(text);
  });

  it('a server that never answers: abort ends the call promptly with AbortError', async () => {
    handler = () => undefined;
    const controller = new AbortController();
    const { call } = nimble.make({ endpoint: server.url, fetch: makeFetch() });
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const error = await (call as (e?: object, o?: object) => Promise<unknown>)(
      {},
      { signal: controller.signal },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
