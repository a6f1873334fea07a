/**
 * One workerd process for the edge tests: bundles a worker with workerd's export conditions,
 * serves it on a loopback port with loopback outbound allowed, and waits until it answers.
 * workerd.test.ts and redirect.test.ts share it, so both run the worker the same way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleForBrowser, type BrowserBundle } from '../browser/bundle.js';
import { unusedLoopbackPort } from '../helpers/ports.js';

/** The `workerd` package (CommonJS): the binary's path and the newest compatibility date it knows. */
const workerd = createRequire(import.meta.url)('workerd') as {
  default: string;
  compatibilityDate: string;
};

/** workerd's conditions (as wrangler bundles for it), plus the repository's `source`. */
const CONDITIONS = ['source', 'workerd', 'worker'];

/** A running worker: its URL, what workerd printed so far, and how to stop it. */
export interface WorkerdRuntime {
  readonly url: string;
  readonly bundle: BrowserBundle;
  log(): string;
  close(): Promise<void>;
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

async function waitForWorker(url: string, runtime: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (runtime.exitCode !== null) throw new Error(`workerd exited:\n${log()}`);
    const ok = await fetch(url, { method: 'HEAD' }).then(
      () => true,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`workerd did not listen within 10 s:\n${log()}`);
}

/**
 * Bundles `entry` and serves it in workerd. On a start failure the process and temporary
 * directory are removed before the error is rethrown, so `afterAll` has nothing half-started.
 */
export async function startWorkerd(entry: string, dirPrefix: string): Promise<WorkerdRuntime> {
  const bundle = await bundleForBrowser({ entry }, { conditions: CONDITIONS });
  const dir = await mkdtemp(path.join(tmpdir(), dirPrefix));
  let runtime: ChildProcess | undefined;
  let runtimeLog = '';
  const log = (): string => runtimeLog;
  const close = async (): Promise<void> => {
    runtime?.kill();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await writeFile(path.join(dir, 'worker.js'), bundle.text);
    const port = await unusedLoopbackPort();
    await writeFile(path.join(dir, 'config.capnp'), capnpConfig(port));
    runtime = spawn(workerd.default, ['serve', path.join(dir, 'config.capnp')], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    runtime.stdout!.on('data', (chunk: Buffer) => (runtimeLog += chunk.toString()));
    runtime.stderr!.on('data', (chunk: Buffer) => (runtimeLog += chunk.toString()));
    const url = `http://127.0.0.1:${port}/`;
    await waitForWorker(url, runtime, log);
    return { url, bundle, log, close };
  } catch (error) {
    await close();
    throw error;
  }
}
