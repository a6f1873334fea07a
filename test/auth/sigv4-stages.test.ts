import { createHash, createHmac } from 'node:crypto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ValidationError } from '../../src/errors/index.js';
import {
  EMPTY_SHA256,
  amzDate,
  authorizationHeader,
  canonicalHeaderValue,
  canonicalHeaders,
  canonicalPath,
  canonicalQuery,
  credentialScope,
  deriveSigningKey,
  normalizePath,
  presignQuery,
  sha256Hex,
  signHeaders,
  signature,
  type SigV4Context,
} from '../../src/auth/sigv4.js';

const context: SigV4Context = {
  credentials: {
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  },
  region: 'us-east-1',
  service: 'athena',
  now: new Date('2015-08-30T12:36:00Z'),
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('amzDate', () => {
  test.each([
    ['2015-08-30T12:36:00Z', '20150830T123600Z'],
    ['2024-02-29T23:59:59.999Z', '20240229T235959Z'],
    ['2000-01-01T00:00:00Z', '20000101T000000Z'],
  ])('formats %s as %s', (iso, expected) => {
    expect(amzDate(new Date(iso))).toBe(expected);
  });

  test('rejects an invalid Date with a ValidationError naming now', () => {
    expect(() => amzDate(new Date('nope'))).toThrow(ValidationError);
    expect(() => amzDate(new Date('nope'))).toThrow(/now/);
  });
});

test('credentialScope joins date, region, service and aws4_request', () => {
  expect(credentialScope('20150830', 'eu-west-1', 'nimble')).toBe(
    '20150830/eu-west-1/nimble/aws4_request',
  );
});

describe('normalizePath', () => {
  test.each([
    ['/', '/'],
    ['', ''],
    ['//', '/'],
    ['//example//', '/example/'],
    ['/./', '/'],
    ['/./example', '/example'],
    ['/example/..', '/'],
    ['/example1/example2/../..', '/'],
    ['/a/b/../c/', '/a/c/'],
    ['/a/b/..', '/a'],
    ['/../a', '/a'],
    ['/.hidden/x', '/.hidden/x'],
    ['/a/b/', '/a/b/'],
  ])('normalizes %j to %j', (path, expected) => {
    expect(normalizePath(path)).toBe(expected);
  });
});

describe('canonicalPath', () => {
  test.each([
    ['/example space/', true, '/example%20space/'],
    ['/ሴ', true, '/%E1%88%B4'],
    ['/-._~AZaz09', true, '/-._~AZaz09'],
    ["/!$&'()*+,;=:@", true, '/%21%24%26%27%28%29%2A%2B%2C%3B%3D%3A%40'],
    ['/a%20b', true, '/a%2520b'],
    ['/a%2Fb/c', true, '/a%252Fb/c'],
    ['/example/..', false, '/example/..'],
    ['//example//', false, '//example//'],
    ['', true, '/'],
  ])('encodes %j (normalize %s) as %j', (path, normalize, expected) => {
    expect(canonicalPath(path, normalize)).toBe(expected);
  });
});

describe('canonicalQuery', () => {
  test.each([
    ['', ''],
    ['b=2&a=1', 'a=1&b=2'],
    ['a=2&a=1&a=10', 'a=1&a=10&a=2'],
    ['Param1=value1&param1=value0', 'Param1=value1&param1=value0'],
    ['a&b=', 'a=&b='],
    ['a=1&&b=2&', 'a=1&b=2'],
    ['=v', '=v'],
    ['%E1%88%B4=Value1', '%E1%88%B4=Value1'],
    ['%e1%88%b4=v', '%E1%88%B4=v'],
    ['ሴ=bar', '%E1%88%B4=bar'],
    ['k=%7E%41', 'k=~A'],
    ['k=a b', 'k=a%20b'],
    ['k=a+b', 'k=a%2Bb'],
    ['k=100%', 'k=100%25'],
    ['k=%zz', 'k=%25zz'],
    ['k=%FF', 'k=%FF'],
    ['k=a=b', 'k=a%3Db'],
    ["k=!'()*", 'k=%21%27%28%29%2A'],
  ])('canonicalizes %j as %j', (query, expected) => {
    expect(canonicalQuery(query)).toBe(expected);
  });
});

describe('canonicalHeaderValue', () => {
  test.each([
    ['value', 'value'],
    ['  value  ', 'value'],
    ['"a   b   c"', '"a b c"'],
    ['a\t\tb', 'a b'],
    ['value1\n  value2\n     value3', 'value1 value2 value3'],
    ['a\r\nb', 'a b'],
    ['', ''],
    ['   ', ''],
  ])('canonicalizes %j as %j', (value, expected) => {
    expect(canonicalHeaderValue(value)).toBe(expected);
  });
});

describe('canonicalHeaders', () => {
  test('joins repeated names with commas in their given order', () => {
    const result = canonicalHeaders([
      ['My-Header1', 'value2'],
      ['my-header1', ' value2 '],
      ['MY-HEADER1', 'value1'],
    ]);
    expect(result.lines).toBe('my-header1:value2,value2,value1');
  });

  test('sorts lower-cased names and lists them as SignedHeaders', () => {
    const result = canonicalHeaders({ 'X-Amz-Target': 'T', Host: 'h', 'content-type': 'C' });
    expect(result.lines).toBe('content-type:C\nhost:h\nx-amz-target:T');
    expect(result.signedHeaders).toBe('content-type;host;x-amz-target');
  });
});

describe('sha256Hex', () => {
  test('EMPTY_SHA256 is the SHA-256 of the empty string', () => {
    expect(EMPTY_SHA256).toBe(createHash('sha256').update('').digest('hex'));
  });

  test('hashes the empty string without calling WebCrypto', async () => {
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    expect(await sha256Hex('')).toBe(EMPTY_SHA256);
    expect(digest).not.toHaveBeenCalled();
  });

  test('hashes the UTF-8 bytes of a body', async () => {
    const body = '{"NotebookId":"ሴ"}';
    expect(await sha256Hex(body)).toBe(createHash('sha256').update(body, 'utf8').digest('hex'));
  });
});

describe('deriveSigningKey', () => {
  test('derives the signing key of the AWS documentation example', async () => {
    // IAM docs, "Examples of how to derive a signing key": kSigning for this secret, date,
    // region and service is f4780e2d...404d. The key is not extractable, so compare its MACs.
    const key = await deriveSigningKey(
      'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      '20120215',
      'us-east-1',
      'iam',
    );
    const documented = Buffer.from(
      'f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d',
      'hex',
    );
    expect(await signature(key, 'payload')).toBe(
      createHmac('sha256', documented).update('payload').digest('hex'),
    );
  });

  test('returns a non-extractable HMAC key', async () => {
    const key = await deriveSigningKey('secret-a', '20240101', 'us-east-1', 'athena');
    expect(key.extractable).toBe(false);
    expect(key.usages).toEqual(['sign']);
  });

  test('returns the cached key for the same secret, date, region and service', async () => {
    const first = deriveSigningKey('secret-b', '20240101', 'us-east-1', 'athena');
    const second = deriveSigningKey('secret-b', '20240101', 'us-east-1', 'athena');
    expect(second).toBe(first);
    expect(await second).toBe(await first);
  });

  test.each([
    ['secret', ['secret-d', '20240101', 'us-east-1', 'athena']],
    ['date', ['secret-c', '20240102', 'us-east-1', 'athena']],
    ['region', ['secret-c', '20240101', 'eu-west-1', 'athena']],
    ['service', ['secret-c', '20240101', 'us-east-1', 'nimble']],
  ] as const)('derives a new key when the %s changes', async (_part, args) => {
    const base = await deriveSigningKey('secret-c', '20240101', 'us-east-1', 'athena');
    const [secret, date, region, service] = args;
    const other = await deriveSigningKey(secret, date, region, service);
    expect(await signature(other, 'x')).not.toBe(await signature(base, 'x'));
  });

  test('runs the HMAC chain only on a cache miss', async () => {
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey');
    await deriveSigningKey('secret-e', '20240101', 'us-east-1', 'athena');
    expect(importKey).toHaveBeenCalledTimes(5);
    await deriveSigningKey('secret-e', '20240101', 'us-east-1', 'athena');
    expect(importKey).toHaveBeenCalledTimes(5);
  });

  test('evicts the least recently used key beyond 50 entries', async () => {
    const first = deriveSigningKey('secret-lru', '20240101', 'us-east-1', 'athena');
    for (let i = 0; i < 50; i++) await deriveSigningKey(`secret-fill-${i}`, '20240101', 'r', 's');
    expect(deriveSigningKey('secret-lru', '20240101', 'us-east-1', 'athena')).not.toBe(first);
  });

  test('keeps a recently used key while older ones are evicted', async () => {
    const kept = deriveSigningKey('secret-kept', '20240101', 'us-east-1', 'athena');
    for (let i = 0; i < 60; i++) {
      await deriveSigningKey(`secret-churn-${i}`, '20240101', 'r', 's');
      expect(deriveSigningKey('secret-kept', '20240101', 'us-east-1', 'athena')).toBe(kept);
    }
  });
});

test('signature is 64 lower-case hex digits', async () => {
  const key = await deriveSigningKey('secret-f', '20240101', 'us-east-1', 'athena');
  expect(await signature(key, 'string to sign')).toMatch(/^[0-9a-f]{64}$/);
});

test('authorizationHeader has the Credential, SignedHeaders, Signature layout', () => {
  expect(
    authorizationHeader({
      accessKeyId: 'AKID',
      scope: '20150830/us-east-1/service/aws4_request',
      signedHeaders: 'host;x-amz-date',
      signature: 'abc',
    }),
  ).toBe(
    'AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc',
  );
});

describe('signHeaders', () => {
  const request = {
    method: 'POST',
    path: '/',
    query: '',
    headers: { host: 'athena.us-east-1.amazonaws.com' },
    payloadHash: EMPTY_SHA256,
  };

  test('replaces caller-supplied authorization and x-amz-date instead of signing them', async () => {
    const stale = await signHeaders(
      {
        ...request,
        headers: { ...request.headers, authorization: 'old', 'x-amz-date': '19990101T000000Z' },
      },
      context,
    );
    const fresh = await signHeaders(request, context);
    expect(stale.signedHeaders).toBe('host;x-amz-date');
    expect(stale.headers.authorization).toBe(fresh.headers.authorization);
  });

  test('signs the session token unless omitSessionToken is set', async () => {
    const credentials = { ...context.credentials, sessionToken: 'token' };
    const signed = await signHeaders(request, { ...context, credentials });
    const omitted = await signHeaders(request, { ...context, credentials, omitSessionToken: true });
    expect(signed.signedHeaders).toBe('host;x-amz-date;x-amz-security-token');
    expect(omitted.signedHeaders).toBe('host;x-amz-date');
    expect(omitted.headers['x-amz-security-token']).toBe('token');
  });

  test('adds and signs x-amz-content-sha256 with signPayloadHeader', async () => {
    const result = await signHeaders(request, { ...context, signPayloadHeader: true });
    expect(result.headers['x-amz-content-sha256']).toBe(EMPTY_SHA256);
    expect(result.signedHeaders).toBe('host;x-amz-content-sha256;x-amz-date');
  });
});

describe('presignQuery', () => {
  const request = {
    method: 'GET',
    path: '/',
    query: 'a=1',
    headers: { host: 'example.amazonaws.com' },
    payloadHash: EMPTY_SHA256,
  };

  test.each([0, -1, 1.5, 604801, Number.NaN])('rejects expiresIn %s', async (expiresIn) => {
    await expect(presignQuery(request, { ...context, expiresIn })).rejects.toThrow(ValidationError);
  });

  test('keeps the original query first and appends X-Amz-Signature last', async () => {
    const result = await presignQuery(request, { ...context, expiresIn: 604800 });
    expect(result.query.startsWith('a=1&X-Amz-Algorithm=AWS4-HMAC-SHA256&')).toBe(true);
    expect(result.query).toContain('&X-Amz-Expires=604800&');
    expect(result.query.endsWith(`&X-Amz-Signature=${result.signature}`)).toBe(true);
  });
});
