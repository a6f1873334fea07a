/**
 * The clients in an edge runtime: Cloudflare's workerd (the `workerd` npm package, the runtime
 * itself, not a Node emulation of it) runs a worker bundled from the package's public subpaths
 * with workerd's export conditions. The worker signs with SigV4 and OCI on WebCrypto, calls the
 * emulator over loopback and paginates; the emulator verifies every signature.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { bundleForBrowser, nodeReferences, type BrowserBundle } from '../browser/bundle.js';
import type { SmokeConfig } from '../browser/page/app.js';

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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

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
  const port = await freePort();
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
    const notebook = emulator.data.athena.notebooks[0]!;
    const studio = emulator.data.nimble.studios[0]!;
    const platform = emulator.data.oci.platforms[0]!;
    const workspace = platform.workspaces[0]!;
    const aws = emulator.credentials.aws[0]!;
    const config: SmokeConfig = {
      url: emulator.url,
      region: emulator.credentials.region,
      aws: { accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey },
      oci: {
        keyId: emulator.credentials.oci.keyId,
        privateKeyPem: emulator.credentials.oci.privateKeyPem,
      },
      notebookId: notebook.notebookId,
      studioId: studio.studioId,
      aiDataPlatformId: platform.aiDataPlatformId,
      workspaceKey: workspace.workspaceKey,
    };
    const response = await fetch(workerUrl, { method: 'POST', body: JSON.stringify(config) });
    const result: unknown = await response.json();
    expect(response.status, JSON.stringify(result)).toBe(200);

    const nimbleIds = studio.sessions.map((s) => s.sessionId);
    expect(result).toEqual({
      athenaIds: notebook.sessions.map((s) => s.SessionId),
      athenaDatesAreDates: true,
      nimbleIds: nimbleIds.slice(0, 30),
      nimbleResumeToken: expect.any(String),
      nimbleResumedIds: nimbleIds.slice(30, 35),
      ociIds: workspace.sessions.map((s) => s.id),
      badSignature: {
        serviceError: true,
        cloudSessionsError: true,
        code: 'InvalidSignatureException',
      },
      // Recent compatibility dates give workers a `process` global; nothing here relies on it.
      hasProcess: expect.any(Boolean),
    });
  });

  test('the emulator verified every signature the worker made but the tampered one', () => {
    const calls = emulator.requests;
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((r) => r.signed)).toBe(true);
    const rejected = calls.filter((r) => r.authFailure !== undefined);
    expect(rejected).toEqual([expect.objectContaining({ api: 'athena', status: 400 })]);
    const verified = calls.filter((r) => r.authFailure === undefined);
    expect(verified.every((r) => r.status === 200)).toBe(true);
    expect(new Set(verified.map((r) => r.api))).toEqual(new Set(['athena', 'nimble', 'oci']));
  });

  test('the worker bundle has no node: import and takes the browser-side #platform', () => {
    expect(workerBundle.inputs.some((f) => f.endsWith('src/client/platform-browser.ts'))).toBe(
      true,
    );
    expect(nodeReferences(workerBundle)).toEqual([]);
  });
});
