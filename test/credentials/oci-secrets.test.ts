import { createPrivateKey } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveKeyId } from '../../src/auth/oci-key-id.js';
import { importOciPrivateKey } from '../../src/auth/oci-keys.js';
import { loadOciPrivateKey } from '../../src/auth/oci-keys-node.js';
import { createOciSigner } from '../../src/auth/oci-signer.js';
import { parseOciConfig } from '../../src/credentials/oci-config.js';
import { fromOciConfigFile } from '../../src/credentials/oci-config-node.js';
import { CredentialsError } from '../../src/errors/index.js';
import type { HttpRequest } from '../../src/transport/http-request.js';
import { authorizationParams, pemBodyLines, rsaKeyPair } from '../auth/oci-helpers.js';

const keys = rsaKeyPair();
const PASS = 'S3cret-Pass-Phrase';
const TOKEN = 'eyJzZWNyZXQtdG9rZW4.eyJzdWIiOiJzZWNyZXQifQ.c2VjcmV0LXNpZw';
const FP = '73:61:a2:21:67:e0:df:be:7e:4b:93:1e:15:98:a5:b7';
const encrypted = createPrivateKey(keys.pkcs8).export({
  type: 'pkcs8',
  format: 'pem',
  cipher: 'aes-256-cbc',
  passphrase: PASS,
}) as string;

/** Every secret a printed form must not contain; signatures are added as they are produced. */
const secrets = [
  PASS,
  TOKEN,
  ...pemBodyLines(keys.pkcs8),
  ...pemBodyLines(keys.pkcs1),
  ...pemBodyLines(encrypted),
];

/** All the ways a value is commonly printed or serialised. */
function renderings(value: unknown): string[] {
  const out = [
    inspect(value),
    inspect(value, { depth: Infinity, showHidden: true, getters: true }),
    inspect(value, { depth: Infinity, showHidden: true, customInspect: false }),
    format('%o %O %s', value, value, value),
    String(value),
    JSON.stringify(value) ?? '',
    JSON.stringify({ ...(value as object) }) ?? '',
  ];
  if (value instanceof Error) out.push(value.message, value.stack ?? '', inspect(value.cause));
  return out;
}

function expectNoSecrets(value: unknown): void {
  for (const text of renderings(value)) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

let dir: string;
let config: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-secrets-'));
  await writeFile(join(dir, 'token'), `${TOKEN}\n`);
  await writeFile(join(dir, 'enc.pem'), encrypted);
  await writeFile(join(dir, 'key.pem'), keys.pkcs1);
  config = join(dir, 'config');
  await writeFile(
    config,
    [
      '[DEFAULT]',
      `key_file=${join(dir, 'enc.pem')}`,
      `pass_phrase=${PASS}`,
      `security_token_file=${join(dir, 'token')}`,
      '[wrong-pass]',
      'pass_phrase=nope',
      '[api]',
      'security_token_file=',
      'user=ocid1.user.oc1..u',
      `fingerprint=${FP}`,
      'tenancy=ocid1.tenancy.oc1..t',
      `key_file=${join(dir, 'key.pem')}`,
    ].join('\n'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function signedRequest(signer: ReturnType<typeof createOciSigner>): Promise<HttpRequest> {
  const req: HttpRequest = {
    method: 'POST',
    url: new URL('https://h.example/p'),
    headers: {},
    body: '{}',
  };
  await signer.sign(req, new Date());
  secrets.push(authorizationParams(req.headers['authorization']!)['signature']!);
  return req;
}

describe('no printed form leaks a key, pass phrase, token or signature', () => {
  it('a signer built from a session token and a PEM, before and after signing', async () => {
    const signer = createOciSigner({ keyId: { securityToken: TOKEN }, privateKey: keys.pkcs8 });
    expectNoSecrets(signer);
    await signedRequest(signer);
    expectNoSecrets(signer);
    expect(inspect(signer)).toBe(
      "OciRequestSigner { keyId: 'ST$<redacted>', dateHeader: 'x-date' }",
    );
  });

  it('a signer built from a provider', async () => {
    const signer = createOciSigner({
      credentials: async () => ({ keyId: `ST$${TOKEN}`, privateKey: keys.pkcs1 }),
    });
    await signedRequest(signer);
    expectNoSecrets(signer);
  });

  it('config results for session and API-key profiles (with an encrypted key)', async () => {
    const session = await fromOciConfigFile({ configFile: config, env: {}, homeDir: dir });
    expect(session.keyId).toBe(`ST$${TOKEN}`);
    expectNoSecrets(session);
    expect(JSON.parse(JSON.stringify(session))).toMatchObject({
      keyId: 'ST$<redacted>',
      authenticationType: 'security_token',
    });
    const api = await fromOciConfigFile({
      configFile: config,
      profile: 'api',
      env: {},
      homeDir: dir,
    });
    expectNoSecrets(api);
    expect(inspect(api)).toContain(`keyId: 'ocid1.tenancy.oc1..t/ocid1.user.oc1..u/${FP}'`);
    await signedRequest(createOciSigner(session));
    expectNoSecrets(session);
  });

  it('every CredentialsError', async () => {
    const failures: Array<() => unknown> = [
      () => fromOciConfigFile({ configFile: config, profile: 'wrong-pass', env: {}, homeDir: dir }),
      () => loadOciPrivateKey(encrypted, { passPhrase: `${PASS}x` }),
      () => loadOciPrivateKey(encrypted),
      () => importOciPrivateKey(encrypted),
      () => importOciPrivateKey(keys.pkcs8.replace(/[A-Z]/, '@')),
      () => importOciPrivateKey(pemBodyLines(keys.pkcs8).join('\n')),
      () => parseOciConfig(`[p]\n${PASS}\n`, 'cfg'),
      () => parseOciConfig(`${pemBodyLines(keys.pkcs8)[0]}\n`, 'cfg'),
      () => resolveKeyId({ securityToken: `${TOKEN} "` }),
      () => resolveKeyId(`ST$${TOKEN}\n`),
      () => createOciSigner({ keyId: `ST$${TOKEN}`, privateKey: encrypted }),
      () =>
        createOciSigner({ credentials: () => Promise.reject(new Error('boom')) }).sign(
          { method: 'GET', url: new URL('https://h.example/'), headers: {}, body: undefined },
          new Date(),
        ),
    ];
    for (const fail of failures) {
      const error = await (async () => fail())().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CredentialsError);
      expectNoSecrets(error);
    }
  });
});
