/**
 * Starts and stops a real Jupyter Server for the emulator's gateway mode and
 * its tests. Debian packages: `jupyter-server python3-ipykernel` (executable
 * `jupyter-server`). Every process started here is stopped by `close()`: the
 * server's process group, and kernels, which jupyter_client starts in their own
 * sessions and which are found by their connection file in our runtime dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../errors/index.js';

/** Options of {@link startJupyterServer}. */
export interface JupyterServerOptions {
  /** `ServerApp.base_url`, e.g. `/20260430/aiDataPlatforms/<id>/workspaces/<key>/notebook/`. */
  baseUrl: string;
  /** `ServerApp.token` (passed through the JUPYTER_TOKEN environment variable, not argv). */
  token: string;
  /** Executable (default `jupyter-server`, as the Debian package installs it). */
  executable?: string;
  /** How long to wait for `/api/status` (default 60 000 ms). */
  startTimeoutMs?: number;
}

/** A running Jupyter Server. */
export interface JupyterServer {
  /** Origin plus base URL, ending in `/`. */
  url: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  port: number;
  token: string;
  /** Notebook root directory (a temporary directory removed on close). */
  rootDir: string;
  /** Stops the server, its kernels, and removes the temporary directory. */
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new ConfigurationError('no free port');
  return address.port;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Kills processes whose command line mentions `marker` (kernels started with `-f <runtimeDir>/kernel-*.json`). */
async function killByCommandLine(marker: string): Promise<void> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((p) => /^\d+$/.test(p));
  } catch {
    return; // no procfs: nothing more we can find
  }
  for (const pid of pids) {
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // the process ended meanwhile, or is not ours
    }
  }
}

/** Starts `jupyter-server` on a free loopback port and waits until `/api/status` answers. */
export async function startJupyterServer(options: JupyterServerOptions): Promise<JupyterServer> {
  const baseUrl = `/${options.baseUrl.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const port = await freePort();
  const rootDir = await mkdtemp(join(tmpdir(), 'emulator-jupyter-'));
  const runtimeDir = join(rootDir, '.runtime');
  const args = [
    '--no-browser',
    '--ip=127.0.0.1',
    `--port=${port}`,
    '--port-retries=0',
    `--ServerApp.base_url=${baseUrl}`,
    `--ServerApp.root_dir=${rootDir}`,
    ...(process.getuid?.() === 0 ? ['--allow-root'] : []),
  ];
  const child = spawn(options.executable ?? 'jupyter-server', args, {
    detached: true, // own process group, so close() can signal the whole group
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, JUPYTER_TOKEN: options.token, JUPYTER_RUNTIME_DIR: runtimeDir },
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-4000);
  });
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const origin = `http://127.0.0.1:${port}`;
  const url = origin + baseUrl;

  let stopped: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (stopped ??= (async () => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM'); // jupyter_server shuts its kernels down on SIGTERM
        } catch {
          // already gone
        }
        const done = await Promise.race([
          exited(child).then(() => true),
          sleep(10_000).then(() => false),
        ]);
        if (!done) {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
          await exited(child);
        }
      }
      await killByCommandLine(runtimeDir);
      await rm(rootDir, { recursive: true, force: true });
    })());

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  const failure = (why: string): ConfigurationError =>
    new ConfigurationError(
      `jupyter-server did not start (${why}). Install it with: apt-get install -y jupyter-server python3-ipykernel. Log: ${log.split(options.token).join('[REDACTED]').slice(-1500)}`,
    );
  for (;;) {
    const spawnFailed = await Promise.race([spawnError, sleep(150).then(() => undefined)]);
    if (spawnFailed) {
      await close();
      throw failure(spawnFailed.message);
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      await close();
      throw failure(`exited with ${child.exitCode ?? child.signalCode}`);
    }
    try {
      const status = await fetch(`${url}api/status`, {
        headers: { authorization: `token ${options.token}` },
        signal: AbortSignal.timeout(2_000),
      });
      await status.body?.cancel();
      if (status.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await close();
      throw failure('timed out waiting for /api/status');
    }
  }
  const server: JupyterServer = { url, origin, port, token: options.token, rootDir, close };
  const redacted = (): unknown => ({ url, origin, port, token: '[REDACTED]', rootDir });
  for (const key of ['toJSON', Symbol.for('nodejs.util.inspect.custom')]) {
    Object.defineProperty(server, key, { value: redacted, enumerable: false });
  }
  return server;
}
