import { createVerify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importOciPrivateKey } from '../../src/auth/oci-keys.js';
import {
  authorizationHeader,
  bodyHeaders,
  headersToSign,
  requestTarget,
  signString,
  signingString,
  signsBody,
  toBase64,
} from '../../src/auth/oci-signing.js';
import { ValidationError } from '../../src/errors/index.js';
import {
  authorizationParams,
  getVector,
  ociVectors,
  postVector,
  vectorRequest,
} from './oci-helpers.js';

describe('Oracle published vectors, stage by stage', () => {
  it.each(ociVectors.map((v) => [v.method, v]))(
    '%s: signing string is byte-for-byte the documented one',
    (_, vector) => {
      expect(signingString(vectorRequest(vector), vector.signedHeaders)).toBe(vector.signingString);
    },
  );

  it.each(ociVectors.map((v) => [v.method, v]))(
    '%s: signature over the documented signing string is the documented one',
    async (_, vector) => {
      const key = await importOciPrivateKey(vector.privateKeyPem);
      expect(await signString(key, vector.signingString)).toBe(vector.expectedSignature);
    },
  );

  it.each(ociVectors.map((v) => [v.method, v]))(
    '%s: Authorization header has every documented parameter with the documented value',
    (_, vector) => {
      const ours = authorizationParams(
        authorizationHeader({
          keyId: vector.keyId,
          headers: vector.signedHeaders,
          signature: vector.expectedSignature,
        }),
      );
      const oracle = authorizationParams(vector.expectedAuthorization);
      expect(Object.keys(ours).sort()).toEqual(Object.keys(oracle).sort());
      for (const name of Object.keys(oracle))
        expect([name, ours[name]]).toEqual([name, oracle[name]]);
    },
  );

  it('POST: body headers are the documented content-length, content-type and x-content-sha256', async () => {
    expect(await bodyHeaders(postVector.body!)).toEqual({
      'content-length': postVector.headers['content-length'],
      'content-type': postVector.headers['content-type'],
      'x-content-sha256': postVector.headers['x-content-sha256'],
    });
  });

  it('the documented headers list is what headersToSign gives with dateHeader "date"', () => {
    expect(headersToSign('GET', 'date')).toEqual(getVector.signedHeaders);
    expect(headersToSign('POST', 'date')).toEqual(postVector.signedHeaders);
  });

  it('a trailing newline changes the signature (the bug the vectors exist to catch)', async () => {
    const key = await importOciPrivateKey(getVector.privateKeyPem);
    expect(await signString(key, getVector.signingString + '\n')).not.toBe(
      getVector.expectedSignature,
    );
  });
});

describe('headersToSign', () => {
  it.each([
    ['GET', ['x-date', '(request-target)', 'host']],
    ['HEAD', ['x-date', '(request-target)', 'host']],
    ['DELETE', ['x-date', '(request-target)', 'host']],
    [
      'POST',
      ['x-date', '(request-target)', 'host', 'content-length', 'content-type', 'x-content-sha256'],
    ],
    [
      'PUT',
      ['x-date', '(request-target)', 'host', 'content-length', 'content-type', 'x-content-sha256'],
    ],
    [
      'PATCH',
      ['x-date', '(request-target)', 'host', 'content-length', 'content-type', 'x-content-sha256'],
    ],
    [
      'patch',
      ['x-date', '(request-target)', 'host', 'content-length', 'content-type', 'x-content-sha256'],
    ],
  ])('%s signs %j by default', (method, expected) => {
    expect(headersToSign(method)).toEqual(expected);
    expect(signsBody(method)).toBe(expected.length === 6);
  });
});

describe('signingString', () => {
  const request = (url: string, method = 'GET') => ({
    method,
    url: new URL(url),
    headers: { 'x-date': 'Sun, 05 Jan 2014 21:31:40 GMT' },
    body: undefined,
  });

  it.each([
    ['https://h.example/a%20b/%C3%BC?x=%2F&y=1', 'get /a%20b/%C3%BC?x=%2F&y=1'],
    ['https://h.example/', 'get /'],
    ['https://h.example', 'get /'],
    ['https://h.example/p?', 'get /p'],
    ['https://h.example/p?a=1#frag', 'get /p?a=1'],
  ])('(request-target) of %s is %j', (url, expected) => {
    expect(requestTarget('GET', new URL(url))).toBe(expected);
  });

  it.each([
    ['https://h.example:443/p', 'h.example'],
    ['https://h.example:8443/p', 'h.example:8443'],
    ['http://127.0.0.1:80/p', '127.0.0.1'],
    ['http://127.0.0.1:8080/p', '127.0.0.1:8080'],
    ['https://[::1]:9000/p', '[::1]:9000'],
  ])('host of %s is %j (port only when not the default)', (url, host) => {
    expect(signingString(request(url), ['host'])).toBe(`host: ${host}`);
  });

  it('host comes from the URL even when a host header says otherwise', () => {
    const req = request('https://real.example/p');
    Object.assign(req.headers, { host: 'other.example' });
    expect(signingString(req, ['host'])).toBe('host: real.example');
  });

  it('lower-cases header names from the list', () => {
    expect(signingString(request('https://h.example/'), ['X-Date'])).toBe(
      'x-date: Sun, 05 Jan 2014 21:31:40 GMT',
    );
  });

  it('a listed header missing from the request is a ValidationError naming it', () => {
    expect(() => signingString(request('https://h.example/'), ['content-type'])).toThrow(
      ValidationError,
    );
    expect(() => signingString(request('https://h.example/'), ['content-type'])).toThrow(
      /content-type/,
    );
  });

  it('never ends with a newline and has one line per header', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true }), (url) => {
        const text = signingString(request(url), headersToSign('GET'));
        expect(text.endsWith('\n')).toBe(false);
        expect(text.split('\n')).toHaveLength(3);
      }),
    );
  });
});

describe('bodyHeaders', () => {
  it('an absent body is signed as the empty string, like the TS and Go SDKs', async () => {
    expect(await bodyHeaders(undefined)).toEqual({
      'content-length': '0',
      'content-type': 'application/json',
      'x-content-sha256': '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
    });
  });

  it('content-length counts UTF-8 bytes, not UTF-16 code units', async () => {
    expect((await bodyHeaders('ü€😀'))['content-length']).toBe('9');
  });

  it('keeps a given content type', async () => {
    expect((await bodyHeaders('x', 'text/plain'))['content-type']).toBe('text/plain');
  });

  it('x-content-sha256 and content-length match node:crypto for any string', async () => {
    const { createHash } = await import('node:crypto');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), async (body) => {
        const headers = await bodyHeaders(body);
        expect(headers['x-content-sha256']).toBe(
          createHash('sha256').update(body, 'utf8').digest('base64'),
        );
        expect(headers['content-length']).toBe(String(Buffer.byteLength(body, 'utf8')));
      }),
    );
  });
});

describe('signString', () => {
  it('produces signatures that node:crypto verifies with the public key', async () => {
    const key = await importOciPrivateKey(getVector.privateKeyPem);
    const signature = await signString(key, 'date: x\nhost: y');
    const verifier = createVerify('RSA-SHA256').update('date: x\nhost: y');
    expect(verifier.verify(getVector.privateKeyPem, signature, 'base64')).toBe(true);
  });
});

describe('toBase64', () => {
  it('matches Buffer base64 for any bytes, including large inputs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 30 },
    );
  });
});
