/**
 * Redirects in workerd (issue 16 item 1): the worker's signed call meets a 302 to another
 * loopback host; it must be a RedirectError naming status and Location (no query string), not
 * retried, and the other host, which counts what reaches it, must receive nothing.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RedirectConfig, RedirectResult } from '../browser/page/redirect.js';
import { startHostileServer, type HostileServer } from '../hostile/servers.js';
import { startWorkerd, type WorkerdRuntime } from './workerd-runtime.js';

let origin: HostileServer;
let target: HostileServer;
let worker: WorkerdRuntime | undefined;

beforeAll(async () => {
  target = await startHostileServer((res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"sessions":[]}');
  });
  origin = await startHostileServer((res) => {
    res.writeHead(302, { location: `${target.url}/elsewhere?token=t` }).end();
  });
  worker = await startWorkerd(
    path.join(import.meta.dirname, 'redirect-worker.ts'),
    'cloud-sessions-workerd-redirect-',
  );
});

afterAll(async () => {
  await worker?.close();
  await origin?.close();
  await target?.close();
});

test('workerd: a redirect is a RedirectError, not retried, and the other host gets nothing', async () => {
  const config: RedirectConfig = {
    url: origin.url,
    aws: { accessKeyId: 'AKIDEDGE', secretAccessKey: 'edge-secret', sessionToken: 'edge-token' },
  };
  const response = await fetch(worker!.url, { method: 'POST', body: JSON.stringify(config) });
  const result = (await response.json()) as RedirectResult;
  expect(result, worker!.log()).toMatchObject({
    name: 'RedirectError',
    status: 302,
    location: `${target.url}/elsewhere`,
    retryable: false,
    attempts: 1,
  });
  expect(origin.hits.filter((h) => h.method !== 'HEAD')).toHaveLength(1);
  expect(target.hits).toHaveLength(0);
});
