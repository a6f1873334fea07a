/**
 * `cloud-sessions call` and `services` as a user runs them: the launcher in a child process
 * against the emulator, with real SigV4 signing from the standard AWS environment variables.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { SERVICES } from '../../generated/services.js';
import { createCliHome, runBin, type CliHome } from './helpers.js';

let emu: Emulator;
let home: CliHome;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  home = await createCliHome(emu);
});

afterAll(async () => {
  await emu?.close();
  await home?.cleanup();
});

const call = (...args: string[]) =>
  runBin(['call', ...args, '--endpoint-url', emu.url, '--no-retries'], home.awsEnv);

describe('call', () => {
  test('athena ListSessions: the first page of the work group, signed and parsed', async () => {
    const group = emu.data.athena.workGroups[0]!;
    const result = await call(
      'athena',
      'ListSessions',
      '--input',
      `{"WorkGroup":"${group.workGroup}","MaxResults":7}`,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as {
      Sessions: Array<{ SessionId: string }>;
      NextToken?: string;
    };
    expect(output.Sessions.map((s) => s.SessionId)).toEqual(
      group.sessions.slice(0, 7).map((s) => s.SessionId),
    );
    expect(typeof output.NextToken).toBe('string');
  });

  test('nimble-studio ListStreamingSessions, one-line output', async () => {
    const studio = emu.data.nimble.studios[0]!;
    const result = await call(
      'nimble-studio',
      'ListStreamingSessions',
      '--input',
      JSON.stringify({ studioId: studio.studioId }),
      '--output',
      'ndjson',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const output = JSON.parse(result.stdout) as { sessions: Array<{ sessionId: string }> };
    expect(output.sessions.length).toBeGreaterThan(0);
    const ids = new Set(studio.sessions.map((s) => s.sessionId));
    for (const session of output.sessions) expect(ids.has(session.sessionId)).toBe(true);
  });

  test('a wrong secret key is refused by the emulator: exit 1, a service error', async () => {
    const result = await runBin(
      [
        'call',
        'athena',
        'ListSessions',
        '--input',
        '{"WorkGroup":"primary"}',
        '--endpoint-url',
        emu.url,
        '--no-retries',
      ],
      { ...home.awsEnv, AWS_SECRET_ACCESS_KEY: 'not-the-secret' },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain('not-the-secret');
  });

  test("a missing required member is the client's ValidationError, exit 2, nothing sent", async () => {
    const before = emu.requests.length;
    const result = await call('athena', 'ListSessions', '--input', '{}');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/WorkGroup/);
    expect(result.stderr).toMatch(/Run "cloud-sessions call --help" for usage\./);
    expect(emu.requests.length).toBe(before);
  });

  test('an unknown input key is refused by the client: exit 2', async () => {
    const result = await call('athena', 'ListSessions', '--input', '{"WorkGroup":"w","Bogus":1}');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Bogus/);
  });

  test.each([
    [
      ['nope', 'ListSessions'],
      /Unknown service "nope": expected one of athena, jupyter-server, nimble-studio, oci-ai-data-platform\./,
    ],
    [
      ['athena', 'ListSession'],
      /Unknown operation "ListSession" of athena: expected one of ListNotebookSessions, ListSessions\./,
    ],
    [
      ['athena'],
      /Missing operation of athena: expected one of ListNotebookSessions, ListSessions\./,
    ],
    [[], /Missing service: expected one of athena, /],
    [['athena', 'ListSessions', '--input', '[1]'], /--input must be a JSON object/],
    [['athena', 'ListSessions', '--input', '{'], /--input is not JSON/],
    [['athena', 'ListSessions', '--output', 'table'], /--output of "call" must be json or ndjson/],
    [['athena', 'ListSessions', '--max-items', '3'], /--max-items does not apply to "call"/],
  ])('usage error %j: exit 2 naming the choices', async (args, message) => {
    const result = await call(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Run "cloud-sessions call --help" for usage\./);
  });
});

describe('services and call --help', () => {
  test('services lists every registry operation', async () => {
    const result = await runBin(['services'], home.awsEnv);
    expect(result.code).toBe(0);
    for (const service of SERVICES) {
      expect(result.stdout).toContain(`${service.subpath}  (`);
      for (const op of service.operations) expect(result.stdout).toContain(`  ${op.name}`);
    }
  });

  test('call --help names the services and the options', async () => {
    const result = await runBin(['call', '--help'], home.awsEnv);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Services: ${SERVICES.map((s) => s.subpath).join(', ')}`);
    for (const flag of [
      '--input',
      '--region',
      '--profile',
      '--endpoint-url',
      '--output',
      '--no-retries',
      '--validation',
      '--debug',
    ]) {
      expect(result.stdout).toContain(flag);
    }
  });
});
