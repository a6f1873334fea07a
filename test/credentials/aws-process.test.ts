import { describe, expect, it } from 'vitest';
import { CredentialsError } from '../../src/errors/index.js';
import { parseCredentialProcessOutput } from '../../src/credentials/aws-process.js';
import { runCredentialProcess, shellInvocation } from '../../src/credentials/aws-process-node.js';
import { useTempHome } from './aws-test-helpers.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const json = (value: unknown) => JSON.stringify(value);

describe('parseCredentialProcessOutput', () => {
  it('reads long-term keys', () => {
    expect(
      parseCredentialProcessOutput(
        json({ Version: 1, AccessKeyId: 'AKID', SecretAccessKey: 'secret' }),
        'dev',
        NOW,
      ),
    ).toEqual({ accessKeyId: 'AKID', secretAccessKey: 'secret' });
  });

  it('reads temporary credentials with their expiration', () => {
    expect(
      parseCredentialProcessOutput(
        json({
          Version: 1,
          AccessKeyId: 'ASIA',
          SecretAccessKey: 'secret',
          SessionToken: 'token',
          Expiration: '2024-05-01T13:00:00Z',
        }),
        'dev',
        NOW,
      ),
    ).toEqual({
      accessKeyId: 'ASIA',
      secretAccessKey: 'secret',
      sessionToken: 'token',
      expiration: new Date('2024-05-01T13:00:00Z'),
    });
  });

  it('accepts surrounding whitespace and a trailing newline', () => {
    const out = `\n  ${json({ Version: 1, AccessKeyId: 'A', SecretAccessKey: 's' })}\n`;
    expect(parseCredentialProcessOutput(out, 'dev', NOW).accessKeyId).toBe('A');
  });

  it.each<[string, string, string]>([
    ['text that is not JSON', 'not json', 'did not print valid JSON'],
    ['empty output', '', 'did not print valid JSON'],
    ['a JSON array', '[1]', 'did not print a JSON object'],
    ['no Version', json({ AccessKeyId: 'A', SecretAccessKey: 's' }), 'did not print "Version": 1'],
    [
      'Version 2',
      json({ Version: 2, AccessKeyId: 'A', SecretAccessKey: 's' }),
      'did not print "Version": 1',
    ],
    [
      'Version "1" as a string',
      json({ Version: '1', AccessKeyId: 'A', SecretAccessKey: 's' }),
      '"Version": 1',
    ],
    ['no AccessKeyId', json({ Version: 1, SecretAccessKey: 's' }), 'printed no AccessKeyId'],
    [
      'an empty SecretAccessKey',
      json({ Version: 1, AccessKeyId: 'A', SecretAccessKey: '' }),
      'printed no SecretAccessKey',
    ],
    [
      'a numeric SessionToken',
      json({ Version: 1, AccessKeyId: 'A', SecretAccessKey: 's', SessionToken: 3 }),
      'SessionToken that is not a string',
    ],
    [
      'an unparsable Expiration',
      json({ Version: 1, AccessKeyId: 'A', SecretAccessKey: 's', Expiration: 'soon' }),
      'Expiration that is not an ISO 8601 timestamp',
    ],
    [
      'an expired Expiration',
      json({
        Version: 1,
        AccessKeyId: 'A',
        SecretAccessKey: 's',
        Expiration: '2024-05-01T11:00:00Z',
      }),
      'printed credentials that expired at 2024-05-01T11:00:00.000Z',
    ],
  ])('rejects %s, naming the profile', (_name, stdout, reason) => {
    expect(() => parseCredentialProcessOutput(stdout, 'dev', NOW)).toThrow(CredentialsError);
    expect(() => parseCredentialProcessOutput(stdout, 'dev', NOW)).toThrow(
      `credential_process of AWS profile "dev" `,
    );
    expect(() => parseCredentialProcessOutput(stdout, 'dev', NOW)).toThrow(reason);
  });
});

describe('shellInvocation', () => {
  it.each([
    ['linux', undefined, '/bin/sh', ['-c', 'get-creds --a "b c"'], false],
    ['darwin', undefined, '/bin/sh', ['-c', 'get-creds --a "b c"'], false],
    [
      'win32',
      'C:\\Windows\\system32\\cmd.exe',
      'C:\\Windows\\system32\\cmd.exe',
      ['/d', '/s', '/c', '"get-creds --a "b c""'],
      true,
    ],
    ['win32', undefined, 'cmd.exe', ['/d', '/s', '/c', '"get-creds --a "b c""'], true],
  ] as const)(
    'runs the command through the %s shell',
    (platform, comSpec, file, args, verbatim) => {
      expect(shellInvocation('get-creds --a "b c"', platform, comSpec)).toEqual({
        file,
        args,
        windowsVerbatimArguments: verbatim,
      });
    },
  );
});

describe('runCredentialProcess', () => {
  const home = useTempHome();

  it('returns what the command printed on stdout', async () => {
    const command = await home.script(
      'ok.mjs',
      `process.stderr.write('diagnostics\\n'); console.log(JSON.stringify({ Version: 1, argv: process.argv.slice(2) }));`,
    );
    const stdout = await runCredentialProcess(`${command} --flag "two words"`, 'dev');
    expect(JSON.parse(stdout)).toEqual({ Version: 1, argv: ['--flag', 'two words'] });
  });

  it('reports a non-zero exit code with the profile name', async () => {
    const command = await home.script('fail.mjs', 'process.exit(3);');
    await expect(runCredentialProcess(command, 'dev')).rejects.toThrow(
      'credential_process of AWS profile "dev" exited with code 3; its output is not shown',
    );
  });

  it('reports a command the shell cannot find', async () => {
    await expect(
      runCredentialProcess(`${home.home}/no-such-credential-helper`, 'dev'),
    ).rejects.toThrow('exited with code 127');
  });

  it('kills a command that runs past the timeout', async () => {
    const command = await home.script('hang.mjs', 'setTimeout(() => {}, 5_000);');
    // `exec` makes the shell become the script, so the kill reaches it rather than only `sh`.
    await expect(runCredentialProcess(`exec ${command}`, 'dev', 300)).rejects.toThrow(
      'credential_process of AWS profile "dev" did not finish within 300 ms',
    );
  });
});
