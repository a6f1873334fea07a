/**
 * The clients in an edge runtime: Cloudflare's workerd (the `workerd` npm package, the runtime
 * itself, not a Node emulation of it) runs a worker bundled from the package's public subpaths
 * with workerd's export conditions. The worker signs with SigV4 and OCI on WebCrypto, calls the
 * emulator over loopback and paginates; the emulator verifies every signature.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { nodeReferences } from '../browser/bundle.js';
import { expectSmokeCallsVerified, expectedSmokeResult, smokeConfig } from '../helpers/smoke.js';
import { startWorkerd, type WorkerdRuntime } from './workerd-runtime.js';

let emulator: Emulator;
let worker: WorkerdRuntime | undefined;

beforeAll(async () => {
  emulator = await startEmulator();
  worker = await startWorkerd(
    path.join(import.meta.dirname, 'worker.ts'),
    'cloud-sessions-workerd-',
  );
});

afterAll(async () => {
  await worker?.close();
  await emulator?.close();
});

describe('workerd', () => {
  test('signs with SigV4 and OCI, calls the emulator and paginates', async () => {
    const config = smokeConfig(emulator);
    const response = await fetch(worker!.url, { method: 'POST', body: JSON.stringify(config) });
    const result: unknown = await response.json();
    expect(response.status, JSON.stringify(result)).toBe(200);

    // Recent compatibility dates give workers a `process` global; nothing here relies on it.
    expect(result).toEqual(expectedSmokeResult(emulator, expect.any(Boolean)));
  });

  test('the emulator verified every signature the worker made but the tampered one', () => {
    expectSmokeCallsVerified(emulator.requests);
  });

  test('the worker bundle has no node: import and takes the browser-side #platform', () => {
    expect(worker!.bundle.inputs.some((f) => f.endsWith('src/client/platform-browser.ts'))).toBe(
      true,
    );
    expect(nodeReferences(worker!.bundle)).toEqual([]);
  });
});
