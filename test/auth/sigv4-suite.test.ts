import { describe, expect, test } from 'vitest';
import {
  EMPTY_SHA256,
  amzDate,
  canonicalHeaders,
  canonicalRequest,
  credentialScope,
  deriveSigningKey,
  presignQuery,
  presignUrl,
  sha256Hex,
  signHeaders,
  signature,
  stringToSign,
  type SigV4RequestParts,
} from '../../src/auth/sigv4.js';
import {
  contextOf,
  authorizationOf,
  parseSuiteRequest,
  queryParamsOf,
  suiteCases,
  type SuiteCase,
} from './sigv4-suite.js';

/** The suite's request, with the payload hash each variant signs. */
async function partsOf(c: SuiteCase, variant: 'header' | 'query'): Promise<SigV4RequestParts> {
  const parsed = parseSuiteRequest(c.request);
  // Header variant: the body is hashed only with sign_body (README); query variant: always.
  const hashBody = variant === 'query' || c.context.sign_body;
  return { ...parsed, payloadHash: hashBody ? await sha256Hex(parsed.body) : EMPTY_SHA256 };
}

function scopeOf(c: SuiteCase): string {
  return credentialScope(
    amzDate(new Date(c.context.timestamp)).slice(0, 8),
    'us-east-1',
    'service',
  );
}

test('the suite holds the 38 SigV4 cases', () => {
  expect(suiteCases).toHaveLength(38);
});

describe.each(suiteCases.map((c) => [c.name, c] as const))('suite case %s', (_name, c) => {
  const context = contextOf(c);

  test('header variant: canonical request, string to sign and signature match', async () => {
    const result = await signHeaders(await partsOf(c, 'header'), {
      ...context,
      signPayloadHeader: c.context.sign_body,
    });
    expect(result.canonicalRequest).toBe(c.header.canonicalRequest);
    expect(result.stringToSign).toBe(c.header.stringToSign);
    expect(result.signature).toBe(c.header.signature);
  });

  test('header variant: Authorization header matches the signed request', async () => {
    const result = await signHeaders(await partsOf(c, 'header'), {
      ...context,
      signPayloadHeader: c.context.sign_body,
    });
    expect(result.headers.authorization).toBe(authorizationOf(c.header.signedRequest));
    expect(result.headers['x-amz-security-token']).toBe(c.context.credentials.token);
  });

  test('query variant: canonical request, string to sign and signature match', async () => {
    const result = await presignQuery(await partsOf(c, 'query'), {
      ...context,
      expiresIn: c.context.expiration_in_seconds,
    });
    expect(result.canonicalRequest).toBe(c.query.canonicalRequest);
    expect(result.stringToSign).toBe(c.query.stringToSign);
    expect(result.signature).toBe(c.query.signature);
  });

  test('query variant: presigned query holds the same parameters as the signed request', async () => {
    const result = await presignQuery(await partsOf(c, 'query'), {
      ...context,
      expiresIn: c.context.expiration_in_seconds,
    });
    expect(queryParamsOf(result.query)).toEqual(queryParamsOf(c.query.signedRequest));
  });

  test('stage canonicalRequest matches on its own', async () => {
    const parts = await partsOf(c, 'header');
    const headers: Array<readonly [string, string]> = [
      ...parseSuiteRequest(c.request).headers,
      ['X-Amz-Date', amzDate(context.now)],
    ];
    if (c.context.credentials.token && !c.context.omit_session_token) {
      headers.push(['X-Amz-Security-Token', c.context.credentials.token]);
    }
    if (c.context.sign_body) headers.push(['x-amz-content-sha256', parts.payloadHash]);
    const text = canonicalRequest({
      ...parts,
      headers: canonicalHeaders(headers),
      normalizePath: c.context.normalize,
    });
    expect(text).toBe(c.header.canonicalRequest);
  });

  test('stage stringToSign matches on its own, both variants', async () => {
    const dateTime = amzDate(context.now);
    expect(await stringToSign(dateTime, scopeOf(c), c.header.canonicalRequest)).toBe(
      c.header.stringToSign,
    );
    expect(await stringToSign(dateTime, scopeOf(c), c.query.canonicalRequest)).toBe(
      c.query.stringToSign,
    );
  });

  test('stage signature matches on its own, both variants', async () => {
    const key = await deriveSigningKey(
      c.context.credentials.secret_access_key,
      '20150830',
      c.context.region,
      c.context.service,
    );
    expect(await signature(key, c.header.stringToSign)).toBe(c.header.signature);
    expect(await signature(key, c.query.stringToSign)).toBe(c.query.signature);
  });
});

/** Cases whose raw path and query survive `new URL` unchanged, so presignUrl can express them. */
const urlExpressible = suiteCases.filter((c) => {
  const { path, query } = parseSuiteRequest(c.request);
  return (
    c.context.normalize &&
    /^[A-Za-z0-9\-._~/]*$/.test(path) &&
    !/\/\.|\/\//.test(path) &&
    /^[A-Za-z0-9\-._~=&%]*$/.test(query)
  );
});

test('several suite cases can be expressed as URLs', () => {
  expect(urlExpressible.length).toBeGreaterThanOrEqual(15);
});

test.each(urlExpressible.map((c) => [c.name, c] as const))(
  'presignUrl reproduces the query-variant signature of %s',
  async (_name, c) => {
    const parsed = parseSuiteRequest(c.request);
    const url = new URL(
      `https://example.amazonaws.com${parsed.path}${parsed.query ? `?${parsed.query}` : ''}`,
    );
    const context = contextOf(c);
    const presigned = await presignUrl(
      { method: parsed.method, url, headers: parsed.headers, body: parsed.body },
      { ...context, expiresIn: c.context.expiration_in_seconds },
    );
    expect(presigned.searchParams.get('X-Amz-Signature')).toBe(c.query.signature);
    expect(presigned.pathname).toBe(url.pathname);
  },
);
