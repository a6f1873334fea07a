import { createPrivateKey, createVerify, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decryptOciPrivateKeyPem,
  loadOciPrivateKey,
  ociKeyFingerprint,
  readOciPrivateKeyFile,
} from '../../src/auth/oci-keys-node.js';
import { signString } from '../../src/auth/oci-signing.js';
import { CredentialsError } from '../../src/errors/index.js';
import { getVector, rsaKeyPair } from './oci-helpers.js';

const PASS = 'correct horse battery staple';
const keys = rsaKeyPair();
const encryptedPkcs8 = createPrivateKey(keys.pkcs8).export({
  type: 'pkcs8',
  format: 'pem',
  cipher: 'aes-256-cbc',
  passphrase: PASS,
}) as string;
const encryptedPkcs1 = createPrivateKey(keys.pkcs8).export({
  type: 'pkcs1',
  format: 'pem',
  cipher: 'des-ede3-cbc',
  passphrase: PASS,
}) as string;

async function verifies(key: CryptoKey): Promise<boolean> {
  const signature = await signString(key, 'payload');
  return createVerify('RSA-SHA256').update('payload').verify(keys.publicPem, signature, 'base64');
}

describe('loadOciPrivateKey', () => {
  it('reuses the last import for the same PEM and pass phrase, and only for those', async () => {
    const first = await loadOciPrivateKey(encryptedPkcs8, { passPhrase: PASS });
    expect(await loadOciPrivateKey(encryptedPkcs8, { passPhrase: PASS })).toBe(first);
    const other = await loadOciPrivateKey(keys.pkcs8);
    expect(other).not.toBe(first);
    expect(await verifies(other)).toBe(true);
    // A failed import is not kept: the right pass phrase still works after a wrong one.
    await expect(loadOciPrivateKey(encryptedPkcs1, { passPhrase: 'wrong' })).rejects.toThrow(
      CredentialsError,
    );
    expect(await verifies(await loadOciPrivateKey(encryptedPkcs1, { passPhrase: PASS }))).toBe(
      true,
    );
  });

  it.each([
    ['encrypted PKCS#8', encryptedPkcs8],
    ['legacy encrypted PKCS#1 (DEK-Info)', encryptedPkcs1],
  ])('decrypts %s with the pass phrase', async (_, pem) => {
    expect(await verifies(await loadOciPrivateKey(pem, { passPhrase: PASS }))).toBe(true);
  });

  it('loads an unencrypted key and ignores a pass phrase given for it', async () => {
    expect(await verifies(await loadOciPrivateKey(keys.pkcs1, { passPhrase: 'unused' }))).toBe(
      true,
    );
  });

  it.each([
    ['encrypted PKCS#8', encryptedPkcs8],
    ['legacy encrypted PKCS#1', encryptedPkcs1],
  ])(
    'a wrong pass phrase for %s is a CredentialsError naming the key, not the pass phrase',
    async (_, pem) => {
      const error = await loadOciPrivateKey(pem, {
        passPhrase: 'wrong-guess',
        source: 'key file /k.pem',
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CredentialsError);
      expect((error as Error).message).toMatch(
        /key file \/k\.pem could not be decrypted: wrong pass phrase/,
      );
      expect((error as Error).message).not.toContain('wrong-guess');
    },
  );

  it('an encrypted key without a pass phrase says one is needed', async () => {
    await expect(loadOciPrivateKey(encryptedPkcs8, { source: 'my-key' })).rejects.toThrow(
      /my-key is encrypted and no pass phrase was given/,
    );
  });

  it('decryptOciPrivateKeyPem returns an unencrypted PKCS#8 PEM of the same key', () => {
    const plain = decryptOciPrivateKeyPem(encryptedPkcs1, PASS);
    expect(plain).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(createPrivateKey(plain).export({ type: 'pkcs8', format: 'pem' })).toBe(keys.pkcs8);
  });

  it('rejects an encrypted non-RSA key after decrypting it', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-128-cbc',
      passphrase: PASS,
    }) as string;
    expect(() => decryptOciPrivateKeyPem(pem, PASS, 'ec-key')).toThrow(
      /ec-key is a ec key; OCI API keys are RSA/,
    );
  });
});

describe('readOciPrivateKeyFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oci-keys-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and decrypts a key file', async () => {
    const path = join(dir, 'enc.pem');
    await writeFile(path, encryptedPkcs8);
    expect(await verifies(await readOciPrivateKeyFile(path, PASS))).toBe(true);
  });

  it('a missing key file is a CredentialsError naming the file', async () => {
    const path = join(dir, 'missing.pem');
    await expect(readOciPrivateKeyFile(path)).rejects.toThrow(
      `cannot read key file ${path}: ENOENT`,
    );
  });
});

describe('ociKeyFingerprint', () => {
  it("gives the true MD5 fingerprint of Oracle's test key (the docs print a placeholder)", () => {
    expect(ociKeyFingerprint(getVector.privateKeyPem)).toBe(
      '73:61:a2:21:67:e0:df:be:7e:4b:93:1e:15:98:a5:b7',
    );
  });

  it('is the same for the private key, its PKCS#1 form, an encrypted form and the public key', () => {
    const expected = ociKeyFingerprint(keys.pkcs8);
    expect(expected).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){15}$/);
    expect(ociKeyFingerprint(keys.pkcs1)).toBe(expected);
    expect(ociKeyFingerprint(encryptedPkcs8, PASS)).toBe(expected);
    expect(ociKeyFingerprint(keys.publicPem)).toBe(expected);
    expect(ociKeyFingerprint(createPrivateKey(keys.pkcs8))).toBe(expected);
  });
});
