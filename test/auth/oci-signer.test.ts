import { createVerify } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importOciPrivateKey } from '../../src/auth/oci-keys.js';
import { createOciSigner } from '../../src/auth/oci-signer.js';
import { headersToSign, signingString } from '../../src/auth/oci-signing.js';
import { ConfigurationError, CredentialsError } from '../../src/errors/index.js';
import type { HttpRequest } from '../../src/transport/http-request.js';
import { authorizationParams, getVector, postVector, rsaKeyPair } from './oci-helpers.js';

const keys = rsaKeyPair();
const KEY_ID =
  'ocid1.tenancy.oc1..t/ocid1.user.oc1..u/73:61:a2:21:67:e0:df:be:7e:4b:93:1e:15:98:a5:b7';
const NOW = new Date(Date.UTC(2024, 4, 1, 12, 30, 15));

function request(method: string, url: string, body?: string): HttpRequest {
  return { method, url: new URL(url), headers: {}, body };
}

/** Checks the signature with node:crypto over the signing string rebuilt from the signed request. */
function verifySigned(req: HttpRequest, publicPem = keys.publicPem): Record<string, string> {
  const params = authorizationParams(req.headers['authorization']!);
  const text = signingString(req, params['headers']!.split(' '));
  expect(
    createVerify('RSA-SHA256').update(text).verify(publicPem, params['signature']!, 'base64'),
  ).toBe(true);
  return params;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createOciSigner', () => {
  it("signs Oracle's GET example with its headers, keyId and (date line aside) signing string", async () => {
    // Oracle's vector says "Thu, 05 Jan 2014" but that day was a Sunday, so no Date formats to the
    // documented string; swap the weekday in the signed header to compare with the documented value.
    const signer = createOciSigner({
      keyId: getVector.keyId,
      privateKey: getVector.privateKeyPem,
      dateHeader: 'date',
    });
    const req = request('GET', getVector.url);
    await signer.sign(req, new Date('2014-01-05T21:31:40Z'));
    expect(req.headers['date']).toBe('Sun, 05 Jan 2014 21:31:40 GMT');
    const params = verifySigned(req, getVector.privateKeyPem);
    expect(params).toMatchObject({
      version: '1',
      keyId: getVector.keyId,
      algorithm: 'rsa-sha256',
      headers: 'date (request-target) host',
    });
    req.headers['date'] = getVector.headers.date;
    expect(signingString(req, getVector.signedHeaders)).toBe(getVector.signingString);
  });

  it('POST signs the body headers in the documented order and sets them on the request', async () => {
    const signer = createOciSigner({
      keyId: postVector.keyId,
      privateKey: postVector.privateKeyPem,
      dateHeader: 'date',
    });
    const req = request('POST', postVector.url, postVector.body!);
    await signer.sign(req, new Date('2014-01-05T21:31:40Z'));
    expect(req.headers).toMatchObject({
      'content-length': '316',
      'content-type': 'application/json',
      'x-content-sha256': 'V9Z20UJTvkvpJ50flBzKE32+6m2zJjweHpDMX/U4Uy0=',
    });
    const params = verifySigned(req, postVector.privateKeyPem);
    expect(params['headers']).toBe(postVector.signedHeaders.join(' '));
    req.headers['date'] = postVector.headers.date;
    expect(signingString(req, postVector.signedHeaders)).toBe(postVector.signingString);
  });

  it.each(['GET', 'HEAD', 'DELETE'])(
    '%s signs x-date (request-target) host and adds no body headers',
    async (method) => {
      const req = request(
        method,
        'https://aidp.us-ashburn-1.oci.oraclecloud.com/20260430/x?a=%20b',
      );
      await createOciSigner({ keyId: KEY_ID, privateKey: keys.pkcs8 }).sign(req, NOW);
      expect(Object.keys(req.headers).sort()).toEqual(['authorization', 'x-date']);
      expect(verifySigned(req)['headers']).toBe('x-date (request-target) host');
    },
  );

  it.each(['POST', 'PUT', 'PATCH'])('%s signs the body headers too', async (method) => {
    const req = request(method, 'https://h.example/p', '{"a":"ü"}');
    await createOciSigner({ keyId: KEY_ID, privateKey: keys.pkcs1 }).sign(req, NOW);
    expect(verifySigned(req)['headers']).toBe(headersToSign(method).join(' '));
    expect(req.headers['content-length']).toBe('10');
  });

  it('a body-method request without a body signs the empty-body hash', async () => {
    const req = request('POST', 'https://h.example/p');
    await createOciSigner({ keyId: KEY_ID, privateKey: keys.pkcs8 }).sign(req, NOW);
    expect(req.headers['x-content-sha256']).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(req.headers['content-length']).toBe('0');
  });

  it('keeps a content-type the request already has', async () => {
    const req = request('PUT', 'https://h.example/p', 'x');
    req.headers['content-type'] = 'text/plain';
    await createOciSigner({ keyId: KEY_ID, privateKey: keys.pkcs8 }).sign(req, NOW);
    expect(req.headers['content-type']).toBe('text/plain');
    verifySigned(req);
  });

  it('the date header is now.toUTCString() (IMF-fixdate), fresh on every attempt', async () => {
    const signer = createOciSigner({ keyId: KEY_ID, privateKey: keys.pkcs8 });
    const req = request('GET', 'https://h.example/');
    await signer.sign(req, NOW);
    expect(req.headers['x-date']).toBe('Wed, 01 May 2024 12:30:15 GMT');
    const first = req.headers['authorization'];
    await signer.sign(req, new Date(NOW.getTime() + 1000));
    expect(req.headers['x-date']).toBe('Wed, 01 May 2024 12:30:16 GMT');
    expect(req.headers['authorization']).not.toBe(first);
  });

  it('dateHeader "date" signs Date instead of x-date', async () => {
    const req = request('GET', 'https://h.example/');
    await createOciSigner({ keyId: KEY_ID, privateKey: keys.pkcs8, dateHeader: 'date' }).sign(
      req,
      NOW,
    );
    expect(req.headers['x-date']).toBeUndefined();
    expect(verifySigned(req)['headers']).toBe('date (request-target) host');
  });

  it('rejects an unknown dateHeader with a ConfigurationError', () => {
    expect(() =>
      createOciSigner({ keyId: KEY_ID, privateKey: keys.pkcs8, dateHeader: 'X-Date' as never }),
    ).toThrow(ConfigurationError);
  });

  it('builds the keyId from {tenancy, user, fingerprint}', async () => {
    const req = request('GET', 'https://h.example/');
    const [tenancy, user, fingerprint] = KEY_ID.split('/') as [string, string, string];
    await createOciSigner({ keyId: { tenancy, user, fingerprint }, privateKey: keys.pkcs8 }).sign(
      req,
      NOW,
    );
    expect(verifySigned(req)['keyId']).toBe(KEY_ID);
  });

  it('builds ST$<token> from {securityToken}', async () => {
    const req = request('GET', 'https://h.example/');
    await createOciSigner({
      keyId: { securityToken: 'tok.en.sig\n' },
      privateKey: keys.pkcs8,
    }).sign(req, NOW);
    expect(verifySigned(req)['keyId']).toBe('ST$tok.en.sig');
  });

  it('accepts a CryptoKey', async () => {
    const privateKey = await importOciPrivateKey(keys.pkcs8);
    const req = request('GET', 'https://h.example/');
    await createOciSigner({ keyId: KEY_ID, privateKey }).sign(req, NOW);
    verifySigned(req);
  });

  it('imports a PEM once, lazily, however many requests it signs', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const signer = createOciSigner({ keyId: KEY_ID, privateKey: keys.pkcs8 });
    expect(importKey).not.toHaveBeenCalled();
    await Promise.all([1, 2, 3].map(() => signer.sign(request('GET', 'https://h.example/'), NOW)));
    await signer.sign(request('GET', 'https://h.example/'), NOW);
    expect(importKey).toHaveBeenCalledTimes(1);
  });

  it('a malformed PEM fails at construction with a CredentialsError', () => {
    expect(() => createOciSigner({ keyId: KEY_ID, privateKey: 'not a pem' })).toThrow(
      /privateKey does not contain a PEM private key/,
    );
  });

  it('a value that is neither PEM nor CryptoKey fails at construction', () => {
    expect(() => createOciSigner({ keyId: KEY_ID, privateKey: {} as CryptoKey })).toThrow(
      CredentialsError,
    );
  });
});

describe('createOciSigner with a credentials source', () => {
  it('calls a provider on every attempt, so a refreshed session token is used', async () => {
    let token = 'first';
    const provider = vi.fn(async () => ({
      keyId: { securityToken: token },
      privateKey: keys.pkcs8,
    }));
    const signer = createOciSigner({ credentials: provider });
    const req = request('GET', 'https://h.example/');
    await signer.sign(req, NOW);
    expect(verifySigned(req)['keyId']).toBe('ST$first');
    token = 'second';
    await signer.sign(req, NOW);
    expect(verifySigned(req)['keyId']).toBe('ST$second');
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it('imports a provided PEM once per distinct PEM', async () => {
    const other = rsaKeyPair();
    let pem = keys.pkcs8;
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const signer = createOciSigner({
      credentials: async () => ({ keyId: KEY_ID, privateKey: pem }),
    });
    await signer.sign(request('GET', 'https://h.example/'), NOW);
    await signer.sign(request('GET', 'https://h.example/'), NOW);
    expect(importKey).toHaveBeenCalledTimes(1);
    pem = other.pkcs8;
    const req = request('GET', 'https://h.example/');
    await signer.sign(req, NOW);
    expect(importKey).toHaveBeenCalledTimes(2);
    verifySigned(req, other.publicPem);
  });

  it('accepts a promise of credentials (e.g. fromOciConfigFile() not yet awaited)', async () => {
    const signer = createOciSigner({
      credentials: Promise.resolve({ keyId: KEY_ID, privateKey: keys.pkcs8 }),
    });
    const req = request('GET', 'https://h.example/');
    await signer.sign(req, NOW);
    verifySigned(req);
  });

  it('a rejected credentials promise fails each sign, not the process', async () => {
    const signer = createOciSigner({
      credentials: Promise.reject(new CredentialsError('no config')),
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(signer.sign(request('GET', 'https://h.example/'), NOW)).rejects.toThrow(
      'no config',
    );
  });

  it('wraps a provider failure that is not one of ours in a CredentialsError with the cause', async () => {
    const cause = new Error('disk on fire');
    const signer = createOciSigner({ credentials: () => Promise.reject(cause) });
    const error = await signer
      .sign(request('GET', 'https://h.example/'), NOW)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).cause).toBe(cause);
  });

  it('validates provided credentials on each attempt', async () => {
    const signer = createOciSigner({
      credentials: async () => ({ keyId: '', privateKey: keys.pkcs8 }),
    });
    await expect(signer.sign(request('GET', 'https://h.example/'), NOW)).rejects.toThrow(
      /credentials\.keyId must be/,
    );
  });
});
