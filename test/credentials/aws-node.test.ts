import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, CredentialsError } from '../../src/errors/index.js';
import {
  awsHomeDir,
  defaultAwsCredentials,
  expandHome,
  fromEnv,
  fromSharedFiles,
  resolveAwsRegion,
  resolveAwsSharedFilePaths,
} from '../../src/credentials/aws-node.js';
import { fields, useTempHome } from './aws-test-helpers.js';

const home = useTempHome();

const ENV_KEYS = { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'secret-env' };
const profileKeys = (id: string) =>
  `aws_access_key_id = ${id}\naws_secret_access_key = secret-${id}\n`;

function processScript(output: unknown): string {
  return `console.log(${JSON.stringify(JSON.stringify(output))});`;
}

describe('awsHomeDir and expandHome', () => {
  it.each<[string, Record<string, string | undefined>, string]>([
    ['HOME', { HOME: '/h/home', USERPROFILE: 'C:\\Users\\u' }, '/h/home'],
    ['USERPROFILE when HOME is unset', { USERPROFILE: 'C:\\Users\\u' }, 'C:\\Users\\u'],
    ['HOMEDRIVE and HOMEPATH', { HOMEDRIVE: 'D:', HOMEPATH: '\\u' }, 'D:\\u'],
    ['os.homedir() when none is set', {}, 'os.homedir()'],
    ['os.homedir() when HOME is empty', { HOME: '' }, 'os.homedir()'],
  ])('finds the home directory from %s', (_name, env, expected) => {
    expect(awsHomeDir(env)).toBe(expected === 'os.homedir()' ? homedir() : expected);
  });

  it.each([
    ['~', '/h'],
    ['~/.aws/config', join('/h', '.aws/config')],
    ['~\\.aws\\config', join('/h', '.aws\\config')],
    ['/abs/~/x', '/abs/~/x'],
    ['~other/x', '~other/x'],
    ['relative/x', 'relative/x'],
  ])('expands %s', (path, expected) => {
    expect(expandHome(path, { HOME: '/h' })).toBe(expected);
  });

  it.each<[string, Record<string, string>, Record<string, string>, [string, string]]>([
    ['defaults under HOME', {}, { HOME: '/h' }, ['/h/.aws/credentials', '/h/.aws/config']],
    [
      'AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE',
      {},
      { HOME: '/h', AWS_SHARED_CREDENTIALS_FILE: '/e/creds', AWS_CONFIG_FILE: '~/cfg' },
      ['/e/creds', '/h/cfg'],
    ],
    [
      'options over the environment',
      { credentialsFile: '~/c', configFile: '/o/cfg' },
      { HOME: '/h', AWS_SHARED_CREDENTIALS_FILE: '/e/creds', AWS_CONFIG_FILE: '/e/cfg' },
      ['/h/c', '/o/cfg'],
    ],
  ])('resolves shared file paths from %s', (_name, options, env, [credentials, config]) => {
    expect(resolveAwsSharedFilePaths(options, env)).toEqual({
      credentialsFile: credentials,
      configFile: config,
    });
  });
});

describe('fromEnv', () => {
  it('reads keys, session token and expiration from the environment', async () => {
    Object.assign(process.env, ENV_KEYS, {
      AWS_SESSION_TOKEN: 'token-env',
      AWS_CREDENTIAL_EXPIRATION: '2999-01-01T00:00:00Z',
    });
    expect(fields(await fromEnv()())).toEqual({
      accessKeyId: 'AKIDENV',
      secretAccessKey: 'secret-env',
      sessionToken: 'token-env',
      expiration: '2999-01-01T00:00:00.000Z',
    });
  });

  it('reads an injected environment instead of process.env', async () => {
    const identity = await fromEnv({
      env: { AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 's' },
    })();
    expect(identity.accessKeyId).toBe('A');
  });

  it.each<[string, Record<string, string>, string]>([
    ['nothing set', {}, 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set'],
    ['both empty', { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' }, 'are not set'],
    [
      'only the key id',
      { AWS_ACCESS_KEY_ID: 'A' },
      'AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not',
    ],
    [
      'only the secret',
      { AWS_SECRET_ACCESS_KEY: 's' },
      'AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not',
    ],
    [
      'a bad expiration',
      { ...ENV_KEYS, AWS_CREDENTIAL_EXPIRATION: 'tomorrow' },
      'AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 timestamp: "tomorrow"',
    ],
    [
      'a past expiration',
      { ...ENV_KEYS, AWS_CREDENTIAL_EXPIRATION: '2001-01-01T00:00:00Z' },
      'expired at 2001-01-01T00:00:00.000Z',
    ],
  ])('raises CredentialsError for %s', async (_name, env, message) => {
    Object.assign(process.env, env);
    const error = await fromEnv()().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toContain(message);
  });
});

describe('fromSharedFiles', () => {
  it('reads the default profile from ~/.aws/credentials under HOME', async () => {
    await home.write('.aws/credentials', `[default]\n${profileKeys('AKIDDEFAULT')}`);
    expect((await fromSharedFiles()()).accessKeyId).toBe('AKIDDEFAULT');
  });

  it('reads a [profile name] section of ~/.aws/config', async () => {
    await home.write('.aws/config', `[profile dev]\n${profileKeys('AKIDCONFIG')}`);
    expect((await fromSharedFiles({ profile: 'dev' })()).accessKeyId).toBe('AKIDCONFIG');
  });

  it('selects the profile from AWS_PROFILE', async () => {
    await home.write(
      '.aws/credentials',
      `[default]\n${profileKeys('D')}[dev]\n${profileKeys('DEV')}`,
    );
    process.env['AWS_PROFILE'] = 'dev';
    expect((await fromSharedFiles()()).accessKeyId).toBe('DEV');
  });

  it('prefers the profile option over AWS_PROFILE', async () => {
    await home.write('.aws/credentials', `[a]\n${profileKeys('A')}[b]\n${profileKeys('B')}`);
    process.env['AWS_PROFILE'] = 'a';
    expect((await fromSharedFiles({ profile: 'b' })()).accessKeyId).toBe('B');
  });

  it('lets the credentials file win over the config file for the same profile', async () => {
    await home.write(
      '.aws/config',
      `[profile dev]\n${profileKeys('FROMCONFIG')}aws_session_token = cfg-token\n`,
    );
    await home.write('.aws/credentials', `[dev]\n${profileKeys('FROMCREDS')}`);
    expect(fields(await fromSharedFiles({ profile: 'dev' })())).toEqual({
      accessKeyId: 'FROMCREDS',
      secretAccessKey: 'secret-FROMCREDS',
      sessionToken: 'cfg-token',
      expiration: undefined,
    });
  });

  it('reads the files named by AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE', async () => {
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = await home.write(
      'elsewhere/creds',
      '[x]\nregion = a\n',
    );
    process.env['AWS_CONFIG_FILE'] = await home.write(
      'elsewhere/cfg',
      `[profile x]\n${profileKeys('ENVFILES')}`,
    );
    await home.write('.aws/credentials', `[x]\n${profileKeys('IGNORED')}`);
    expect((await fromSharedFiles({ profile: 'x' })()).accessKeyId).toBe('ENVFILES');
  });

  it('reads files named in options, expanding ~ against HOME', async () => {
    await home.write('custom/creds', `[x]\n${profileKeys('OPTIONFILE')}`);
    const provider = fromSharedFiles({
      profile: 'x',
      credentialsFile: '~/custom/creds',
      configFile: '~/none',
    });
    expect((await provider()).accessKeyId).toBe('OPTIONFILE');
  });

  it('follows source_profile to a profile with static keys', async () => {
    await home.write('.aws/config', '[profile alias]\nsource_profile = base\nregion = eu-west-1\n');
    await home.write('.aws/credentials', `[base]\n${profileKeys('BASE')}`);
    expect((await fromSharedFiles({ profile: 'alias' })()).accessKeyId).toBe('BASE');
  });

  it('raises for a missing profile, naming it and both files', async () => {
    await home.write('.aws/credentials', `[default]\n${profileKeys('D')}`);
    const error = await fromSharedFiles({ profile: 'nope' })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toBe(
      `AWS profile "nope" not found in ${home.home}/.aws/credentials and ${home.home}/.aws/config (not found)`,
    );
  });

  it('raises for a shared file that cannot be read', async () => {
    await mkdir(join(home.home, '.aws', 'credentials'), { recursive: true });
    await expect(fromSharedFiles()()).rejects.toThrow(
      `Cannot read AWS shared file ${home.home}/.aws/credentials (EISDIR)`,
    );
  });

  it('raises for a malformed file with its path and line', async () => {
    await home.write('.aws/config', '[default]\nregion = x\n\nbroken line\n');
    await expect(fromSharedFiles()()).rejects.toThrow(
      `Malformed AWS config file ${home.home}/.aws/config line 4`,
    );
  });

  it('raises for role assumption, pointing to fromIni', async () => {
    await home.write(
      '.aws/config',
      '[profile admin]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = default\n',
    );
    await home.write('.aws/credentials', `[default]\n${profileKeys('D')}`);
    await expect(fromSharedFiles({ profile: 'admin' })()).rejects.toThrow(
      "STS AssumeRole), which this package does not support. Pass fromIni({ profile: 'admin' })",
    );
  });

  describe('credential_process', () => {
    it('runs the command and reads its JSON', async () => {
      const command = await home.script(
        'creds.mjs',
        processScript({
          Version: 1,
          AccessKeyId: 'ASIAPROCESS',
          SecretAccessKey: 'secret-process',
          SessionToken: 'token-process',
          Expiration: '2999-01-01T00:00:00Z',
        }),
      );
      await home.write('.aws/config', `[profile proc]\ncredential_process = ${command}\n`);
      expect(fields(await fromSharedFiles({ profile: 'proc' })())).toEqual({
        accessKeyId: 'ASIAPROCESS',
        secretAccessKey: 'secret-process',
        sessionToken: 'token-process',
        expiration: '2999-01-01T00:00:00.000Z',
      });
    });

    it.each<[string, string, string]>([
      ['a non-zero exit', 'process.exit(2);', 'exited with code 2'],
      ['output that is not JSON', 'console.log("hello");', 'did not print valid JSON'],
      [
        'Version 2',
        processScript({ Version: 2, AccessKeyId: 'A', SecretAccessKey: 's' }),
        'did not print "Version": 1',
      ],
    ])('raises for %s, naming the profile', async (_name, body, reason) => {
      const command = await home.script('creds.mjs', body);
      await home.write('.aws/config', `[profile proc]\ncredential_process = ${command}\n`);
      const error = await fromSharedFiles({ profile: 'proc' })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CredentialsError);
      expect((error as Error).message).toContain(
        `credential_process of AWS profile "proc" ${reason}`,
      );
    });
  });
});

describe('defaultAwsCredentials', () => {
  it.each<[string, Record<string, string>, string | undefined, string]>([
    ['environment variables first', ENV_KEYS, undefined, 'AKIDENV'],
    ['the default profile when the environment has no keys', {}, undefined, 'DEFAULT'],
    [
      'the AWS_PROFILE profile, skipping environment keys (SDK v3)',
      { ...ENV_KEYS, AWS_PROFILE: 'dev' },
      undefined,
      'DEV',
    ],
    ['the profile option, skipping environment keys', ENV_KEYS, 'dev', 'DEV'],
  ])('uses %s', async (_name, env, profile, expected) => {
    await home.write(
      '.aws/credentials',
      `[default]\n${profileKeys('DEFAULT')}[dev]\n${profileKeys('DEV')}`,
    );
    Object.assign(process.env, env);
    const provider = defaultAwsCredentials(profile === undefined ? {} : { profile });
    expect((await provider()).accessKeyId).toBe(expected);
  });

  it('uses a credential_process profile', async () => {
    const command = await home.script(
      'creds.mjs',
      processScript({ Version: 1, AccessKeyId: 'ASIACHAIN', SecretAccessKey: 's' }),
    );
    await home.write('.aws/config', `[default]\ncredential_process = ${command}\n`);
    expect((await defaultAwsCredentials()()).accessKeyId).toBe('ASIACHAIN');
  });

  it('lists everything it tried when nothing is configured', async () => {
    const error = await defaultAwsCredentials()().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toBe(
      'No AWS credentials found. Tried: environment variables (AWS_ACCESS_KEY_ID and ' +
        'AWS_SECRET_ACCESS_KEY not set); shared files (AWS profile "default" not found in ' +
        `${home.home}/.aws/credentials (not found) and ${home.home}/.aws/config (not found)). ` +
        'For SSO, roles, container or instance credentials pass a provider from ' +
        '@aws-sdk/credential-providers as `credentials`.',
    );
  });

  it('raises for a profile chosen by AWS_PROFILE that does not exist', async () => {
    Object.assign(process.env, ENV_KEYS, { AWS_PROFILE: 'missing' });
    await expect(defaultAwsCredentials()()).rejects.toThrow(
      `AWS profile "missing" not found in ${home.home}/.aws/credentials (not found)`,
    );
  });

  it('stops at half-configured environment variables instead of falling through', async () => {
    await home.write('.aws/credentials', `[default]\n${profileKeys('DEFAULT')}`);
    process.env['AWS_ACCESS_KEY_ID'] = 'AKIDONLY';
    await expect(defaultAwsCredentials()()).rejects.toThrow(
      'AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not',
    );
  });

  it('caches what it found until it expires', async () => {
    const counter = join(home.home, 'count');
    const command = await home.script(
      'creds.mjs',
      `import { appendFileSync } from 'node:fs';
       appendFileSync(${JSON.stringify(counter)}, 'x');
       ${processScript({ Version: 1, AccessKeyId: 'A', SecretAccessKey: 's', Expiration: '2024-05-01T13:00:00Z' })}`,
    );
    await home.write('.aws/config', `[default]\ncredential_process = ${command}\n`);
    let now = new Date('2024-05-01T12:00:00Z');
    const provider = defaultAwsCredentials({ now: () => now });
    const first = await provider();
    expect(await provider()).toBe(first);
    now = new Date('2024-05-01T12:56:00Z');
    expect(await provider()).not.toBe(first);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(counter, 'utf8')).toBe('xx');
  });
});

describe('resolveAwsRegion', () => {
  it.each<[string, { region?: string; profile?: string }, Record<string, string>, string]>([
    [
      'the explicit option first',
      { region: 'us-west-2' },
      { AWS_REGION: 'eu-west-1' },
      'us-west-2',
    ],
    [
      'AWS_REGION next',
      {},
      { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-2' },
      'eu-west-1',
    ],
    ['AWS_DEFAULT_REGION next', {}, { AWS_DEFAULT_REGION: 'eu-west-2' }, 'eu-west-2'],
    ['the default profile of the config file last', {}, {}, 'ap-south-1'],
    ['the AWS_PROFILE profile of the config file', {}, { AWS_PROFILE: 'dev' }, 'eu-central-1'],
    [
      'the profile option over AWS_PROFILE',
      { profile: 'ops' },
      { AWS_PROFILE: 'dev' },
      'us-gov-west-1',
    ],
    ['a trimmed value', { region: ' us-east-1 ' }, {}, 'us-east-1'],
  ])('uses %s', async (_name, options, env, expected) => {
    await home.write(
      '.aws/config',
      '[default]\nregion = ap-south-1\n[profile dev]\nregion = eu-central-1\n[profile ops]\nregion = us-gov-west-1\n',
    );
    Object.assign(process.env, env);
    expect(await resolveAwsRegion(options)).toBe(expected);
  });

  it('reads AWS_CONFIG_FILE', async () => {
    process.env['AWS_CONFIG_FILE'] = await home.write('cfg', '[default]\nregion = sa-east-1\n');
    expect(await resolveAwsRegion()).toBe('sa-east-1');
  });

  it('ignores a region in the credentials file, as the AWS CLI does', async () => {
    await home.write('.aws/credentials', '[default]\nregion = eu-west-1\n');
    await expect(resolveAwsRegion()).rejects.toThrow(ConfigurationError);
  });

  it('does not read the config file when the environment sets the region', async () => {
    await home.write('.aws/config', 'malformed\n');
    process.env['AWS_REGION'] = 'eu-west-1';
    expect(await resolveAwsRegion()).toBe('eu-west-1');
  });

  it('lists every source it tried when none sets a region', async () => {
    await expect(resolveAwsRegion()).rejects.toThrow(
      `No AWS region configured. Tried: the region option, AWS_REGION, AWS_DEFAULT_REGION, profile "default" in ${home.home}/.aws/config. Pass \`region\` or set AWS_REGION.`,
    );
  });

  it.each<[string, { region?: string }, Record<string, string>, string]>([
    [
      'an option with a slash',
      { region: 'us-east-1/x' },
      {},
      'AWS region "us-east-1/x" from the region option is not valid',
    ],
    [
      'an AWS_REGION with a dot',
      {},
      { AWS_REGION: 'evil.example.com' },
      'from AWS_REGION is not valid',
    ],
  ])('rejects %s, naming the source', async (_name, options, env, message) => {
    Object.assign(process.env, env);
    await expect(resolveAwsRegion(options)).rejects.toThrow(message);
  });

  it('rejects an invalid region in the config file, naming the profile and file', async () => {
    await home.write('.aws/config', '[profile dev]\nregion = not a region\n');
    await expect(resolveAwsRegion({ profile: 'dev' })).rejects.toThrow(
      `AWS region "not a region" from profile "dev" in ${home.home}/.aws/config is not valid`,
    );
  });
});
