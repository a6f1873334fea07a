/**
 * The runner in-process, for what a child process cannot show: progress on a terminal
 * (stderr is never a TTY under a test), back-pressure, and the logger's line format.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { progressText, runCli, stderrLogger } from '../../src/cli/run.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { ndjson } from './helpers.js';
import { Capture } from './in-process.js';

let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  const aws = emu.credentials.aws[0]!;
  vi.stubEnv('AWS_ACCESS_KEY_ID', aws.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', aws.secretAccessKey);
  vi.stubEnv('AWS_SESSION_TOKEN', '');
  vi.stubEnv('AWS_PROFILE', '');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await emu?.close();
});

async function run(
  extra: string[],
  options: { stderrIsTTY?: boolean; stdout?: Capture } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = options.stdout ?? new Capture();
  const stderr = new Capture();
  const code = await runCli(
    [
      'list',
      'athena',
      '--notebook-id',
      emu.data.athena.notebooks[0]!.notebookId,
      '--endpoint-url',
      emu.url,
      '--region',
      emu.credentials.region,
      ...extra,
    ],
    { stdout, stderr, env: {}, stderrIsTTY: options.stderrIsTTY, version: '9.9.9' },
  );
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('progress', () => {
  test('a multi-page listing shows a progress line on a terminal, then clears it', async () => {
    const { code, stdout, stderr } = await run([], { stderrIsTTY: true });
    expect(code).toBe(0);
    const clear = '\r\x1b[2K';
    expect(stderr).toBe(`${clear}${progressText(20, 2)}${clear}${progressText(23, 3)}${clear}`);
    expect(stdout.trimEnd().split('\n')).toHaveLength(24);
  });

  test('no progress when stderr is not a terminal', async () => {
    expect((await run([], { stderrIsTTY: false })).stderr).toBe('');
  });

  test('no progress for a single-page listing', async () => {
    const { stderr } = await run(['--max-items', '5'], { stderrIsTTY: true });
    expect(stderr).toMatch(/^NextToken: \S+\n$/);
  });

  test('no progress for ndjson, whose lines are the progress', async () => {
    expect((await run(['-o', 'ndjson'], { stderrIsTTY: true })).stderr).toBe('');
  });

  test.each<[number, number, string]>([
    [1, 2, 'Listing... 1 session from 2 pages'],
    [20, 2, 'Listing... 20 sessions from 2 pages'],
  ])('progressText(%d, %d)', (items, pages, text) => {
    expect(progressText(items, pages)).toBe(text);
  });
});

describe('runner', () => {
  test('waits for drain when stdout is busy and still writes every session', async () => {
    const stdout = new Capture(3);
    const { code } = await run(['-o', 'ndjson'], { stdout });
    expect(code).toBe(0);
    expect(ndjson(stdout.text)).toHaveLength(23);
  });

  test('--version prints the version it was given', async () => {
    const stdout = new Capture();
    const code = await runCli(['--version'], {
      stdout,
      stderr: new Capture(),
      env: {},
      version: '1.2.3',
    });
    expect(code).toBe(0);
    expect(stdout.text).toBe('1.2.3\n');
  });

  test('a usage error goes to stderr only', async () => {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(['list', 'nowhere'], { stdout, stderr, env: {}, version: '1' });
    expect(code).toBe(2);
    expect(stdout.text).toBe('');
    expect(stderr.text).toContain('Unknown API "nowhere"');
  });

  test('the Jupyter token is read from the environment it is given', async () => {
    const stderr = new Capture();
    const code = await runCli(['list', 'jupyter', '--url', 'http://127.0.0.1:1/', '--no-retries'], {
      stdout: new Capture(),
      stderr,
      env: { JUPYTER_TOKEN: 'tok-from-env' },
      version: '1',
    });
    // fetch refuses port 1 ("bad port"): the command line was accepted, the request failed.
    expect(code).toBe(1);
    expect(stderr.text).toMatch(/^cloud-sessions: ConnectionError/);
    expect(stderr.text).not.toContain('tok-from-env');
  });
});

describe('stderrLogger', () => {
  test('writes one line per entry with its details as JSON', () => {
    const stderr = new Capture();
    const logger = stderrLogger(stderr);
    logger.debug!('GET http://h/ -> 200', { attempt: 1 });
    logger.warn!('ListSessions: retrying');
    expect(stderr.text).toBe(
      '[debug] GET http://h/ -> 200 {"attempt":1}\n[warn] ListSessions: retrying\n',
    );
  });
});
