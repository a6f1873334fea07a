/**
 * Redirects in a real browser (issue 16 item 1): Chromium's `fetch` with `redirect: 'manual'`
 * hands back an opaque-redirect response (status 0, no Location), which the runtime must still
 * refuse. A second server counts what reaches it: nothing may.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bundleForBrowser } from './bundle.js';
import type { RedirectConfig, RedirectResult } from './page/redirect.js';
import { startHostileServer, type HostileServer } from '../hostile/servers.js';

const CHROMIUM = '/usr/bin/chromium';
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-expose-headers': '*',
};

let origin: HostileServer;
let target: HostileServer;
let pageServer: Server;
let userDataDir: string;
let context: BrowserContext;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
  const bundle = await bundleForBrowser(
    { entry: path.join(import.meta.dirname, 'page', 'redirect.ts') },
    { conditions: ['source'] },
  );
  target = await startHostileServer((res) => {
    res.writeHead(200, { 'content-type': 'application/json', ...CORS });
    res.end('{"sessions":[]}');
  });
  origin = await startHostileServer((res, hit) => {
    if (hit.method === 'OPTIONS') res.writeHead(204, CORS).end();
    else res.writeHead(302, { location: `${target.url}/elsewhere?token=t`, ...CORS }).end();
  });
  const html = '<!doctype html><meta charset="utf-8"><script type="module" src="/app.js"></script>';
  pageServer = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    else if (req.url === '/app.js')
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle.text);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  userDataDir = await mkdtemp(path.join(tmpdir(), 'cloud-sessions-chromium-redirect-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
});

afterAll(async () => {
  await context?.close();
  await origin?.close();
  await target?.close();
  await new Promise((resolve) => (pageServer ? pageServer.close(resolve) : resolve(undefined)));
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

test('Chromium: a cross-origin redirect is a RedirectError, not retried, and the other host gets nothing', async () => {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${(pageServer.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => 'runRedirect' in globalThis);
  const config: RedirectConfig = {
    url: origin.url,
    aws: {
      accessKeyId: 'AKIDBROWSER',
      secretAccessKey: 'browser-secret',
      sessionToken: 'browser-token',
    },
  };
  const result = await page.evaluate(
    (c) =>
      (
        globalThis as unknown as { runRedirect(c: RedirectConfig): Promise<RedirectResult> }
      ).runRedirect(c),
    config,
  );
  expect(result).toMatchObject({ name: 'RedirectError', retryable: false, attempts: 1 });
  // An opaque redirect discloses neither status nor Location.
  expect(result.location).toBeUndefined();
  expect(origin.hits.filter((h) => h.method === 'GET')).toHaveLength(1);
  expect(target.hits).toHaveLength(0);
});
