/**
 * Redirects in workerd (issue 16 item 1): the worker's signed call meets a 302 to another
 * loopback host; it must be a RedirectError naming status and Location (no query string), not
 * retried, and the other host, which counts what reaches it, must receive nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bundleForBrowser } from '../browser/bundle.js';
import type { RedirectConfig, RedirectResult } from '../browser/page/redirect.js';
import { unusedLoopbackPort } from '../helpers/ports.js';
import { startHostileServer, type HostileServer } from '../hostile/servers.js';

/** The `workerd` package (CommonJS): the binary's path and the newest compatibility date it knows. */
const workerd = createRequire(import.meta.url)('workerd') as {
  default: string;
  compatibilityDate: string;
};

/** workerd's conditions (as wrangler bundles for it), plus the repository's `source`. */
const CONDITIONS = ['source', 'workerd', 'worker'];

let origin: HostileServer;
let target: HostileServer;
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
  const bundle = await bundleForBrowser(
    { entry: path.join(import.meta.dirname, 'redirect-worker.ts') },
    { conditions: CONDITIONS },
  );
  target = await startHostileServer((res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"sessions":[]}');
  });
  origin = await startHostileServer((res) => {
    res.writeHead(302, { location: `${target.url}/elsewhere?token=t` }).end();
  });
  dir = await mkdtemp(path.join(tmpdir(), 'cloud-sessions-workerd-redirect-'));
  await writeFile(path.join(dir, 'worker.js'), bundle.text);
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
  await origin?.close();
  await target?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('workerd: a redirect is a RedirectError, not retried, and the other host gets nothing', async () => {
  const config: RedirectConfig = {
    url: origin.url,
    aws: { accessKeyId: 'AKIDEDGE', secretAccessKey: 'edge-secret', sessionToken: 'edge-token' },
  };
  const response = await fetch(workerUrl, { method: 'POST', body: JSON.stringify(config) });
  const result = (await response.json()) as RedirectResult;
  expect(result, runtimeLog).toMatchObject({
    name: 'RedirectError',
    status: 302,
    location: `${target.url}/elsewhere`,
    retryable: false,
    attempts: 1,
  });
  expect(origin.hits.filter((h) => h.method !== 'HEAD')).toHaveLength(1);
  expect(target.hits).toHaveLength(0);
});
