import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertOciSigningKey,
  decodePemBlocks,
  derLength,
  importOciPrivateKey,
  isEncryptedPem,
  pemKeyKind,
  pkcs1ToPkcs8,
  privateKeyPkcs8,
} from '../../src/auth/oci-keys.js';
import { signString } from '../../src/auth/oci-signing.js';
import { CredentialsError } from '../../src/errors/index.js';
import { getVector, rsaKeyPair } from './oci-helpers.js';

const keys = rsaKeyPair();

describe('derLength (X.690 8.1.3)', () => {
  it.each([
    [0, [0x00]],
    [127, [0x7f]],
    [128, [0x81, 0x80]],
    [255, [0x81, 0xff]],
    [256, [0x82, 0x01, 0x00]],
    [1190, [0x82, 0x04, 0xa6]],
    [65_535, [0x82, 0xff, 0xff]],
    [65_536, [0x83, 0x01, 0x00, 0x00]],
  ])('length %i encodes as %j', (length, bytes) => {
    expect([...derLength(length)]).toEqual(bytes);
  });
});

describe('pkcs1ToPkcs8', () => {
  it('wraps PKCS#1 into exactly the PKCS#8 DER that OpenSSL writes', () => {
    const [pkcs1] = decodePemBlocks(keys.pkcs1, 'test');
    const expected = createPrivateKey(keys.pkcs1).export({ type: 'pkcs8', format: 'der' });
    expect(Buffer.from(pkcs1ToPkcs8(pkcs1!.der))).toEqual(expected);
  });

  it('matches OpenSSL for the 1024-bit Oracle test key (short length forms)', () => {
    const [block] = decodePemBlocks(getVector.privateKeyPem, 'test');
    const expected = createPrivateKey(getVector.privateKeyPem).export({
      type: 'pkcs8',
      format: 'der',
    });
    expect(Buffer.from(pkcs1ToPkcs8(block!.der))).toEqual(expected);
  });

  it('matches OpenSSL for keys of several sizes', () => {
    fc.assert(
      fc.property(fc.constantFrom(512, 1024, 3072), (modulusLength) => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength });
        const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'der' });
        const expected = privateKey.export({ type: 'pkcs8', format: 'der' });
        expect(Buffer.from(pkcs1ToPkcs8(new Uint8Array(pkcs1)))).toEqual(expected);
      }),
      { numRuns: 6 },
    );
  });
});

describe('PEM decoding', () => {
  it.each([
    ['PRIVATE KEY', 'pkcs8'],
    ['RSA PRIVATE KEY', 'pkcs1'],
    ['ENCRYPTED PRIVATE KEY', 'encrypted'],
    ['EC PRIVATE KEY', 'unsupported'],
    ['OPENSSH PRIVATE KEY', 'unsupported'],
  ])('a "%s" block is %s', (label, kind) => {
    expect(pemKeyKind({ label, headers: {}, der: new Uint8Array() })).toBe(kind);
  });

  it('a PKCS#1 block with Proc-Type: 4,ENCRYPTED is encrypted', () => {
    const pem = createPrivateKey(keys.pkcs1).export({
      type: 'pkcs1',
      format: 'pem',
      cipher: 'aes-128-cbc',
      passphrase: 'pw',
    }) as string;
    const [block] = decodePemBlocks(pem, 'test');
    expect(block!.headers['Proc-Type']).toBe('4,ENCRYPTED');
    expect(block!.headers['DEK-Info']).toMatch(/^AES-128-CBC,/);
    expect(isEncryptedPem(pem)).toBe(true);
  });

  it('ignores text around the key, such as the OCI_API_KEY line the console appends', () => {
    const pem = `comment\n${keys.pkcs8}OCI_API_KEY\n`;
    expect(privateKeyPkcs8(pem, 'test')).toEqual(privateKeyPkcs8(keys.pkcs8, 'test'));
  });

  it('tolerates CRLF line endings', () => {
    const crlf = keys.pkcs8.replace(/\n/g, '\r\n');
    expect(privateKeyPkcs8(crlf, 'test')).toEqual(privateKeyPkcs8(keys.pkcs8, 'test'));
  });

  it('skips a certificate before the key', () => {
    const cert = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    expect(privateKeyPkcs8(cert + keys.pkcs1, 'test')).toEqual(privateKeyPkcs8(keys.pkcs8, 'test'));
  });

  it.each([
    ['no PEM at all', 'not a key', /my-key does not contain a PEM private key/],
    ['only a public key', keys.publicPem, /found: PUBLIC KEY/],
    [
      'a body that is not base64',
      '-----BEGIN PRIVATE KEY-----\n@@@@\n-----END PRIVATE KEY-----',
      /my-key has a PEM block whose body is not valid base64/,
    ],
    [
      'an EC key',
      '-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----',
      /"EC PRIVATE KEY" PEM; OCI API keys must be RSA/,
    ],
  ])('rejects %s with a CredentialsError naming the source', (_, pem, message) => {
    expect(() => privateKeyPkcs8(pem, 'my-key')).toThrow(CredentialsError);
    expect(() => privateKeyPkcs8(pem, 'my-key')).toThrow(message);
  });

  it('rejects an encrypted PKCS#8 key, pointing at the pass phrase and the Node loader', () => {
    const pem = createPrivateKey(keys.pkcs8).export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase: 'pw',
    }) as string;
    expect(() => privateKeyPkcs8(pem, 'my-key')).toThrow(
      /my-key is an encrypted private key: .*pass phrase.*loadOciPrivateKey/,
    );
  });
});

describe('importOciPrivateKey', () => {
  it('imports PKCS#1 and PKCS#8 forms of a key into keys that sign identically', async () => {
    const fromPkcs1 = await importOciPrivateKey(keys.pkcs1);
    const fromPkcs8 = await importOciPrivateKey(keys.pkcs8);
    expect(await signString(fromPkcs1, 'text')).toBe(await signString(fromPkcs8, 'text'));
  });

  it('produces a non-extractable RSASSA-PKCS1-v1_5 / SHA-256 signing key', async () => {
    const key = await importOciPrivateKey(keys.pkcs8);
    expect(key.extractable).toBe(false);
    expect(key.type).toBe('private');
    expect(key.usages).toEqual(['sign']);
    expect(key.algorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } });
    await expect(crypto.subtle.exportKey('pkcs8', key)).rejects.toThrow();
  });

  it('rejects a PKCS#8 key that is not RSA', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    await expect(importOciPrivateKey(pem, 'ec-key')).rejects.toThrow(
      /ec-key is not an RSA private key that WebCrypto can import/,
    );
  });
});

describe('assertOciSigningKey', () => {
  it('accepts a key imported for rsa-sha256 signing', async () => {
    const key = await importOciPrivateKey(keys.pkcs8);
    expect(() => assertOciSigningKey(key)).not.toThrow();
  });

  it.each([
    ['RSA-PSS', { name: 'RSA-PSS', hash: 'SHA-256' }],
    ['SHA-1', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }],
  ])('rejects a %s key', async (_, algorithm) => {
    const der = createPrivateKey(keys.pkcs8).export({ type: 'pkcs8', format: 'der' });
    const key = await crypto.subtle.importKey('pkcs8', der, algorithm, false, ['sign']);
    expect(() => assertOciSigningKey(key, 'k')).toThrow(CredentialsError);
  });

  it('rejects a public key', async () => {
    const der = createPrivateKey(keys.pkcs8).export({ type: 'pkcs8', format: 'der' });
    const pair = await crypto.subtle.importKey(
      'pkcs8',
      der,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      true,
      ['sign'],
    );
    const jwk = await crypto.subtle.exportKey('jwk', pair);
    const publicKey = await crypto.subtle.importKey(
      'jwk',
      { kty: jwk.kty, n: jwk.n, e: jwk.e },
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    expect(() => assertOciSigningKey(publicKey, 'k')).toThrow(/k must be a private/);
  });
});
