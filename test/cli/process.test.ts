/**
 * The CLI as users run it: `node bin/cloud-sessions.js ...` in a child process, against the
 * emulator, which verifies every signature. Credentials reach the child only through its
 * environment and a temporary HOME.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { OCI_OTHER_PROFILE, ROOT, createCliHome, ndjson, runBin, type CliHome } from './helpers.js';

let emu: Emulator;
let home: CliHome;
let notebookId: string;
let studioId: string;
let platformId: string;
let workspaceKey: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  home = await createCliHome(emu);
  notebookId = emu.data.athena.notebooks[0]!.notebookId;
  studioId = emu.data.nimble.studios[0]!.studioId;
  platformId = emu.data.oci.platforms[0]!.aiDataPlatformId;
  workspaceKey = emu.data.oci.platforms[0]!.workspaces[0]!.workspaceKey;
});

afterAll(async () => {
  await emu?.close();
  await home?.cleanup();
});

const athenaArgs = (...more: string[]): string[] => [
  'list',
  'athena',
  '--notebook-id',
  notebookId,
  '--endpoint-url',
  emu.url,
  ...more,
];
const nimbleArgs = (...more: string[]): string[] => [
  'list',
  'nimble',
  '--studio-id',
  studioId,
  '--endpoint-url',
  emu.url,
  ...more,
];
const ociArgs = (...more: string[]): string[] => [
  'list',
  'oci',
  '--ai-data-platform-id',
  platformId,
  '--workspace-key',
  workspaceKey,
  '--endpoint-url',
  emu.url,
  ...more,
];

function athenaSessions(): Array<{ SessionId: string; CreationTime: string }> {
  return emu.data.athena.notebooks[0]!.sessions.map((s) => ({
    SessionId: s.SessionId,
    CreationTime: new Date(s.CreationTime * 1000).toISOString(),
  }));
}

describe('list athena', () => {
  test('table: a header and one aligned row per session, dates as ISO strings', async () => {
    const { code, stdout, stderr } = await runBin(athenaArgs(), home.awsEnv);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SESSION ID {2,}CREATED$/);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/))).toEqual(
      athenaSessions().map((s) => [s.SessionId, s.CreationTime]),
    );
  });

  test('json: every session under NotebookSessionsList and no NextToken', async () => {
    const { code, stdout } = await runBin(athenaArgs('--output', 'json'), home.awsEnv);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ NotebookSessionsList: athenaSessions() });
  });

  test('ndjson: one session per line', async () => {
    const { code, stdout } = await runBin(athenaArgs('-o', 'ndjson'), home.awsEnv);
    expect(code).toBe(0);
    expect(ndjson(stdout)).toEqual(athenaSessions());
  });

  test('json --max-items then --starting-token yields exactly the rest', async () => {
    const first = await runBin(athenaArgs('-o', 'json', '--max-items', '13'), home.awsEnv);
    expect(first.code).toBe(0);
    const cut = JSON.parse(first.stdout) as { NotebookSessionsList: unknown[]; NextToken: string };
    expect(cut.NotebookSessionsList).toHaveLength(13);
    expect(typeof cut.NextToken).toBe('string');
    const rest = await runBin(
      athenaArgs('-o', 'json', '--starting-token', cut.NextToken),
      home.awsEnv,
    );
    expect(rest.code).toBe(0);
    const after = JSON.parse(rest.stdout) as Record<string, unknown>;
    expect(after.NextToken).toBeUndefined();
    expect([...cut.NotebookSessionsList, ...(after.NotebookSessionsList as unknown[])]).toEqual(
      athenaSessions(),
    );
  });

  test('table --max-items prints the resume token on stderr; ndjson resumes from it', async () => {
    const first = await runBin(athenaArgs('--max-items', '5'), home.awsEnv);
    expect(first.code).toBe(0);
    expect(first.stdout.trimEnd().split('\n')).toHaveLength(6);
    const token = /^NextToken: (\S+)\n$/.exec(first.stderr)?.[1];
    expect(token).toBeDefined();
    const rest = await runBin(athenaArgs('-o', 'ndjson', '--starting-token', token!), home.awsEnv);
    expect(rest.code).toBe(0);
    expect(ndjson(rest.stdout)).toEqual(athenaSessions().slice(5));
  });

  test('ndjson --max-items ends with a NextToken record', async () => {
    const { stdout } = await runBin(athenaArgs('-o', 'ndjson', '--max-items', '2'), home.awsEnv);
    const records = ndjson(stdout);
    expect(records).toHaveLength(3);
    expect(Object.keys(records[2]!)).toEqual(['NextToken']);
  });

  test('--page-size sets the number of sessions per request', async () => {
    const before = emu.requests.length;
    const { code, stdout } = await runBin(
      athenaArgs('-o', 'ndjson', '--page-size', '5'),
      home.awsEnv,
    );
    expect(code).toBe(0);
    expect(ndjson(stdout)).toHaveLength(23);
    expect(emu.requests.slice(before).filter((r) => r.api === 'athena')).toHaveLength(5);
  });

  test('--profile reads credentials and region from ~/.aws', async () => {
    const { code, stdout, stderr } = await runBin(
      athenaArgs('--profile', 'emulator', '-o', 'ndjson'),
      home.filesEnv,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(ndjson(stdout)).toHaveLength(23);
  });
});

describe('list nimble', () => {
  const studio = () => emu.data.nimble.studios[0]!;

  test('table: the streaming-session columns', async () => {
    const { code, stdout } = await runBin(nimbleArgs(), home.awsEnv);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]!.split(/\s{2,}/)).toEqual([
      'SESSION ID',
      'STATE',
      'OWNED BY',
      'CREATED BY',
      'CREATED',
      'INSTANCE TYPE',
      'LAUNCH PROFILE',
    ]);
    expect(lines).toHaveLength(studio().sessions.length + 1);
    const first = studio().sessions[0]!;
    expect(lines[1]!.split(/\s{2,}/)).toEqual([
      first.sessionId,
      first.state,
      first.ownedBy,
      first.createdBy,
      new Date(first.createdAt).toISOString(),
      first.ec2InstanceType,
      first.launchProfileId,
    ]);
  });

  test('--owned-by filters on the service side', async () => {
    const owner = studio().sessions[0]!.ownedBy;
    const { code, stdout } = await runBin(
      nimbleArgs('--owned-by', owner, '-o', 'json'),
      home.awsEnv,
    );
    expect(code).toBe(0);
    const ids = (JSON.parse(stdout).sessions as Array<{ sessionId: string }>).map(
      (s) => s.sessionId,
    );
    expect(ids).toEqual(
      studio()
        .sessions.filter((s) => s.ownedBy === owner)
        .map((s) => s.sessionId),
    );
  });

  test('--max-items across a page boundary, then resume: exactly the rest', async () => {
    const first = await runBin(nimbleArgs('-o', 'ndjson', '--max-items', '30'), home.awsEnv);
    const records = ndjson(first.stdout);
    const token = records.pop()!.NextToken as string;
    const rest = await runBin(nimbleArgs('-o', 'ndjson', '--starting-token', token), home.awsEnv);
    const ids = [...records, ...ndjson(rest.stdout)].map((s) => s.sessionId);
    expect(ids).toEqual(studio().sessions.map((s) => s.sessionId));
  });
});

describe('list oci', () => {
  const sessions = () => emu.data.oci.platforms[0]!.workspaces[0]!.sessions;

  test('json: the sessions under items, signed with the DEFAULT profile of ~/.oci/config', async () => {
    const { code, stdout, stderr } = await runBin(ociArgs('-o', 'json'), home.filesEnv);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const items = JSON.parse(stdout).items as Array<Record<string, unknown>>;
    expect(items.map((s) => s.id)).toEqual(sessions().map((s) => s.id));
    expect((items[0]!.kernel as { last_activity: string }).last_activity).toBe(
      new Date(sessions()[0]!.kernel.last_activity).toISOString(),
    );
  });

  test('table with --profile: kernel columns from the nested kernel', async () => {
    const { code, stdout } = await runBin(ociArgs('--profile', OCI_OTHER_PROFILE), home.filesEnv);
    expect(code).toBe(0);
    const [header, first] = stdout.split('\n');
    expect(header!.split(/\s{2,}/)).toEqual([
      'ID',
      'NAME',
      'PATH',
      'STATE',
      'KERNEL',
      'KERNEL STATE',
      'LAST ACTIVITY',
    ]);
    const s = sessions()[0]!;
    expect(first!.split(/\s{2,}/)).toEqual([
      s.id,
      s.name,
      s.path,
      s.lifecycleState,
      s.kernel.name,
      s.kernel.execution_state,
      new Date(s.kernel.last_activity).toISOString(),
    ]);
  });

  test('ndjson --max-items then --starting-token yields exactly the rest', async () => {
    const first = await runBin(ociArgs('-o', 'ndjson', '--max-items', '2'), home.filesEnv);
    const records = ndjson(first.stdout);
    const token = records.pop()!.NextToken as string;
    expect(records).toHaveLength(2);
    const rest = await runBin(ociArgs('-o', 'ndjson', '--starting-token', token), home.filesEnv);
    expect([...records, ...ndjson(rest.stdout)].map((s) => s.id)).toEqual(
      sessions().map((s) => s.id),
    );
  });

  test('an unknown profile is a credentials failure (exit 1) naming the profile', async () => {
    const { code, stderr } = await runBin(ociArgs('--profile', 'NOPE'), home.filesEnv);
    expect(code).toBe(1);
    expect(stderr).toContain('NOPE');
    expect(stderr).not.toContain('PRIVATE KEY');
  });
});

describe('usage errors exit 2 with a helpful message', () => {
  test.each<[string, string[], RegExp]>([
    [
      'unknown command',
      ['lst'],
      /Unknown command "lst": expected "list", "call" or "services"\.\nRun "cloud-sessions --help"/,
    ],
    [
      'unknown option',
      ['list', 'athena', '--notebok-id', 'x'],
      /Unknown option --notebok-id\.\nRun "cloud-sessions list athena --help"/,
    ],
    ['missing required option', ['list', 'nimble'], /"list nimble" needs --studio-id ID\./],
    [
      'bad number',
      ['list', 'athena', '--notebook-id', 'x', '--max-items=-3'],
      /--max-items must be a whole number/,
    ],
    [
      'option of another API',
      ['list', 'nimble', '--studio-id', 's', '--page-size', '5'],
      /--page-size does not apply to "list nimble"/,
    ],
  ])('%s', async (_, args, message) => {
    const { code, stdout, stderr } = await runBin(args, home.awsEnv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  test('input the client rejects (ValidationError) names the option', async () => {
    const { code, stderr } = await runBin(
      ['list', 'athena', '--notebook-id', '', '--endpoint-url', emu.url],
      home.awsEnv,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cloud-sessions: ValidationError: Invalid parameter NotebookId/);
    expect(stderr).toContain('at least 1 characters long');
    expect(stderr).toContain('Option: --notebook-id');
  });

  test('--validation strict: input only the pattern rejects is refused locally, naming the option', async () => {
    const before = emu.requests.length;
    const { code, stderr } = await runBin(
      [
        'list',
        'athena',
        '--notebook-id',
        'not-a-uuid',
        '--endpoint-url',
        emu.url,
        '--validation',
        'strict',
      ],
      home.awsEnv,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cloud-sessions: ValidationError: Invalid parameter NotebookId/);
    expect(stderr).toContain('Option: --notebook-id');
    expect(emu.requests.length).toBe(before);
  });

  test('by default, input only the pattern rejects is sent and the service decides', async () => {
    const before = emu.requests.length;
    const { code, stderr } = await runBin(
      ['list', 'athena', '--notebook-id', 'not-a-uuid', '--endpoint-url', emu.url],
      home.awsEnv,
    );
    expect(code).toBe(1);
    expect(stderr).toContain('InvalidRequestException');
    expect(stderr).toContain('regular expression pattern');
    expect(emu.requests.length).toBe(before + 1);
  });

  test('by default, a page size above the model maximum is sent and the service decides', async () => {
    const { code, stderr } = await runBin(athenaArgs('--page-size', '101'), home.awsEnv);
    expect(code).toBe(1);
    expect(stderr).toContain('InvalidRequestException');
    expect(stderr).toContain('less than or equal to 100');
  });

  test('--validation strict: a page size above the maximum is refused as --page-size', async () => {
    const before = emu.requests.length;
    const { code, stderr } = await runBin(
      athenaArgs('--page-size', '101', '--validation', 'strict'),
      home.awsEnv,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('must be between 1 and 100');
    expect(stderr).toContain('Option: --page-size');
    expect(emu.requests.length).toBe(before);
  });

  test('a page size below the minimum is refused in either mode', async () => {
    const { code, stderr } = await runBin(athenaArgs('--page-size', '0'), home.awsEnv);
    expect(code).toBe(2);
    expect(stderr).toContain('--page-size');
  });

  test('an unknown --validation mode is a usage error', async () => {
    const { code, stderr } = await runBin(athenaArgs('--validation', 'paranoid'), home.awsEnv);
    expect(code).toBe(2);
    expect(stderr).toContain('Option --validation must be one of default, strict, got "paranoid".');
  });

  test('a malformed starting token is rejected before any request', async () => {
    const before = emu.requests.length;
    const { code, stderr } = await runBin(athenaArgs('--starting-token', 'a___b___c'), home.awsEnv);
    expect(code).toBe(2);
    expect(stderr).toContain('PaginationError: Bad starting token');
    expect(emu.requests.length).toBe(before);
  });

  test('a missing region says how to set one', async () => {
    const { AWS_REGION: _, ...env } = home.awsEnv;
    const { code, stderr } = await runBin(athenaArgs(), env);
    expect(code).toBe(2);
    expect(stderr).toContain('Missing Region');
    expect(stderr).toContain('Pass --region, set AWS_REGION');
  });
});

describe('service and network errors exit 1', () => {
  test('an unknown notebook prints ResourceNotFoundException and the request id', async () => {
    const { code, stdout, stderr } = await runBin(
      [
        'list',
        'athena',
        '--notebook-id',
        '00000000-0000-4000-8000-000000000000',
        '--endpoint-url',
        emu.url,
      ],
      home.awsEnv,
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^cloud-sessions: ResourceNotFoundException: .*\n {2}Request ID: [0-9a-f-]{36}\n {2}HTTP status: 400\n$/,
    );
  });

  test('a wrong secret key is rejected by the emulator, and the secret is not printed', async () => {
    const secret = 'wrongSecretKeyThatMustNotBePrinted0000000';
    const { code, stderr } = await runBin(nimbleArgs(), {
      ...home.awsEnv,
      AWS_SECRET_ACCESS_KEY: secret,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('Error code: InvalidSignatureException');
    expect(stderr).toContain('HTTP status: 403');
    expect(stderr).not.toContain(secret);
  });
});

describe('--no-retries', () => {
  let failing: Emulator;
  beforeAll(async () => {
    failing = await startEmulator({ port: 0, faults: { rate5xx: 1 } });
  });
  afterAll(async () => {
    await failing?.close();
  });

  const args = (...more: string[]) => [
    'list',
    'athena',
    '--notebook-id',
    failing.data.athena.notebooks[0]!.notebookId,
    '--endpoint-url',
    failing.url,
    ...more,
  ];

  test('without it, a server error is retried (3 attempts in standard mode)', async () => {
    const before = failing.requests.length;
    const { code, stderr } = await runBin(args(), home.awsEnv);
    expect(code).toBe(1);
    expect(stderr).toContain('InternalServerException');
    expect(stderr).toContain('Attempts: 3');
    expect(failing.requests.length - before).toBe(3);
  });

  test('with it, the first server error ends the run', async () => {
    const before = failing.requests.length;
    const { code, stderr } = await runBin(args('--no-retries'), home.awsEnv);
    expect(code).toBe(1);
    expect(stderr).not.toContain('Attempts:');
    expect(failing.requests.length - before).toBe(1);
  });
});

describe('--debug', () => {
  test('logs method, URL and status of each AWS request with the signature redacted', async () => {
    const { code, stderr } = await runBin(athenaArgs('-o', 'json', '--debug'), home.awsEnv);
    expect(code).toBe(0);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line.startsWith(`[debug] POST ${emu.url}/ -> 200 `)).toBe(true);
      expect(line).toContain('"authorization":"[redacted]"');
    }
    expect(stderr).not.toContain(emu.credentials.aws[0]!.secretAccessKey);
    expect(stderr).not.toMatch(/Signature=|Credential=|AWS4-HMAC-SHA256/);
  });

  test('logs OCI requests without the signature or the private key', async () => {
    const { code, stderr } = await runBin(ociArgs('--debug'), home.filesEnv);
    expect(code).toBe(0);
    expect(stderr).toContain(
      `[debug] GET ${emu.url}/20260430/aiDataPlatforms/${platformId}/workspaces/${workspaceKey}/notebook/api/sessions -> 200`,
    );
    expect(stderr).toContain('"authorization":"[redacted]"');
    expect(stderr).not.toMatch(/signature="|keyId=|PRIVATE KEY/);
  });
});

describe('help and version', () => {
  test('--help prints the usage on stdout and exits 0', async () => {
    const { code, stdout } = await runBin(['--help'], {});
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: cloud-sessions list <api> [options]');
    expect(stdout).toContain('athena');
  });

  test('list jupyter -h lists its options', async () => {
    const { code, stdout } = await runBin(['list', 'jupyter', '-h'], {});
    expect(code).toBe(0);
    expect(stdout).toContain('--token TOKEN');
    expect(stdout).toContain('JUPYTER_TOKEN');
  });

  test('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const { code, stdout } = await runBin(['--version'], {}, home.home);
    expect(code).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });
});
