import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  canonicalRequest,
  parseSigV4Authorization,
  verifySigV4,
  type SigV4Request,
} from '../../src/emulator/sigv4-verify-node.js';
import { canonicalQuery, canonicalUri } from '../../src/emulator/sigv4-canonical.js';
import {
  missingRequiredHeaders,
  ociSigningString,
  parseOciAuthorization,
  verifyOciSignature,
  type OciVerifyRequest,
} from '../../src/emulator/oci-verify-node.js';

interface SuiteCase {
  name: string;
  context: {
    credentials: { access_key_id: string; secret_access_key: string; token?: string };
    normalize: boolean;
    region: string;
    service: string;
    timestamp: string;
  };
  header: { canonicalRequest: string; signedRequest: string };
}

const suite = JSON.parse(
  readFileSync(new URL('../fixtures/sigv4/cases.json', import.meta.url), 'utf8'),
) as SuiteCase[];

/** Parses the suite's raw request text; folded header lines are joined with a space (RFC 7230 obs-fold). */
function parseRaw(text: string): SigV4Request {
  const [head, ...rest] = text.split('\n\n');
  const lines = head!.split('\n');
  const [method, target] = /^(\S+) (.*) HTTP\/1\.1$/.exec(lines[0]!)!.slice(1) as [string, string];
  const rawHeaders: string[] = [];
  for (const line of lines.slice(1)) {
    if (/^\s/.test(line)) rawHeaders[rawHeaders.length - 1] += ' ' + line.trim();
    else rawHeaders.push(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1));
  }
  return { method, target, rawHeaders, body: Buffer.from(rest.join('\n\n').replace(/\n$/, '')) };
}

const normalized = suite.filter((c) => c.context.normalize);

describe('SigV4 verifier against the AWS SigV4 test suite', () => {
  test.each(normalized.map((c) => [c.name, c] as const))(
    '%s: canonical request matches',
    (_name, c) => {
      const request = parseRaw(c.header.signedRequest);
      const auth = parseSigV4Authorization(
        request.rawHeaders[
          request.rawHeaders.findIndex((h) => h.toLowerCase() === 'authorization') + 1
        ]!,
      );
      if (typeof auth === 'string') throw new Error(auth);
      expect(canonicalRequest(request, auth.signedHeaders)).toBe(c.header.canonicalRequest);
    },
  );

  test.each(normalized.map((c) => [c.name, c] as const))('%s: signature verifies', (_name, c) => {
    const { access_key_id, secret_access_key, token } = c.context.credentials;
    const result = verifySigV4(parseRaw(c.header.signedRequest), {
      credentials: new Map([
        [
          access_key_id,
          { accessKeyId: access_key_id, secretAccessKey: secret_access_key, sessionToken: token },
        ],
      ]),
      region: c.context.region,
      service: c.context.service,
      nowMs: Date.parse(c.context.timestamp),
      toleranceMs: 300_000,
    });
    expect(result).toEqual({ ok: true, accessKeyId: access_key_id });
  });
});

describe('SigV4 canonicalisation', () => {
  test.each([
    ['/', '/'],
    ['', '/'],
    ['/a%20b/c', '/a%2520b/c'],
    ['//a//b//', '/a/b/'],
    ['/a/./b/../c', '/a/c'],
    ["/!'()*", '/%21%27%28%29%2A'],
  ])('canonicalUri(%j) is %j (segments encoded again)', (raw, expected) => {
    expect(canonicalUri(raw)).toBe(expected);
  });

  test.each([
    ['b=2&a=1', 'a=1&b=2'],
    ['a=2&a=1', 'a=1&a=2'],
    ['k', 'k='],
    ['x=a+b', 'x=a%2Bb'],
    ['x=%7e*', 'x=~%2A'],
    ['', ''],
  ])('canonicalQuery(%j) is %j', (raw, expected) => {
    expect(canonicalQuery(raw)).toBe(expected);
  });

  test('any path and query signed by @smithy/signature-v4 verifies', async () => {
    const segment = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { maxLength: 4 }),
        fc.dictionary(segment, fc.string({ unit: 'grapheme', maxLength: 8 }), { maxKeys: 4 }),
        async (segments, query) => {
          const path = '/' + segments.map(encodeURIComponent).join('/');
          const signer = new SignatureV4({
            credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' },
            region: 'us-east-1',
            service: 'nimble',
            sha256: Sha256,
          });
          const now = new Date('2024-03-01T00:00:00Z');
          const signed = await signer.sign(
            {
              method: 'GET',
              protocol: 'http:',
              hostname: 'h',
              path,
              query,
              headers: { host: 'h' },
            },
            { signingDate: now },
          );
          const search = Object.entries(query)
            .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
            .join('&');
          const result = verifySigV4(
            {
              method: 'GET',
              target: path + (search ? `?${search}` : ''),
              rawHeaders: Object.entries(signed.headers as Record<string, string>).flat(),
              body: new Uint8Array(),
            },
            {
              credentials: new Map([['AKID', { accessKeyId: 'AKID', secretAccessKey: 'SECRET' }]]),
              region: 'us-east-1',
              service: 'nimble',
              nowMs: now.getTime(),
              toleranceMs: 300_000,
            },
          );
          expect(result.ok).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  test.each([
    ['Bearer abc', "Unsupported AWS 'algorithm': 'Bearer'."],
    [
      'AWS4-HMAC-SHA256 SignedHeaders=host, Signature=ab',
      "Authorization header requires 'Credential' parameter.",
    ],
    [
      'AWS4-HMAC-SHA256 Credential=A/B/C, SignedHeaders=host, Signature=ab',
      expect.stringMatching(/^Credential must have exactly 5 slash-delimited elements/),
    ],
  ])('parseSigV4Authorization(%j) explains what is wrong', (header, message) => {
    expect(parseSigV4Authorization(header)).toEqual(message);
  });
});

interface OciVector {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  privateKeyPem: string;
  signedHeaders: string[];
  signingString: string;
  expectedAuthorization: string;
}

const vectors = JSON.parse(
  readFileSync(new URL('../fixtures/oci-signing.json', import.meta.url), 'utf8'),
) as OciVector[];

function vectorRequest(v: OciVector, authorization = v.expectedAuthorization): OciVerifyRequest {
  const url = new URL(v.url);
  return {
    method: v.method,
    target: url.pathname + url.search,
    headers: { ...v.headers, authorization },
    body: Buffer.from(v.body ?? ''),
  };
}

describe("OCI verifier against Oracle's published vectors", () => {
  test.each(vectors.map((v) => [v.method, v] as const))('%s: signing string matches', (_m, v) => {
    expect(ociSigningString(vectorRequest(v), v.signedHeaders)).toBe(v.signingString);
  });

  test.each(vectors.map((v) => [v.method, v] as const))('%s: signature verifies', (_m, v) => {
    const key = createPublicKey(createPrivateKey(v.privateKeyPem));
    const keyId = parseOciAuthorization(v.expectedAuthorization);
    if (typeof keyId === 'string') throw new Error(keyId);
    const result = verifyOciSignature(vectorRequest(v), {
      keys: new Map([[keyId.keyId, key]]),
      nowMs: Date.parse(v.headers.date!),
      toleranceMs: 300_000,
    });
    expect(result).toEqual({ ok: true, keyId: keyId.keyId });
  });

  test.each(vectors.map((v) => [v.method, v] as const))('%s: a changed host fails', (_m, v) => {
    const key = createPublicKey(createPrivateKey(v.privateKeyPem));
    const parsed = parseOciAuthorization(v.expectedAuthorization) as { keyId: string };
    const request = vectorRequest(v);
    const result = verifyOciSignature(
      { ...request, headers: { ...request.headers, host: 'evil.example.com' } },
      {
        keys: new Map([[parsed.keyId, key]]),
        nowMs: Date.parse(v.headers.date!),
        toleranceMs: 300_000,
      },
    );
    expect(result).toEqual({ ok: false, reason: 'signature mismatch' });
  });
});

describe('OCI header rules', () => {
  test.each([
    ['GET', ['date', '(request-target)', 'host'], []],
    ['GET', ['x-date', '(request-target)', 'host'], []],
    ['GET', ['(request-target)', 'host'], ['date']],
    ['GET', ['date', 'host'], ['(request-target)']],
    [
      'POST',
      ['date', '(request-target)', 'host'],
      ['content-length', 'content-type', 'x-content-sha256'],
    ],
    [
      'PATCH',
      ['x-date', '(request-target)', 'host', 'content-type', 'content-length', 'x-content-sha256'],
      [],
    ],
  ])('%s signing %j misses %j', (method, signed, missing) => {
    expect(missingRequiredHeaders(method, signed)).toEqual(missing);
  });

  test('parameters may come in any order and header names in any case', () => {
    expect(
      parseOciAuthorization(
        'Signature headers="X-Date (request-target) Host",signature="c2ln",algorithm="rsa-sha256",keyId="k",version="1"',
      ),
    ).toEqual({
      version: '1',
      keyId: 'k',
      algorithm: 'rsa-sha256',
      headers: ['x-date', '(request-target)', 'host'],
      signature: 'c2ln',
    });
  });

  test.each([
    'Basic abc',
    'Signature keyId="k"',
    'Signature keyId="k",headers="host",signature="x",junk',
  ])('%j is malformed', (header) => {
    expect(typeof parseOciAuthorization(header)).toBe('string');
  });
});
