import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  memoizeAwsCredentials,
  staticAwsCredentials,
  validateAwsCredentials,
} from '../../src/credentials/aws.js';
import { defaultAwsCredentials, fromEnv, fromSharedFiles } from '../../src/credentials/aws-node.js';
import { SECRET_KEY, SESSION_TOKEN, useTempHome } from './aws-test-helpers.js';

const home = useTempHome();

function expectNoSecrets(text: string): void {
  expect(text).not.toContain(SECRET_KEY);
  expect(text).not.toContain(SESSION_TOKEN);
  // Also no recognisable fragment of them (e.g. a truncated JSON.parse excerpt).
  expect(text).not.toContain('zzSECRETzz');
  expect(text).not.toContain('zzSESSIONzz');
}

/** Every way an error is commonly turned into text, including its cause chain. */
function renderError(error: unknown): string {
  const e = error as Error;
  return [
    String(e),
    e.message,
    e.stack ?? '',
    inspect(e, { depth: 10 }),
    JSON.stringify(e),
    JSON.stringify(e, Object.getOwnPropertyNames(e)),
  ].join('\n');
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  return renderError(error);
}

async function processProfile(body: string): Promise<void> {
  const command = await home.script('creds.mjs', body);
  await home.write('.aws/config', `[default]\ncredential_process = ${command}\n`);
}

const secretJson = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    Version: 1,
    AccessKeyId: 'ASIAEXAMPLE',
    SecretAccessKey: SECRET_KEY,
    SessionToken: SESSION_TOKEN,
    ...extra,
  });

describe('AWS credentials keep secrets out of every rendering', () => {
  it('as inspect, JSON, String, template literals and spreads', async () => {
    const credentials = await staticAwsCredentials({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: SECRET_KEY,
      sessionToken: SESSION_TOKEN,
      expiration: new Date('2999-01-01T00:00:00Z'),
    })();
    expect(credentials.secretAccessKey).toBe(SECRET_KEY);
    expect(credentials.sessionToken).toBe(SESSION_TOKEN);
    const renderings = [
      inspect(credentials),
      inspect(credentials, { showHidden: true, depth: 10 }),
      inspect(credentials, { customInspect: false, showHidden: true }),
      inspect({ nested: { credentials } }, { depth: 10 }),
      JSON.stringify(credentials),
      JSON.stringify({ credentials }),
      String(credentials),
      `${credentials}`,
      JSON.stringify({ ...credentials }),
      inspect({ ...credentials }),
      JSON.stringify(Object.entries(credentials)),
    ];
    for (const text of renderings) expectNoSecrets(text);
    expect(inspect(credentials)).toContain('AKIDEXAMPLE');
    expect(JSON.parse(JSON.stringify(credentials))).toEqual({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: '[redacted]',
      sessionToken: '[redacted]',
      expiration: '2999-01-01T00:00:00.000Z',
    });
  });

  it('as the memoized provider function', async () => {
    const provider = memoizeAwsCredentials({
      accessKeyId: 'A',
      secretAccessKey: SECRET_KEY,
      sessionToken: SESSION_TOKEN,
    });
    await provider();
    expectNoSecrets(inspect(provider, { showHidden: true, depth: 10 }));
  });
});

describe('AWS credential errors never contain secrets', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a bad sessionToken type', { accessKeyId: 'A', secretAccessKey: SECRET_KEY, sessionToken: 1 }],
    [
      'a bad expiration',
      { accessKeyId: 'A', secretAccessKey: SECRET_KEY, expiration: SESSION_TOKEN },
    ],
    ['a secret in the wrong type', { accessKeyId: 'A', secretAccessKey: [SECRET_KEY] }],
    [
      'an empty access key id',
      { accessKeyId: '', secretAccessKey: SECRET_KEY, sessionToken: SESSION_TOKEN },
    ],
  ])('from validation of %s', (_name, value) => {
    let text = '';
    try {
      validateAwsCredentials(value, 'test');
    } catch (error) {
      text = renderError(error);
    }
    expect(text).toContain('CredentialsError');
    expectNoSecrets(text);
  });

  it('from an expired identity', async () => {
    const provider = memoizeAwsCredentials(async () => ({
      accessKeyId: 'A',
      secretAccessKey: SECRET_KEY,
      sessionToken: SESSION_TOKEN,
      expiration: new Date('2000-01-01T00:00:00Z'),
    }));
    expectNoSecrets(await failure(provider()));
  });

  it.each<[string, string]>([
    [
      'printed secrets on stdout and stderr, then exited non-zero',
      `console.log(${JSON.stringify(secretJson())}); console.error(${JSON.stringify(SECRET_KEY + ' ' + SESSION_TOKEN)}); process.exit(1);`,
    ],
    [
      'printed truncated JSON holding a secret',
      `console.log(${JSON.stringify(secretJson().slice(0, -20))});`,
    ],
    ['printed a secret that is not JSON', `console.log(${JSON.stringify(SECRET_KEY)});`],
    [
      'printed Version 2 with secrets',
      `console.log(${JSON.stringify(secretJson({ Version: 2 }))});`,
    ],
    [
      'printed expired secrets',
      `console.log(${JSON.stringify(secretJson({ Expiration: '2000-01-01T00:00:00Z' }))});`,
    ],
    [
      'printed secrets but no AccessKeyId',
      `console.log(${JSON.stringify(secretJson({ AccessKeyId: '' }))});`,
    ],
  ])('from a credential_process that %s', async (_name, body) => {
    await processProfile(body);
    const text = await failure(fromSharedFiles()());
    expect(text).toContain('credential_process of AWS profile "default"');
    expectNoSecrets(text);
    expectNoSecrets(await failure(defaultAwsCredentials()()));
  });

  it('from a malformed credentials file line holding a secret', async () => {
    await home.write('.aws/credentials', `[default]\naws_secret_access_key ${SECRET_KEY}\n`);
    const text = await failure(fromSharedFiles()());
    expect(text).toContain('line 2');
    expectNoSecrets(text);
  });

  it('from a profile with a secret but no access key id', async () => {
    await home.write(
      '.aws/credentials',
      `[default]\naws_secret_access_key = ${SECRET_KEY}\naws_session_token = ${SESSION_TOKEN}\n`,
    );
    expectNoSecrets(await failure(fromSharedFiles()()));
  });

  it('from environment variables with a secret but no access key id', async () => {
    Object.assign(process.env, {
      AWS_SECRET_ACCESS_KEY: SECRET_KEY,
      AWS_SESSION_TOKEN: SESSION_TOKEN,
    });
    expectNoSecrets(await failure(fromEnv()()));
    expectNoSecrets(await failure(defaultAwsCredentials()()));
  });

  it('from environment credentials that have expired', async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'A',
      AWS_SECRET_ACCESS_KEY: SECRET_KEY,
      AWS_SESSION_TOKEN: SESSION_TOKEN,
      AWS_CREDENTIAL_EXPIRATION: '2000-01-01T00:00:00Z',
    });
    expectNoSecrets(await failure(defaultAwsCredentials()()));
  });
});
