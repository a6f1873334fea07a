/**
 * The CLI runner in-process (no child), for suites that check what it refused or printed
 * against an emulator: a capturing output stream and a run with the emulator's AWS key.
 */
import { vi } from 'vitest';
import { runCli, type OutputStream } from '../../src/cli/run.js';
import type { Emulator } from '../../src/emulator/index.js';

/** A stream that records what was written; `busyEvery` makes every n-th write ask for a drain. */
export class Capture implements OutputStream {
  text = '';
  #writes = 0;
  #drain: (() => void) | undefined;
  constructor(private readonly busyEvery = 0) {}
  write(chunk: string): boolean {
    this.text += chunk;
    this.#writes += 1;
    if (this.busyEvery === 0 || this.#writes % this.busyEvery !== 0) return true;
    setTimeout(() => this.#drain?.(), 1);
    return false;
  }
  once(_event: 'drain', listener: () => void): this {
    this.#drain = listener;
    return this;
  }
}

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `command` (e.g. `['list', 'nimble']`) against `emu` with its endpoint and region, then
 * `args`. The default credential chain reads process.env, not the CLI's `env`, so the emulator's
 * first AWS key is stubbed there for the run and the stubs are removed afterwards.
 */
export async function runCliOnEmulator(
  emu: Emulator,
  command: readonly string[],
  args: readonly string[],
): Promise<InProcessResult> {
  const aws = emu.credentials.aws[0]!;
  const stdout = new Capture();
  const stderr = new Capture();
  vi.stubEnv('AWS_ACCESS_KEY_ID', aws.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', aws.secretAccessKey);
  vi.stubEnv('AWS_SESSION_TOKEN', '');
  vi.stubEnv('AWS_PROFILE', '');
  try {
    const code = await runCli(
      [...command, '--endpoint-url', emu.url, '--region', emu.credentials.region, ...args],
      { stdout, stderr, env: {}, version: '0' },
    );
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    vi.unstubAllEnvs();
  }
}
