import { createPrivateKey, createVerify } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOciSigner } from '../../src/auth/oci-signer.js';
import { signString } from '../../src/auth/oci-signing.js';
import {
  expandHome,
  fromOciConfigFile,
  resolveOciConfigLocation,
  resolveOciProfileName,
} from '../../src/credentials/oci-config-node.js';
import { CredentialsError } from '../../src/errors/index.js';
import type { HttpRequest } from '../../src/transport/http-request.js';
import { rsaKeyPair } from '../auth/oci-helpers.js';

const keys = rsaKeyPair();
const PASS = 'pass phrase with spaces';
const FP = '73:61:a2:21:67:e0:df:be:7e:4b:93:1e:15:98:a5:b7';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

let home: string;
let configPath: string;

async function write(relative: string, content: string): Promise<string> {
  const path = join(home, relative);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

/** Writes `config` as a separate config file and loads `profile` from it. */
async function load(config: string, profile?: string, env: Record<string, string> = {}) {
  const path = await write(`configs/${Math.random().toString(36).slice(2)}`, config);
  return fromOciConfigFile({ configFile: path, profile, env, homeDir: home });
}

async function failure(promise: Promise<unknown>): Promise<CredentialsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CredentialsError);
  return error as CredentialsError;
}

async function verifies(key: CryptoKey): Promise<boolean> {
  const signature = await signString(key, 'x');
  return createVerify('RSA-SHA256').update('x').verify(keys.publicPem, signature, 'base64');
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'oci-config-'));
  await write('.oci/key.pem', keys.pkcs1 + 'OCI_API_KEY\n');
  await write(
    '.oci/enc.pem',
    createPrivateKey(keys.pkcs8).export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase: PASS,
    }) as string,
  );
  await write('.oci/sessions/DEFAULT/token', `${TOKEN}\n`);
  configPath = await write(
    '.oci/config',
    [
      '# written by oci setup config',
      '[DEFAULT]',
      'user=ocid1.user.oc1..default',
      `fingerprint=${FP}`,
      'tenancy=ocid1.tenancy.oc1..t',
      'region=us-ashburn-1',
      'key_file=~/.oci/key.pem',
      '',
      '[dev]',
      'user=ocid1.user.oc1..dev',
      '',
      '[session]',
      'security_token_file=~/.oci/sessions/DEFAULT/token',
      'region=eu-frankfurt-1',
      '',
      '[encrypted]',
      'key_file=~/.oci/enc.pem',
      `pass_phrase=${PASS}`,
    ].join('\r\n'),
  );
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('config location and profile selection', () => {
  it.each([
    [{ configFile: '/explicit' }, { OCI_CONFIG_FILE: '/env' }, '/explicit', 'option'],
    [{ configFile: '~/cfg' }, {}, '/home/me/cfg', 'option'],
    [{}, { OCI_CONFIG_FILE: '/env' }, '/env', 'OCI_CONFIG_FILE'],
    [{}, { OCI_CONFIG_FILE: '~/env-cfg' }, '/home/me/env-cfg', 'OCI_CONFIG_FILE'],
    [{}, { OCI_CONFIG_FILE: '' }, '/home/me/.oci/config', 'default'],
    [{}, {}, '/home/me/.oci/config', 'default'],
  ])('options %j with env %j read %s (%s)', (options, env, path, origin) => {
    expect(resolveOciConfigLocation(options, env, '/home/me')).toEqual({ path, origin });
  });

  it.each([
    [{ profile: 'opt' }, { OCI_CLI_PROFILE: 'env' }, 'opt'],
    [{}, { OCI_CLI_PROFILE: 'env' }, 'env'],
    [{}, {}, 'DEFAULT'],
  ])('options %j with env %j select profile %s', (options, env, profile) => {
    expect(resolveOciProfileName(options, env)).toBe(profile);
  });

  it.each([
    ['~', '/h'],
    ['~/a/b', '/h/a/b'],
    ['~\\a', '/h\\a'],
    ['~other/a', '~other/a'],
    ['/abs/~/a', '/abs/~/a'],
    ['relative/key.pem', 'relative/key.pem'],
  ])('expandHome(%s) is %s', (path, expected) => {
    expect(expandHome(path, '/h')).toBe(expected);
  });

  it('OCI_CONFIG_FILE wins even when ~/.oci/config exists (unlike oci-common)', async () => {
    const other = await write(
      'elsewhere/config',
      '[DEFAULT]\nsecurity_token_file=~/.oci/sessions/DEFAULT/token\nkey_file=~/.oci/key.pem\n',
    );
    const credentials = await fromOciConfigFile({ env: { OCI_CONFIG_FILE: other }, homeDir: home });
    expect(credentials.configFile).toBe(other);
    expect(credentials.authenticationType).toBe('security_token');
  });

  it('reads ~/.oci/config and the DEFAULT profile when nothing is set', async () => {
    const credentials = await fromOciConfigFile({ env: {}, homeDir: home });
    expect(credentials.configFile).toBe(configPath);
    expect(credentials.profile).toBe('DEFAULT');
  });

  it('OCI_CLI_PROFILE selects the profile', async () => {
    const credentials = await fromOciConfigFile({ env: { OCI_CLI_PROFILE: 'dev' }, homeDir: home });
    expect(credentials.keyId).toBe(`ocid1.tenancy.oc1..t/ocid1.user.oc1..dev/${FP}`);
  });
});

describe('fromOciConfigFile', () => {
  it('an API-key profile gives tenancy/user/fingerprint, a working key and the region', async () => {
    const credentials = await fromOciConfigFile({ configFile: configPath, env: {}, homeDir: home });
    expect(credentials.keyId).toBe(`ocid1.tenancy.oc1..t/ocid1.user.oc1..default/${FP}`);
    expect(credentials.authenticationType).toBe('api_key');
    expect(credentials.region).toBe('us-ashburn-1');
    expect(credentials.privateKey.extractable).toBe(false);
    expect(await verifies(credentials.privateKey)).toBe(true);
  });

  it('a profile takes missing keys from [DEFAULT]', async () => {
    const credentials = await fromOciConfigFile({
      configFile: configPath,
      profile: 'dev',
      env: {},
      homeDir: home,
    });
    expect(credentials.keyId).toBe(`ocid1.tenancy.oc1..t/ocid1.user.oc1..dev/${FP}`);
    expect(credentials.region).toBe('us-ashburn-1');
  });

  it('a session profile signs as ST$<token>, trimmed, never tenancy//fingerprint', async () => {
    const credentials = await fromOciConfigFile({
      configFile: configPath,
      profile: 'session',
      env: {},
      homeDir: home,
    });
    expect(credentials.keyId).toBe(`ST$${TOKEN}`);
    expect(credentials.authenticationType).toBe('security_token');
    expect(credentials.region).toBe('eu-frankfurt-1');
    expect(await verifies(credentials.privateKey)).toBe(true);
  });

  it('a session profile needs no user or fingerprint', async () => {
    const credentials = await load(
      '[DEFAULT]\nsecurity_token_file=~/.oci/sessions/DEFAULT/token\nkey_file=~/.oci/key.pem\ntenancy=t\n',
    );
    expect(credentials.keyId).toBe(`ST$${TOKEN}`);
  });

  it('pass_phrase decrypts an encrypted key_file', async () => {
    const credentials = await fromOciConfigFile({
      configFile: configPath,
      profile: 'encrypted',
      env: {},
      homeDir: home,
    });
    expect(await verifies(credentials.privateKey)).toBe(true);
  });

  it('OCI_REGION fills in a missing region, but the profile region wins', async () => {
    const noRegion = `[DEFAULT]\nuser=u\nfingerprint=${FP}\ntenancy=t\nkey_file=~/.oci/key.pem\n`;
    expect((await load(noRegion, undefined, { OCI_REGION: 'ap-tokyo-1' })).region).toBe(
      'ap-tokyo-1',
    );
    expect((await load(noRegion)).region).toBeUndefined();
    expect(
      (await fromOciConfigFile({ configFile: configPath, env: { OCI_REGION: 'x' }, homeDir: home }))
        .region,
    ).toBe('us-ashburn-1');
  });

  it('its result plugs into createOciSigner directly', async () => {
    const credentials = await fromOciConfigFile({
      configFile: configPath,
      profile: 'session',
      env: {},
      homeDir: home,
    });
    const req: HttpRequest = {
      method: 'GET',
      url: new URL('https://h.example/'),
      headers: {},
      body: undefined,
    };
    await createOciSigner(credentials).sign(req, new Date(0));
    expect(req.headers['authorization']).toContain(`keyId="ST$${TOKEN}"`);
  });

  it('as a provider it picks up a refreshed token file on the next attempt', async () => {
    const tokenPath = await write('refresh/token', 'old-token\n');
    const cfg = await write(
      'refresh/config',
      `[DEFAULT]\nsecurity_token_file=${tokenPath}\nkey_file=~/.oci/key.pem\n`,
    );
    const signer = createOciSigner({
      credentials: () => fromOciConfigFile({ configFile: cfg, env: {}, homeDir: home }),
    });
    const req: HttpRequest = {
      method: 'GET',
      url: new URL('https://h.example/'),
      headers: {},
      body: undefined,
    };
    await signer.sign(req, new Date(0));
    expect(req.headers['authorization']).toContain('keyId="ST$old-token"');
    await writeFile(tokenPath, 'new-token\n');
    await signer.sign(req, new Date(0));
    expect(req.headers['authorization']).toContain('keyId="ST$new-token"');
  });
});

describe('fromOciConfigFile errors name what and where', () => {
  it('a missing default config file mentions OCI_CONFIG_FILE', async () => {
    const error = await failure(fromOciConfigFile({ env: {}, homeDir: join(home, 'nowhere') }));
    expect(error.message).toBe(
      `OCI config file ${join(home, 'nowhere')}/.oci/config (the default location; set OCI_CONFIG_FILE or pass configFile) does not exist`,
    );
  });

  it('a missing OCI_CONFIG_FILE target says where the path came from', async () => {
    const error = await failure(
      fromOciConfigFile({ env: { OCI_CONFIG_FILE: '/no/such/config' }, homeDir: home }),
    );
    expect(error.message).toBe(
      'OCI config file /no/such/config (from OCI_CONFIG_FILE) does not exist',
    );
  });

  it('an unknown profile lists the available ones', async () => {
    const error = await failure(
      fromOciConfigFile({ configFile: configPath, profile: 'prod', env: {}, homeDir: home }),
    );
    expect(error.message).toBe(
      `profile "prod" not found in ${configPath} (available profiles: DEFAULT, dev, session, encrypted)`,
    );
  });

  it('a malformed line gives the file and line number', async () => {
    const error = await failure(load('[DEFAULT]\nuser=u\noops\n'));
    expect(error.message).toMatch(/configs\/\w+ line 3: malformed line/);
  });

  it.each(['user', 'fingerprint', 'tenancy'])(
    'an API-key profile without %s names file, profile and key',
    async (missing) => {
      const lines = { user: 'user=u', fingerprint: `fingerprint=${FP}`, tenancy: 'tenancy=t' };
      const text = [
        '[p]',
        'key_file=~/.oci/key.pem',
        ...Object.entries(lines)
          .filter(([k]) => k !== missing)
          .map(([, l]) => l),
      ].join('\n');
      const error = await failure(load(text, 'p'));
      expect(error.message).toMatch(
        new RegExp(
          `^profile \\[p\\] of .*configs/\\w+ has no "${missing}" \\(required for an API-key profile without security_token_file\\)$`,
        ),
      );
    },
  );

  it('a profile without key_file names the key', async () => {
    const error = await failure(load(`[p]\nuser=u\nfingerprint=${FP}\ntenancy=t\n`, 'p'));
    expect(error.message).toMatch(/profile \[p\] of .* has no "key_file"/);
  });

  it('a malformed fingerprint names file, profile and key', async () => {
    const error = await failure(
      load('[p]\nuser=u\nfingerprint=abc\ntenancy=t\nkey_file=~/.oci/key.pem\n', 'p'),
    );
    expect(error.message).toMatch(/profile \[p\] of .*\.fingerprint must be 16 hex pairs/);
  });

  it('a missing key file is named, with the profile that points at it', async () => {
    const error = await failure(
      load(`[p]\nuser=u\nfingerprint=${FP}\ntenancy=t\nkey_file=~/missing.pem\n`, 'p'),
    );
    expect(error.message).toMatch(
      new RegExp(
        `^${join(home, 'missing.pem')} \\(key_file of profile \\[p\\] of .*\\) does not exist$`,
      ),
    );
  });

  it('an unreadable key file (a directory) is named with the error code', async () => {
    const error = await failure(
      load(`[p]\nuser=u\nfingerprint=${FP}\ntenancy=t\nkey_file=~/.oci\n`, 'p'),
    );
    expect(error.message).toMatch(
      /\.oci \(key_file of profile \[p\] .*\) cannot be read \(EISDIR\)/,
    );
  });

  it('a key file without a PEM key is named', async () => {
    await write('junk.pem', 'not a key');
    const error = await failure(
      load(`[p]\nuser=u\nfingerprint=${FP}\ntenancy=t\nkey_file=~/junk.pem\n`, 'p'),
    );
    expect(error.message).toMatch(
      /^key file .*junk\.pem \(key_file of profile \[p\] of .*\) does not contain a PEM private key$/,
    );
  });

  it('a wrong pass phrase names the key file and profile, never the pass phrase', async () => {
    const error = await failure(
      load(
        '[p]\nkey_file=~/.oci/enc.pem\npass_phrase=not-the-one\nuser=u\nfingerprint=' +
          FP +
          '\ntenancy=t\n',
        'p',
      ),
    );
    expect(error.message).toMatch(
      /^key file .*enc\.pem \(key_file of profile \[p\] of .*\) could not be decrypted: wrong pass phrase/,
    );
    expect(error.message).not.toContain('not-the-one');
  });

  it('an encrypted key without pass_phrase says one is needed', async () => {
    const error = await failure(
      load(`[p]\nkey_file=~/.oci/enc.pem\nuser=u\nfingerprint=${FP}\ntenancy=t\n`, 'p'),
    );
    expect(error.message).toMatch(/enc\.pem .* is encrypted and no pass phrase was given/);
  });

  it('a missing security_token_file is named', async () => {
    const error = await failure(
      load('[p]\nsecurity_token_file=~/no-token\nkey_file=~/.oci/key.pem\n', 'p'),
    );
    expect(error.message).toMatch(
      /no-token \(security_token_file of profile \[p\] of .*\) does not exist/,
    );
  });

  it('an empty token file is named', async () => {
    await write('empty-token', '\n');
    const error = await failure(
      load('[p]\nsecurity_token_file=~/empty-token\nkey_file=~/.oci/key.pem\n', 'p'),
    );
    expect(error.message).toMatch(
      /^security token file .*empty-token \(profile \[p\] of .*\) is empty$/,
    );
  });

  it('an unsupported authentication_type is refused rather than signed wrongly', async () => {
    const error = await failure(load('[p]\nauthentication_type=instance_principal\n', 'p'));
    expect(error.message).toMatch(
      /authentication_type=instance_principal; only api_key and security_token/,
    );
  });
});
