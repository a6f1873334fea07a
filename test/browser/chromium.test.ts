/**
 * The clients in a real browser: Debian's Chromium, driven by playwright-core, loads a page
 * bundled by esbuild for the browser from the package's public subpaths. The page signs with
 * SigV4 and OCI (WebCrypto) and calls the emulator on another origin, which answers CORS
 * preflights and verifies every signature.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { bundleForBrowser, nodeReferences, type BrowserBundle } from './bundle.js';
import type { SmokeConfig, SmokeResult } from './page/app.js';
import { expectSmokeCallsVerified, expectedSmokeResult, smokeConfig } from '../helpers/smoke.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
const PAGE = path.join(import.meta.dirname, 'page');
/** The repository's `source` condition: bundle the TypeScript sources, no build needed. */
const CONDITIONS = ['source'];

let emulator: Emulator;
let pageServer: Server;
let pageUrl: string;
let userDataDir: string;
let context: BrowserContext;
let appBundle: BrowserBundle;
const pageErrors: string[] = [];

function servePage(script: string): Promise<Server> {
  const html =
    '<!doctype html><meta charset="utf-8"><title>cloud-sessions</title>' +
    '<script type="module" src="/app.js"></script>';
  const server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    else if (req.url === '/app.js')
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)`,
    );
  }
  appBundle = await bundleForBrowser(
    { entry: path.join(PAGE, 'app.ts') },
    { conditions: CONDITIONS },
  );
  emulator = await startEmulator({ cors: true });
  pageServer = await servePage(appBundle.text);
  pageUrl = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}/`;
  userDataDir = await mkdtemp(path.join(tmpdir(), 'cloud-sessions-chromium-'));
  // A persistent context because Playwright reserves --user-data-dir for itself.
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
});

afterAll(async () => {
  await context?.close();
  await emulator?.close();
  await new Promise((resolve) => (pageServer ? pageServer.close(resolve) : resolve(undefined)));
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

describe('Chromium', () => {
  test('signs with SigV4 and OCI, calls the emulator cross-origin and paginates', async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(pageUrl);
    await page.waitForFunction(() => 'runSmoke' in globalThis);

    const config = smokeConfig(emulator);
    const result = await page.evaluate(
      (c) =>
        (globalThis as unknown as { runSmoke(c: SmokeConfig): Promise<SmokeResult> }).runSmoke(c),
      config,
    );

    expect(result).toEqual(expectedSmokeResult(emulator, false));
    expect(pageErrors).toEqual([]);
  });

  test('the emulator saw preflights, then only signed requests, each verified but the tampered one', () => {
    const preflights = emulator.requests.filter((r) => r.method === 'OPTIONS');
    const calls = emulator.requests.filter((r) => r.method !== 'OPTIONS');
    expect(preflights.length).toBeGreaterThan(0);
    expect(preflights.every((r) => r.status === 204)).toBe(true);
    const verified = expectSmokeCallsVerified(calls);
    // OCI signs `x-date` (browsers may not set `Date`); SigV4 signs `x-amz-date`.
    expect(verified.filter((r) => r.api === 'oci').every((r) => r.headers['x-date'])).toBe(true);
    expect(verified.filter((r) => r.api !== 'oci').every((r) => r.headers['x-amz-date'])).toBe(
      true,
    );
  });
});

describe('browser bundles', () => {
  test('the page bundle contains no node: import and no Node-only module', () => {
    expect(appBundle.inputs.some((f) => f.endsWith('src/client/platform-browser.ts'))).toBe(true);
    expect(nodeReferences(appBundle)).toEqual([]);
  });

  test('one client with explicit credentials bundles without Node; its min+gzip size is reported', async () => {
    const bundle = await bundleForBrowser(
      { entry: path.join(PAGE, 'athena-only.ts') },
      { minify: true, conditions: CONDITIONS },
    );
    expect(nodeReferences(bundle)).toEqual([]);
    // The size target is the benchmark's (bench/); this reports the number where it is made.
    console.info(
      `browser bundle, AthenaClient + runtime: ${bundle.bytes} B minified, ${bundle.gzipBytes} B min+gzip`,
    );
    expect(bundle.gzipBytes).toBeGreaterThan(0);
  });
});
