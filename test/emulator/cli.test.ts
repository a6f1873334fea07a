import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;

/** Runs the CLI until it prints its banner (or exits), then stops it. */
async function runCli(
  args: string[],
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const child = spawn(tsx, ['scripts/emulator.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (stdout.includes('Ctrl-C')) resolve();
    });
    void exited.then(() => resolve());
  });
  if (child.exitCode === null) child.kill('SIGTERM');
  return { stdout, stderr, code: await exited };
}

describe('scripts/emulator.ts', () => {
  test('prints the URL, the labelled test credentials and sample ids, then stops on SIGTERM', async () => {
    const { stdout, code } = await runCli([
      '--port',
      '0',
      '--seed',
      '3',
      '--faults',
      'rate429=0.1,latencyMs=5',
    ]);
    expect(stdout).toMatch(/Emulator listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toContain('EMULATOR TEST CREDENTIALS');
    expect(stdout).toContain('AWS access key id:     AKIAEMULATORTEST0001');
    expect(stdout).toMatch(/Athena NotebookId: +[0-9a-f-]{36}/);
    const keyFile = /OCI key_file: +(\S+)/.exec(stdout)![1]!;
    expect(code).toBe(0);
    expect(existsSync(keyFile)).toBe(false);
  });

  test('a bad --faults value exits 1 with a message', async () => {
    const { stderr, code } = await runCli(['--port', '0', '--faults', 'bogus=1']);
    expect(code).toBe(1);
    expect(stderr).toContain('--faults');
  });
});
