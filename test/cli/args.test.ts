import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.js';
import { API_COMMANDS } from '../../src/cli/commands.js';
import { COMMON_FLAGS } from '../../src/cli/common-flags.js';
import type { ListInvocation } from '../../src/cli/invocation.js';
import { parseCount } from '../../src/cli/option-values.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { ValidationError } from '../../src/errors/index.js';

const NOTEBOOK = '4ac3b2c1-0d9e-4f1a-8b7c-6d5e4f3a2b1c';

function parseList(argv: string[], env = {}): ListInvocation {
  const invocation = parseCommandLine(argv, env);
  if (invocation.kind !== 'list')
    throw new Error(`expected a list invocation, got ${invocation.kind}`);
  return invocation;
}

function usageError(argv: string[], env = {}): UsageError {
  try {
    parseCommandLine(argv, env);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`expected a UsageError for ${argv.join(' ')}`);
}

describe('list commands build the API input from their options', () => {
  test.each([
    [['list', 'athena', '--notebook-id', NOTEBOOK], 'athena', { NotebookId: NOTEBOOK }],
    [
      ['list', 'nimble', '--studio-id', 's1', '--owned-by', 'alice', '--created-by', 'bob'],
      'nimble',
      { studioId: 's1', ownedBy: 'alice', createdBy: 'bob' },
    ],
    [
      ['list', 'nimble', '--studio-id=s1', '--session-ids', 'a,b'],
      'nimble',
      { studioId: 's1', sessionIds: 'a,b' },
    ],
    [
      [
        'list',
        'oci',
        '--ai-data-platform-id',
        'ocid1.x',
        '--workspace-key',
        'ws',
        '--path',
        'a.ipynb',
      ],
      'oci',
      { aiDataPlatformId: 'ocid1.x', workspaceKey: 'ws', path: 'a.ipynb' },
    ],
    [
      ['list', 'oci', '--ai-data-platform-id', 'p', '--workspace-key', 'w', '--cluster-id', 'c'],
      'oci',
      { aiDataPlatformId: 'p', workspaceKey: 'w', cluster_id: 'c' },
    ],
    [['list', 'jupyter', '--url', 'http://127.0.0.1:8888/', '--token', 't'], 'jupyter', {}],
  ])('%j', (argv, api, input) => {
    const invocation = parseList(argv);
    expect(invocation.command.name).toBe(api);
    expect(invocation.input).toEqual(input);
  });
});

describe('common options', () => {
  test('defaults: table output, retries on, no debug, no limits', () => {
    const invocation = parseList(['list', 'athena', '--notebook-id', NOTEBOOK]);
    expect(invocation).toMatchObject({ output: 'table', retries: true, debug: false });
    expect(invocation.maxItems).toBeUndefined();
    expect(invocation.pageSize).toBeUndefined();
    expect(invocation.startingToken).toBeUndefined();
  });

  test('every common option is read', () => {
    const invocation = parseList([
      'list',
      'athena',
      '--notebook-id',
      NOTEBOOK,
      '--region',
      'eu-west-1',
      '--profile',
      'dev',
      '--endpoint-url',
      'http://127.0.0.1:4566',
      '--max-items',
      '7',
      '--starting-token',
      'tok',
      '--page-size',
      '5',
      '-o',
      'ndjson',
      '--no-retries',
      '--debug',
    ]);
    expect(invocation).toMatchObject({
      region: 'eu-west-1',
      profile: 'dev',
      endpointUrl: 'http://127.0.0.1:4566',
      maxItems: 7,
      startingToken: 'tok',
      pageSize: 5,
      output: 'ndjson',
      retries: false,
      debug: true,
    });
  });

  test.each(['table', 'json', 'ndjson'])('--output %s is accepted', (format) => {
    expect(
      parseList(['list', 'athena', '--notebook-id', NOTEBOOK, '--output', format]).output,
    ).toBe(format);
  });

  test.each(['default', 'strict'])('--validation %s is passed on; absent it is unset', (mode) => {
    expect(
      parseList([
        'list',
        'jupyter',
        '--url',
        'http://127.0.0.1:8888/',
        '--token',
        't',
        '--validation',
        mode,
      ]).validation,
    ).toBe(mode);
    expect(parseList(['list', 'athena', '--notebook-id', NOTEBOOK]).validation).toBeUndefined();
  });

  test('--max-items 0 is allowed (botocore yields an empty page and a resume token)', () => {
    expect(
      parseList(['list', 'athena', '--notebook-id', NOTEBOOK, '--max-items', '0']).maxItems,
    ).toBe(0);
  });
});

describe('the Jupyter token', () => {
  test('comes from --token', () => {
    expect(parseList(['list', 'jupyter', '--url', 'http://h/', '--token', 'abc']).token).toBe(
      'abc',
    );
  });

  test('falls back to JUPYTER_TOKEN', () => {
    const invocation = parseList(['list', 'jupyter', '--url', 'http://h/'], {
      JUPYTER_TOKEN: 'env',
    });
    expect(invocation.token).toBe('env');
    expect(invocation.url).toBe('http://h/');
  });

  test('--token wins over JUPYTER_TOKEN', () => {
    const invocation = parseList(['list', 'jupyter', '--url', 'http://h/', '--token', 'flag'], {
      JUPYTER_TOKEN: 'env',
    });
    expect(invocation.token).toBe('flag');
  });

  test('an empty JUPYTER_TOKEN counts as unset', () => {
    const error = usageError(['list', 'jupyter', '--url', 'http://h/'], { JUPYTER_TOKEN: '' });
    expect(error.message).toBe('"list jupyter" needs --token TOKEN (or set JUPYTER_TOKEN).');
  });
});

describe('help and version', () => {
  test.each([
    [['--help'], 'main'],
    [['-h'], 'main'],
    [['list', '--help'], 'list'],
    [['list', 'oci', '-h'], 'api'],
    [['list', 'athena', '--help', '--max-items', 'x'], 'api'],
  ])('%j shows %s help', (argv, level) => {
    const invocation = parseCommandLine(argv);
    expect(invocation.kind).toBe('help');
    if (invocation.kind === 'help') expect(invocation.topic.level).toBe(level);
  });

  test('--version wins over everything else', () => {
    expect(parseCommandLine(['list', 'athena', '--help', '--version']).kind).toBe('version');
  });
});

describe('usage errors', () => {
  test.each<[string[], string, string]>([
    [[], 'command', 'Missing command: expected "list <api>".'],
    [['lst'], 'command', 'Unknown command "lst": expected "list", "call" or "services".'],
    [
      ['list'],
      'api',
      'Missing API: expected "list <api>" with <api> one of athena, athena-sessions, nimble, oci, jupyter.',
    ],
    [
      ['list', 'gcp'],
      'api',
      'Unknown API "gcp": expected one of athena, athena-sessions, nimble, oci, jupyter.',
    ],
    [['list', 'athena'], '--notebook-id', '"list athena" needs --notebook-id ID.'],
    [['list', 'nimble'], '--studio-id', '"list nimble" needs --studio-id ID.'],
    [
      ['list', 'oci', '--ai-data-platform-id', 'p'],
      '--workspace-key',
      '"list oci" needs --workspace-key KEY.',
    ],
    [['list', 'jupyter', '--token', 't'], '--url', '"list jupyter" needs --url URL.'],
    [
      ['list', 'athena', '--notebook-id', NOTEBOOK, '--bogus'],
      '--bogus',
      'Unknown option --bogus.',
    ],
    [['list', 'athena', '--notebook-id', NOTEBOOK, '-x'], '-x', 'Unknown option -x.'],
    [['list', 'athena', '--notebook-id'], '--notebook-id', 'Option --notebook-id needs a value.'],
    [
      ['list', 'athena', '--notebook-id', NOTEBOOK, '-o'],
      '--output',
      'Option --output needs a value.',
    ],
    [
      ['list', 'athena', '--notebook-id', NOTEBOOK, '--max-items', '-3'],
      '--max-items',
      'Option --max-items needs a value. To give a value that starts with "-", write --max-items=<value>.',
    ],
    [
      ['list', 'athena', '--notebook-id', NOTEBOOK, '--max-items=-3'],
      '--max-items',
      'Option --max-items must be a whole number, 0 or more, got "-3".',
    ],
    [
      ['list', 'athena', '--notebook-id', NOTEBOOK, '--debug=yes'],
      '--debug',
      'Option --debug does not take a value.',
    ],
    [
      ['list', 'athena', '--notebook-id', NOTEBOOK, 'extra'],
      'argument',
      'Unexpected argument "extra" after "list athena".',
    ],
    [
      ['list', 'athena', '--notebook-id', NOTEBOOK, '--output', 'yaml'],
      '--output',
      'Option --output must be one of table, json, ndjson, got "yaml".',
    ],
    [
      ['list', 'athena', '--notebook-id', NOTEBOOK, '--validation', 'strict=1'],
      '--validation',
      'Option --validation must be one of default, strict, got "strict=1".',
    ],
    [
      ['list', 'athena', '--notebook-id', NOTEBOOK, '--max-items', 'ten'],
      '--max-items',
      'Option --max-items must be a whole number, 0 or more, got "ten".',
    ],
    [
      ['list', 'athena', '--notebook-id', NOTEBOOK, '--page-size', '0'],
      '--page-size',
      'Option --page-size must be a whole number, 1 or more, got "0".',
    ],
    [
      ['list', 'nimble', '--studio-id', 's', '--page-size', '5'],
      '--page-size',
      'Option --page-size does not apply to "list nimble" (Nimble Studio ListStreamingSessions has no page-size parameter).',
    ],
    [
      ['list', 'oci', '--ai-data-platform-id', 'p', '--workspace-key', 'w', '--page-size', '5'],
      '--page-size',
      'Option --page-size does not apply to "list oci" (OCI AI Data Platform ListSessions has no page-size parameter).',
    ],
    [
      ['list', 'athena', '--notebook-id', NOTEBOOK, '--studio-id', 's'],
      '--studio-id',
      'Option --studio-id does not apply to "list athena".',
    ],
    [
      ['list', 'jupyter', '--url', 'http://h/', '--token', 't', '--region', 'r'],
      '--region',
      'Option --region does not apply to "list jupyter" (Jupyter Server takes --url and --token).',
    ],
    [
      ['list', 'jupyter', '--url', 'http://h/', '--token', 't', '--endpoint-url', 'http://h/'],
      '--endpoint-url',
      'Option --endpoint-url does not apply to "list jupyter" (use --url).',
    ],
    [
      ['list', 'jupyter', '--url', 'ftp://h/', '--token', 't'],
      '--url',
      'Option --url must be an http:// or https:// URL.',
    ],
    [
      ['list', 'athena', '--notebook-id', NOTEBOOK, '--endpoint-url', 'localhost:4566'],
      '--endpoint-url',
      'Option --endpoint-url must be an http:// or https:// URL.',
    ],
  ])('%j', (argv, parameter, message) => {
    const error = usageError(argv);
    expect(error.parameter).toBe(parameter);
    expect(error.message).toBe(message);
  });

  test('a usage error is a ValidationError named UsageError', () => {
    const error = usageError(['lst']);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.name).toBe('UsageError');
  });

  test.each<[string[], string]>([
    [['lst'], ''],
    [['list', 'gcp'], 'list'],
    [['list', 'athena', '--bogus'], 'list athena'],
    [['list', 'nimble', '--studio-id', 's', '--page-size', '1'], 'list nimble'],
  ])('%j points to the help of %j', (argv, helpCommand) => {
    expect(usageError(argv).helpCommand).toBe(helpCommand);
  });

  test('a URL that does not parse is not echoed (it may carry credentials)', () => {
    const error = usageError([
      'list',
      'jupyter',
      '--url',
      'http://user:s3cret@[bad',
      '--token',
      't',
    ]);
    expect(error.message).not.toContain('s3cret');
  });

  test('the token given to a command that takes none is not echoed', () => {
    const error = usageError(['list', 'athena', '--notebook-id', NOTEBOOK, '--token=s3cret']);
    expect(error.message).toBe('Option --token does not apply to "list athena".');
  });
});

describe('parseCount', () => {
  test.each<[string, number, number]>([
    ['0', 0, 0],
    ['7', 0, 7],
    ['007', 0, 7],
    [' 12 ', 1, 12],
    ['9007199254740991', 0, Number.MAX_SAFE_INTEGER],
  ])('%j (min %d) is %d', (value, min, expected) => {
    expect(parseCount('--n', value, min)).toBe(expected);
  });

  test.each(['', '-1', '+1', '1.5', '1e3', '0x10', 'NaN', 'Infinity', '9007199254740992', '1 2'])(
    '%j is rejected',
    (value) => {
      expect(() => parseCount('--n', value, 0)).toThrow(UsageError);
    },
  );

  test('accepts exactly the decimal digit strings within the safe range', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const valid = /^\d+$/.test(value.trim()) && Number.isSafeInteger(Number(value.trim()));
        let parsed: number | undefined;
        try {
          parsed = parseCount('--n', value, 0);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
        }
        expect(parsed !== undefined).toBe(valid);
        if (parsed !== undefined) expect(parsed).toBe(Number(value.trim()));
      }),
    );
  });
});

describe('the command model', () => {
  test('no API option shadows a common option', () => {
    const common = new Set<string>([...COMMON_FLAGS.map((flag) => flag.flag), 'help', 'version']);
    for (const command of API_COMMANDS) {
      for (const flag of command.flags) expect(common.has(flag.flag)).toBe(false);
    }
  });

  test('every command names at least one column and a result member', () => {
    for (const command of API_COMMANDS) {
      expect(command.columns.length).toBeGreaterThan(0);
      expect(command.resultKey).not.toBe('');
    }
  });
});
