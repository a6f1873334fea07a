/**
 * Differential tests: our SigV4 against @smithy/signature-v4 (the AWS SDK for JavaScript v3
 * signer) on random requests. Both sign the same URL: ours reads `url.pathname` / `url.search`
 * as the transport sends them; smithy gets `path = url.pathname` (its `uriEscapePath: true`
 * escapes it once more) and the decoded query map the SDK would hold.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createSigV4Signer, presignUrl, signHeaders, sha256Hex } from '../../src/auth/sigv4.js';
import type { AwsCredentialIdentity } from '../../src/auth/sigv4.js';
import type { HttpRequest } from '../../src/transport/http-request.js';

type SmithyRequest = Parameters<SignatureV4['presign']>[0];

const REGION = 'us-east-1';

/** RFC 3986 strict encoding, as a transport that encodes everything but unreserved would do. */
function strictEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const trickyChar = fc.constantFrom(
  ...Array.from(' %!$&\'()*+,;=:@~-._/?#[]"<>\\^`{|}\téß€ሴ😀\u00a0'),
  '%41',
  '%2F',
  '%zz',
  '%E1%88%B4',
);
const textChar = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: trickyChar },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);
const text = (maxLength: number) => fc.string({ unit: textChar, maxLength });

const segment = fc.oneof(
  { weight: 8, arbitrary: text(8) },
  { weight: 1, arbitrary: fc.constantFrom('.', '..', '', '%2E', 'a b') },
);

/** Wire path: encoded by a transport-like encoder, or raw and left to `new URL` (which keeps `%`). */
const pathArb = fc
  .tuple(
    fc.array(segment, { maxLength: 6 }),
    fc.constantFrom('strict', 'encodeURIComponent', 'raw'),
    fc.boolean(),
  )
  .map(([segments, mode, trailingSlash]) => {
    const encode =
      mode === 'strict'
        ? strictEncode
        : mode === 'encodeURIComponent'
          ? encodeURIComponent
          : (s: string) => s.replace(/[?#\\]/g, (c) => encodeURIComponent(c));
    return `/${segments.map(encode).join('/')}${trailingSlash && segments.length > 0 ? '/' : ''}`;
  });

const queryKey = fc.oneof(fc.constantFrom('a', 'A', 'b', 'key', 'maxResults', 'x-id'), text(6));
const queryArb = fc
  .tuple(
    fc.array(fc.tuple(queryKey, fc.oneof(fc.constant(''), text(10)), fc.boolean()), {
      maxLength: 6,
    }),
    fc.constantFrom(strictEncode, encodeURIComponent),
  )
  .map(([pairs, encode]) =>
    pairs
      .map(([key, value, bare]) =>
        bare && value === '' ? encode(key) : `${encode(key)}=${encode(value)}`,
      )
      .join('&'),
  );

/** Header values with runs of spaces and tabs, leading and trailing blanks. */
const headerValue = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }),
      fc.constantFrom(' ', '  ', '\t', ' \t '),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''));
const headerName = fc
  .string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'.split('')),
    minLength: 1,
    maxLength: 8,
  })
  .map((name) => `x-test-${name}`);

const credentialsArb: fc.Arbitrary<AwsCredentialIdentity> = fc.record({
  accessKeyId: fc.constantFrom('AKIDEXAMPLE', 'ASIAEXAMPLE2'),
  secretAccessKey: fc.oneof(
    fc.constant('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }),
  ),
  sessionToken: fc.option(fc.base64String({ minLength: 4, maxLength: 60 }), { nil: undefined }),
});

const requestArb = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'),
  origin: fc.constantFrom(
    'https://athena.us-east-1.amazonaws.com',
    'https://nimble.eu-west-1.amazonaws.com',
    'http://127.0.0.1:8080',
    'https://localhost:8443',
  ),
  path: pathArb,
  query: queryArb,
  contentType: fc.option(fc.oneof(fc.constant('application/x-amz-json-1.1'), headerValue), {
    nil: undefined,
  }),
  target: fc.option(fc.constant('AmazonAthena.ListNotebookSessions'), { nil: undefined }),
  extraHeaders: fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
  body: fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { nil: undefined }),
  credentials: credentialsArb,
  service: fc.constantFrom('athena', 'nimble', 'service'),
  now: fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
});

/** The decoded query map the SDK would hold for `url.search` (repeated keys become arrays). */
function smithyQuery(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const piece of url.search.slice(1).split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const key = decodeURIComponent(eq < 0 ? piece : piece.slice(0, eq));
    const value = decodeURIComponent(eq < 0 ? '' : piece.slice(eq + 1));
    const previous = query[key];
    query[key] =
      previous === undefined
        ? value
        : Array.isArray(previous)
          ? [...previous, value]
          : [previous, value];
  }
  return query;
}

function smithyRequest(url: URL, method: string, headers: Record<string, string>, body?: string) {
  return {
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: smithyQuery(url),
    headers: { host: url.host, ...headers },
    body,
  } as SmithyRequest;
}

function smithySigner(credentials: AwsCredentialIdentity, service: string): SignatureV4 {
  return new SignatureV4({
    credentials: async () => credentials,
    region: REGION,
    service,
    sha256: Sha256,
    // botocore and our signer send no x-amz-content-sha256 for non-S3 services.
    applyChecksum: false,
  });
}

test('createSigV4Signer and @smithy/signature-v4 agree on 1,000 random requests', async () => {
  let compared = 0;
  await fc.assert(
    fc.asyncProperty(requestArb, async (r) => {
      const url = new URL(`${r.origin}${r.path}${r.query ? `?${r.query}` : ''}`);
      const headers: Record<string, string> = { ...r.extraHeaders };
      if (r.contentType !== undefined) headers['content-type'] = r.contentType;
      if (r.target !== undefined) headers['x-amz-target'] = r.target;
      const smithyInput = smithyRequest(url, r.method, { ...headers }, r.body);

      const request: HttpRequest = { method: r.method, url, headers, body: r.body };
      await createSigV4Signer({
        credentials: r.credentials,
        region: REGION,
        service: r.service,
      }).sign(request, r.now);

      const expected = await smithySigner(r.credentials, r.service).sign(smithyInput, {
        signingDate: r.now,
        unsignableHeaders: new Set(Object.keys(r.extraHeaders)),
      });
      expect(request.headers.authorization).toBe(expected.headers.authorization);
      expect(request.headers['x-amz-date']).toBe(expected.headers['x-amz-date']);
      expect(request.headers['x-amz-security-token']).toBe(
        expected.headers['x-amz-security-token'],
      );
      compared++;
    }),
    { numRuns: 1000 },
  );
  expect(compared).toBeGreaterThanOrEqual(1000);
});

test('signHeaders signs any header set exactly like @smithy/signature-v4', async () => {
  await fc.assert(
    fc.asyncProperty(
      requestArb,
      fc.dictionary(headerName, headerValue, { minKeys: 1, maxKeys: 8 }),
      async (r, signedHeaders) => {
        const url = new URL(`${r.origin}${r.path}${r.query ? `?${r.query}` : ''}`);
        const ours = await signHeaders(
          {
            method: r.method,
            path: url.pathname,
            query: url.search.slice(1),
            headers: { host: url.host, ...signedHeaders },
            payloadHash: await sha256Hex(r.body ?? ''),
          },
          { credentials: r.credentials, region: REGION, service: r.service, now: r.now },
        );
        const expected = await smithySigner(r.credentials, r.service).sign(
          smithyRequest(url, r.method, signedHeaders, r.body),
          { signingDate: r.now },
        );
        expect(ours.headers.authorization).toBe(expected.headers.authorization);
      },
    ),
    { numRuns: 500 },
  );
});

test('presignUrl and @smithy/signature-v4 presign agree on random requests', async () => {
  await fc.assert(
    fc.asyncProperty(
      requestArb,
      fc.dictionary(headerName, headerValue, { maxKeys: 3 }),
      fc.integer({ min: 1, max: 604800 }),
      async (r, headers, expiresIn) => {
        const url = new URL(`${r.origin}${r.path}${r.query ? `?${r.query}` : ''}`);
        const ours = await presignUrl(
          { method: r.method, url, headers, body: r.body },
          {
            credentials: r.credentials,
            region: REGION,
            service: r.service,
            now: r.now,
            expiresIn,
          },
        );
        const expected = await smithySigner(r.credentials, r.service).presign(
          smithyRequest(url, r.method, headers, r.body),
          { signingDate: r.now, expiresIn },
        );
        expect(ours.searchParams.get('X-Amz-Signature')).toBe(expected.query?.['X-Amz-Signature']);
        expect(ours.searchParams.get('X-Amz-Credential')).toBe(
          expected.query?.['X-Amz-Credential'],
        );
        expect(ours.searchParams.get('X-Amz-Security-Token')).toBe(
          expected.query?.['X-Amz-Security-Token'] ?? null,
        );
      },
    ),
    { numRuns: 300 },
  );
});
