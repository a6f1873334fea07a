import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CredentialsError } from '../../src/errors/index.js';
import {
  configSectionProfileName,
  mergeAwsProfiles,
  parseIni,
} from '../../src/credentials/aws-ini.js';

const lines = (...text: string[]) => text.join('\n');

describe('parseIni', () => {
  it.each<[string, string, Record<string, Record<string, string>>]>([
    ['an empty file', '', {}],
    ['one section', lines('[default]', 'a = 1', 'b=2'), { default: { a: '1', b: '2' } }],
    [
      'whitespace around names, values and headers',
      lines('  [ dev ]  ', '\tkey\t=\t value with spaces  '),
      { dev: { key: 'value with spaces' } },
    ],
    ['CRLF line endings', '[default]\r\na = 1\r\nb = 2\r\n', { default: { a: '1', b: '2' } }],
    [
      'full-line comments with # and ;',
      lines('# top', '; also', '[default]', '  # indented comment', 'a = 1'),
      { default: { a: '1' } },
    ],
    [
      'inline comments after whitespace, but not inside a value',
      lines('[default] # header comment', 'a = 1 ; note', 'b = x#y', 'c = p;q'),
      { default: { a: '1', b: 'x#y', c: 'p;q' } },
    ],
    ['a value containing "="', lines('[default]', 'a = b=c'), { default: { a: 'b=c' } }],
    [
      'duplicate sections, merged with later keys winning',
      lines('[dev]', 'a = 1', 'b = 1', '[other]', 'x = 0', '[dev]', 'b = 2', 'c = 3'),
      { dev: { a: '1', b: '2', c: '3' }, other: { x: '0' } },
    ],
    ['a duplicate key, the later winning', lines('[d]', 'a = 1', 'a = 2'), { d: { a: '2' } }],
    [
      'a sub-section of indented lines under a key with an empty value',
      lines(
        '[profile dev]',
        's3 =',
        '  max_concurrent_requests = 20',
        '  addressing_style = path',
        'region = eu-west-1',
      ),
      {
        'profile dev': {
          's3.max_concurrent_requests': '20',
          's3.addressing_style': 'path',
          region: 'eu-west-1',
        },
      },
    ],
    [
      'an indented continuation line appended to the previous value',
      lines('[d]', 'a = first', '    second', 'b = 2'),
      { d: { a: 'first\nsecond', b: '2' } },
    ],
    [
      'an indented key = value outside a sub-section as a plain key',
      lines('[d]', 'a = 1', '  b = 2'),
      { d: { a: '1', b: '2' } },
    ],
    ['a section without keys', lines('[empty]'), { empty: {} }],
    [
      'a __proto__ section as an ordinary name',
      lines('[__proto__]', 'a = 1'),
      { ['__proto__']: { a: '1' } },
    ],
  ])('parses %s', (_name, text, expected) => {
    const parsed = parseIni(text, 'config');
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(expected);
  });

  it.each([
    ['a key before any section', lines('a = 1', '[d]'), 1, 'key outside any [section]'],
    ['a line without "="', lines('[d]', 'a = 1', 'nonsense'), 3, 'expected "key = value"'],
    [
      'an unterminated header',
      lines('# c', '[default'),
      2,
      'section header is missing its closing "]"',
    ],
    ['text after a header', lines('[default]x'), 1, 'section header is missing its closing "]"'],
    ['an empty header', lines('[ ]'), 1, 'section name is empty'],
    ['an empty key name', lines('[d]', '', ' = 1'), 3, 'key name is empty'],
    [
      'an indented line with no key before it',
      lines('[d]', '   orphan'),
      2,
      'expected "key = value"',
    ],
  ])('rejects %s with the file and line number', (_name, text, line, reason) => {
    expect(() => parseIni(text, '/home/me/.aws/config')).toThrow(CredentialsError);
    expect(() => parseIni(text, '/home/me/.aws/config')).toThrow(
      `Malformed AWS config file /home/me/.aws/config line ${line}: ${reason}`,
    );
  });

  it('never echoes the malformed line, which may hold a secret', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const error = (() => {
      try {
        parseIni(`[d]\naws_secret_access_key: ${secret}`, 'credentials');
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected a parse error');
    })();
    expect(error.message).not.toContain(secret);
  });

  it('reads back any profiles it is given, whatever comments and spacing surround them', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
    const value = fc.stringMatching(/^[A-Za-z0-9/+=:._-]{1,20}$/);
    const space = fc.constantFrom('', ' ', '\t', '  ');
    const comment = fc.constantFrom('', ' # note', ' ; note', '\t# x = y');
    const sections = fc.dictionary(name, fc.dictionary(name, value, { maxKeys: 5 }), {
      minKeys: 1,
      maxKeys: 4,
    });
    fc.assert(
      fc.property(sections, space, comment, (input, pad, trailer) => {
        const text = Object.entries(input)
          .map(([section, keys]) =>
            [
              `[${pad}${section}${pad}]${trailer}`,
              `#${pad}comment line`,
              ...Object.entries(keys).map(([k, v]) => `${k}${pad}=${pad}${v}${trailer}`),
              '',
            ].join('\n'),
          )
          .join('\n');
        expect(JSON.parse(JSON.stringify(parseIni(text, 'f')))).toEqual(input);
      }),
    );
  });
});

describe('configSectionProfileName', () => {
  it.each<[string, string | undefined]>([
    ['default', 'default'],
    ['profile dev', 'dev'],
    ['profile   dev', 'dev'],
    ['profile "my dev"', 'my dev'],
    ["profile 'dev'", 'dev'],
    ['profile default', 'default'],
    ['dev', undefined],
    ['sso-session corp', undefined],
    ['services local', undefined],
    ['profiledev', undefined],
  ])('[%s] -> %s', (section, expected) => {
    expect(configSectionProfileName(section)).toBe(expected);
  });
});

describe('mergeAwsProfiles', () => {
  it('lets credentials-file values win key by key over the config file', () => {
    const merged = mergeAwsProfiles(
      { 'profile dev': { aws_access_key_id: 'FROM_CONFIG', region: 'eu-west-1' } },
      { dev: { aws_access_key_id: 'FROM_CREDENTIALS', aws_secret_access_key: 's' } },
    );
    expect({ ...merged['dev'] }).toEqual({
      aws_access_key_id: 'FROM_CREDENTIALS',
      aws_secret_access_key: 's',
      region: 'eu-west-1',
    });
  });

  it('ignores config-file sections that are not profiles', () => {
    const merged = mergeAwsProfiles({ dev: { a: '1' }, 'sso-session s': { b: '2' } }, undefined);
    expect(Object.keys(merged)).toEqual([]);
  });

  it('takes credentials-file section names verbatim', () => {
    const merged = mergeAwsProfiles(undefined, { dev: { a: '1' }, 'profile x': { b: '2' } });
    expect(Object.keys(merged).sort()).toEqual(['dev', 'profile x']);
  });

  it('lets [profile default] win over [default] in the config file, in either order', () => {
    for (const config of [
      { 'profile default': { region: 'b' }, default: { region: 'a', output: 'json' } },
      { default: { region: 'a', output: 'json' }, 'profile default': { region: 'b' } },
    ]) {
      expect({ ...mergeAwsProfiles(config, undefined)['default'] }).toEqual({
        region: 'b',
        output: 'json',
      });
    }
  });
});
