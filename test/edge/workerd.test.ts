/**
 * The clients in an edge runtime: Cloudflare's workerd (the `workerd` npm package, the runtime
 * itself, not a Node emulation of it) runs a worker bundled from the package's public subpaths
 * with workerd's export conditions. The worker signs with SigV4 and OCI on WebCrypto, calls the
 * emulator over loopback and paginates; the emulator verifies every signature.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { bundleForBrowser, nodeReferences, type BrowserBundle } from '../browser/bundle.js';
import { expectSmokeCallsVerified, expectedSmokeResult, smokeConfig } from '../helpers/smoke.js';
import { unusedLoopbackPort } from '../helpers/ports.js';

/** The `workerd` package (CommonJS): the binary's path and the newest compatibility date it knows. */
const workerd = createRequire(import.meta.url)('workerd') as {
  default: string;
  compatibilityDate: string;
};

/** workerd's conditions (as wrangler bundles for it), plus the repository's `source`. */
const CONDITIONS = ['source', 'workerd', 'worker'];

let emulator: Emulator;
let workerBundle: BrowserBundle;
let dir: string;
let runtime: ChildProcess | undefined;
let runtimeLog = '';
let workerUrl: string;

/** A workerd config: the worker on a loopback socket, allowed to fetch loopback addresses. */
function capnpConfig(port: number): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "${workerd.compatibilityDate}",
  globalOutbound = "loopback",
);
`;
}

async function waitForWorker(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (runtime?.exitCode !== null) throw new Error(`workerd exited:\n${runtimeLog}`);
    const ok = await fetch(url, { method: 'HEAD' }).then(
      () => true,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`workerd did not listen within 10 s:\n${runtimeLog}`);
}

beforeAll(async () => {
  workerBundle = await bundleForBrowser(
    { entry: path.join(import.meta.dirname, 'worker.ts') },
    { conditions: CONDITIONS },
  );
  emulator = await startEmulator();
  dir = await mkdtemp(path.join(tmpdir(), 'cloud-sessions-workerd-'));
  await writeFile(path.join(dir, 'worker.js'), workerBundle.text);
  const port = await unusedLoopbackPort();
  await writeFile(path.join(dir, 'config.capnp'), capnpConfig(port));
  runtime = spawn(workerd.default, ['serve', path.join(dir, 'config.capnp')], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  runtime.stdout!.on('data', (chunk: Buffer) => (runtimeLog += chunk.toString()));
  runtime.stderr!.on('data', (chunk: Buffer) => (runtimeLog += chunk.toString()));
  workerUrl = `http://127.0.0.1:${port}/`;
  await waitForWorker(workerUrl);
});

afterAll(async () => {
  runtime?.kill();
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('workerd', () => {
  test('signs with SigV4 and OCI, calls the emulator and paginates', async () => {
    const config = smokeConfig(emulator);
    const response = await fetch(workerUrl, { method: 'POST', body: JSON.stringify(config) });
    const result: unknown = await response.json();
    expect(response.status, JSON.stringify(result)).toBe(200);

    // Recent compatibility dates give workers a `process` global; nothing here relies on it.
    expect(result).toEqual(expectedSmokeResult(emulator, expect.any(Boolean)));
  });

  test('the emulator verified every signature the worker made but the tampered one', () => {
    expectSmokeCallsVerified(emulator.requests);
  });

  test('the worker bundle has no node: import and takes the browser-side #platform', () => {
    expect(workerBundle.inputs.some((f) => f.endsWith('src/client/platform-browser.ts'))).toBe(
      true,
    );
    expect(nodeReferences(workerBundle)).toEqual([]);
  });
});
