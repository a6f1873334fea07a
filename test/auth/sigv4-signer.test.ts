import { afterEach, describe, expect, test, vi } from 'vitest';
import { ConfigurationError, CredentialsError, TimeoutError } from '../../src/errors/index.js';
import { createSigV4Signer, type AwsCredentialIdentity } from '../../src/auth/sigv4.js';
import { setSyncCryptoEnabled } from '../../src/auth/sigv4-crypto.js';
import type { HttpRequest } from '../../src/transport/http-request.js';

const credentials: AwsCredentialIdentity = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const now = new Date('2024-05-01T10:20:30Z');

function athenaRequest(overrides: Partial<HttpRequest> = {}): HttpRequest {
  return {
    method: 'POST',
    url: new URL('https://athena.us-east-1.amazonaws.com/'),
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AmazonAthena.ListNotebookSessions',
      'user-agent': 'cloud-sessions/0.1.0',
    },
    body: '{"NotebookId":"n-1"}',
    ...overrides,
  };
}

function signedHeadersOf(request: HttpRequest): string | undefined {
  return /SignedHeaders=([^,]*)/.exec(request.headers.authorization ?? '')?.[1];
}

afterEach(() => {
  vi.restoreAllMocks();
  setSyncCryptoEnabled(true);
});

describe('createSigV4Signer().sign', () => {
  test('sets x-amz-date from now and an Authorization header scoped to the day', async () => {
    const request = athenaRequest();
    await createSigV4Signer({ credentials, region: 'us-east-1', service: 'athena' }).sign(
      request,
      now,
    );
    expect(request.headers['x-amz-date']).toBe('20240501T102030Z');
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20240501\/us-east-1\/athena\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
    );
  });

  test('signs content-type, host, x-amz-date and x-amz-target like botocore', async () => {
    const request = athenaRequest();
    await createSigV4Signer({ credentials, region: 'us-east-1', service: 'athena' }).sign(
      request,
      now,
    );
    expect(signedHeadersOf(request)).toBe('content-type;host;x-amz-date;x-amz-target');
  });

  test('signs only host and x-amz-date when the optional headers are absent', async () => {
    const request = athenaRequest({ method: 'GET', headers: {}, body: undefined });
    await createSigV4Signer({ credentials, region: 'us-east-1', service: 'nimble' }).sign(
      request,
      now,
    );
    expect(signedHeadersOf(request)).toBe('host;x-amz-date');
  });

  test('signs host from the URL without adding a host header', async () => {
    const request = athenaRequest({ url: new URL('http://127.0.0.1:8080/') });
    await createSigV4Signer({ credentials, region: 'us-east-1', service: 'athena' }).sign(
      request,
      now,
    );
    expect(request.headers.host).toBeUndefined();
    expect(signedHeadersOf(request)).toContain('host');
  });

  test('a different port in the URL changes the signature', async () => {
    const signer = createSigV4Signer({ credentials, region: 'us-east-1', service: 'athena' });
    const a = athenaRequest({ url: new URL('http://127.0.0.1:8080/') });
    const b = athenaRequest({ url: new URL('http://127.0.0.1:8081/') });
    await signer.sign(a, now);
    await signer.sign(b, now);
    expect(a.headers.authorization).not.toBe(b.headers.authorization);
  });

  test('sets and signs x-amz-security-token for session credentials', async () => {
    const request = athenaRequest();
    await createSigV4Signer({
      credentials: { ...credentials, sessionToken: 'session-token' },
      region: 'us-east-1',
      service: 'athena',
    }).sign(request, now);
    expect(request.headers['x-amz-security-token']).toBe('session-token');
    expect(signedHeadersOf(request)).toBe(
      'content-type;host;x-amz-date;x-amz-security-token;x-amz-target',
    );
  });

  test('removes a session token left from an earlier attempt when credentials have none', async () => {
    const request = athenaRequest();
    request.headers['x-amz-security-token'] = 'stale';
    await createSigV4Signer({ credentials, region: 'us-east-1', service: 'athena' }).sign(
      request,
      now,
    );
    expect(request.headers['x-amz-security-token']).toBeUndefined();
    expect(signedHeadersOf(request)).not.toContain('x-amz-security-token');
  });

  test('re-signing a retried request replaces date and signature', async () => {
    const signer = createSigV4Signer({ credentials, region: 'us-east-1', service: 'athena' });
    const request = athenaRequest();
    await signer.sign(request, now);
    const first = request.headers.authorization;
    await signer.sign(request, new Date(now.getTime() + 1000));
    expect(request.headers['x-amz-date']).toBe('20240501T102031Z');
    expect(request.headers.authorization).not.toBe(first);
    expect(signedHeadersOf(request)).toBe('content-type;host;x-amz-date;x-amz-target');
  });

  test('the signature covers the body', async () => {
    const signer = createSigV4Signer({ credentials, region: 'us-east-1', service: 'athena' });
    const a = athenaRequest({ body: '{"MaxResults":1}' });
    const b = athenaRequest({ body: '{"MaxResults":2}' });
    await signer.sign(a, now);
    await signer.sign(b, now);
    expect(a.headers.authorization).not.toBe(b.headers.authorization);
  });

  test('calls a credentials provider once per signature', async () => {
    const provider = vi.fn(async () => credentials);
    const signer = createSigV4Signer({
      credentials: provider,
      region: 'us-east-1',
      service: 'athena',
    });
    await signer.sign(athenaRequest(), now);
    await signer.sign(athenaRequest(), now);
    expect(provider).toHaveBeenCalledTimes(2);
  });

  test('a provider and static credentials give the same signature', async () => {
    const fromStatic = athenaRequest();
    const fromProvider = athenaRequest();
    await createSigV4Signer({ credentials, region: 'us-east-1', service: 'athena' }).sign(
      fromStatic,
      now,
    );
    await createSigV4Signer({
      credentials: async () => credentials,
      region: 'us-east-1',
      service: 'athena',
    }).sign(fromProvider, now);
    expect(fromProvider.headers.authorization).toBe(fromStatic.headers.authorization);
  });

  test('a warm signature costs one digest and one HMAC when there is no body', async () => {
    // Counts WebCrypto calls, so the node:crypto path (sigv4-crypto.ts) is off here.
    setSyncCryptoEnabled(false);
    const signer = createSigV4Signer({
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'warm-path-secret' },
      region: 'us-east-1',
      service: 'athena',
    });
    await signer.sign(athenaRequest({ body: undefined }), now);
    const subtle = globalThis.crypto.subtle;
    const digest = vi.spyOn(subtle, 'digest');
    const sign = vi.spyOn(subtle, 'sign');
    const importKey = vi.spyOn(subtle, 'importKey');
    await signer.sign(athenaRequest({ body: undefined }), now);
    expect(digest).toHaveBeenCalledTimes(1);
    expect(sign).toHaveBeenCalledTimes(1);
    expect(importKey).not.toHaveBeenCalled();
  });

  test('a warm signature with a body adds exactly one digest', async () => {
    setSyncCryptoEnabled(false);
    const signer = createSigV4Signer({
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'warm-body-secret' },
      region: 'us-east-1',
      service: 'athena',
    });
    await signer.sign(athenaRequest(), now);
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    await signer.sign(athenaRequest(), now);
    expect(digest).toHaveBeenCalledTimes(2);
  });
});

describe('credential errors', () => {
  test('a provider result without accessKeyId is a CredentialsError naming the field', async () => {
    const signer = createSigV4Signer({
      credentials: async () => ({ secretAccessKey: 'x' }) as unknown as AwsCredentialIdentity,
      region: 'us-east-1',
      service: 'athena',
    });
    const error = await signer.sign(athenaRequest(), now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toMatch(/accessKeyId is missing/);
  });

  test.each([
    [{ accessKeyId: 'AKID' }, /secretAccessKey is missing/],
    [{ accessKeyId: 'AKID', secretAccessKey: 7 }, /secretAccessKey must be a string/],
    [
      { accessKeyId: 'AKID', secretAccessKey: 's', sessionToken: 1 },
      /sessionToken must be a string/,
    ],
    [{ accessKeyId: 'AKID', secretAccessKey: 's', expiration: 'soon' }, /expiration/],
    [null, /must be an object/],
  ])('provider result %j is rejected with %s', async (value, message) => {
    const signer = createSigV4Signer({
      credentials: async () => value as unknown as AwsCredentialIdentity,
      region: 'us-east-1',
      service: 'athena',
    });
    await expect(signer.sign(athenaRequest(), now)).rejects.toThrow(message);
  });

  test('expired credentials are a CredentialsError', async () => {
    const signer = createSigV4Signer({
      credentials: { ...credentials, sessionToken: 't', expiration: new Date(now.getTime() - 1) },
      region: 'us-east-1',
      service: 'athena',
    });
    await expect(signer.sign(athenaRequest(), now)).rejects.toThrow(/expired/);
  });

  test('a failing provider becomes a CredentialsError with the failure as cause', async () => {
    const failure = new Error('no profile');
    const signer = createSigV4Signer({
      credentials: async () => {
        throw failure;
      },
      region: 'us-east-1',
      service: 'athena',
    });
    const error = await signer.sign(athenaRequest(), now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).cause).toBe(failure);
  });

  test("a provider's own CloudSessionsError passes through unchanged", async () => {
    const failure = new TimeoutError('IMDS timed out', 'attempt');
    const signer = createSigV4Signer({
      credentials: async () => {
        throw failure;
      },
      region: 'us-east-1',
      service: 'athena',
    });
    await expect(signer.sign(athenaRequest(), now)).rejects.toBe(failure);
  });

  test('static credentials without secretAccessKey are rejected at construction', () => {
    expect(() =>
      createSigV4Signer({
        credentials: { accessKeyId: 'AKID' } as AwsCredentialIdentity,
        region: 'us-east-1',
        service: 'athena',
      }),
    ).toThrow(CredentialsError);
  });
});

describe('configuration errors', () => {
  test.each([
    ['region', ''],
    ['region', 'us east 1'],
    ['region', 'us-east-1/x'],
    ['service', ''],
  ])('%s %j is a ConfigurationError', (field, value) => {
    expect(() =>
      createSigV4Signer({ credentials, region: 'us-east-1', service: 'athena', [field]: value }),
    ).toThrow(ConfigurationError);
  });

  test('missing credentials are a ConfigurationError', () => {
    expect(() =>
      createSigV4Signer({
        credentials: undefined as unknown as AwsCredentialIdentity,
        region: 'us-east-1',
        service: 'athena',
      }),
    ).toThrow(ConfigurationError);
  });
});
