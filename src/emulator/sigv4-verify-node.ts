/**
 * Server-side SigV4 verification, written independently of the project's
 * signer (node:crypto only, nothing from src/auth or src/credentials) so that
 * tests against the emulator check the signer with code it does not share.
 * Algorithm: AWS "Create a signed AWS API request" (SigV4), with the
 * double-encoded canonical URI that every service but S3 uses (the same as
 * @smithy/signature-v4's default `uriEscapePath`).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { EmulatorAwsCredential } from './options.js';
import {
  amzDate,
  canonicalHeaders,
  canonicalQuery,
  canonicalUri,
  headerValues,
  parseAmzDate,
} from './sigv4-canonical.js';

/** The request exactly as received. */
export interface SigV4Request {
  method: string;
  /** Request target from the request line: path and query, percent-encoded as sent. */
  target: string;
  /** Node's `rawHeaders`: alternating names and values, duplicates kept. */
  rawHeaders: readonly string[];
  body: Uint8Array;
}

/** What the receiving service expects. */
export interface SigV4Expectations {
  credentials: ReadonlyMap<string, EmulatorAwsCredential>;
  region: string;
  /** Signing name: `athena`, `nimble`. */
  service: string;
  nowMs: number;
  toleranceMs: number;
}

/** AWS's error codes for authentication failures. */
export type SigV4ErrorCode =
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'UnrecognizedClientException'
  | 'InvalidSignatureException';

/** Outcome of {@link verifySigV4}. */
export type SigV4Result =
  { ok: true; accessKeyId: string } | { ok: false; code: SigV4ErrorCode; message: string };

/** The parts of an `AWS4-HMAC-SHA256` Authorization header. */
export interface ParsedSigV4Authorization {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';

/** Parses the Authorization header; a string is the IncompleteSignatureException message. */
export function parseSigV4Authorization(header: string): ParsedSigV4Authorization | string {
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM) return `Unsupported AWS 'algorithm': '${algorithm}'.`;
  const params = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((k) => !params.get(k));
  if (missing.length > 0) {
    return missing.map((k) => `Authorization header requires '${k}' parameter.`).join(' ');
  }
  const credential = (params.get('Credential') as string).split('/');
  if (credential.length !== 5 || credential.some((c) => c === '')) {
    return `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential.length}' elements.`;
  }
  const [accessKeyId, scopeDate, region, service, terminator] = credential as [
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    terminator,
    signedHeaders: (params.get('SignedHeaders') as string).split(';'),
    signature: params.get('Signature') as string,
  };
}

/** The canonical request of SigV4 for a received request. */
export function canonicalRequest(request: SigV4Request, signedHeaders: readonly string[]): string {
  const q = request.target.indexOf('?');
  const path = q < 0 ? request.target : request.target.slice(0, q);
  const query = q < 0 ? '' : request.target.slice(q + 1);
  const payloadHash = createHash('sha256').update(request.body).digest('hex');
  return [
    request.method.toUpperCase(),
    canonicalUri(path),
    canonicalQuery(query),
    canonicalHeaders(request.rawHeaders, signedHeaders),
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

function hmac(key: Uint8Array | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** Derived signing key: HMAC chain over date, region, service, `aws4_request`. */
export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function fail(code: SigV4ErrorCode, message: string): SigV4Result {
  return { ok: false, code, message };
}

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** Verifies a request's SigV4 header, answering with AWS's own error codes and wording. */
export function verifySigV4(request: SigV4Request, expect: SigV4Expectations): SigV4Result {
  const authorization = headerValues(request.rawHeaders, 'authorization')[0];
  if (authorization === undefined || authorization.trim() === '') {
    return fail('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const auth = parseSigV4Authorization(authorization.trim());
  if (typeof auth === 'string') return fail('IncompleteSignatureException', auth);
  const signed = [...auth.signedHeaders].sort();
  const dateHeader = headerValues(request.rawHeaders, 'x-amz-date')[0];
  const httpDate = headerValues(request.rawHeaders, 'date')[0];
  if (dateHeader === undefined && httpDate === undefined) {
    return fail(
      'IncompleteSignatureException',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  if (!signed.includes('host')) {
    return fail(
      'IncompleteSignatureException',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  const credential = expect.credentials.get(auth.accessKeyId);
  if (!credential) {
    return fail(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  const token = headerValues(request.rawHeaders, 'x-amz-security-token')[0];
  const tokenOk =
    credential.sessionToken === undefined
      ? token === undefined
      : token !== undefined && sameSecret(token, credential.sessionToken);
  if (!tokenOk) {
    return fail(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  if (auth.terminator !== 'aws4_request') {
    return fail(
      'InvalidSignatureException',
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${auth.terminator}'.`,
    );
  }
  if (auth.service !== expect.service) {
    return fail(
      'InvalidSignatureException',
      `Credential should be scoped to correct service: '${expect.service}'. `,
    );
  }
  if (auth.region !== expect.region) {
    return fail(
      'InvalidSignatureException',
      `Credential should be scoped to a valid region, not '${auth.region}'. `,
    );
  }
  const requestMs =
    dateHeader !== undefined ? parseAmzDate(dateHeader) : Date.parse(httpDate as string);
  if (requestMs === undefined || Number.isNaN(requestMs)) {
    return fail(
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${dateHeader ?? httpDate}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  const stamp = dateHeader ?? amzDate(requestMs);
  if (auth.scopeDate !== stamp.slice(0, 8)) {
    return fail(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate}' != '${stamp.slice(0, 8)}', from '${stamp}'.`,
    );
  }
  const skew = skewMessage(requestMs, expect.nowMs, expect.toleranceMs);
  if (skew) return fail('InvalidSignatureException', skew);
  const scope = `${auth.scopeDate}/${auth.region}/${auth.service}/aws4_request`;
  const canonical = canonicalRequest(request, signed);
  const stringToSign = [
    ALGORITHM,
    stamp,
    scope,
    createHash('sha256').update(canonical, 'utf8').digest('hex'),
  ].join('\n');
  const key = signingKey(credential.secretAccessKey, auth.scopeDate, auth.region, auth.service);
  const expected = hmac(key, stringToSign).toString('hex');
  if (!sameSecret(expected, auth.signature)) {
    return fail('InvalidSignatureException', MISMATCH);
  }
  return { ok: true, accessKeyId: auth.accessKeyId };
}

/**
 * AWS's wording for a request time outside the tolerance, e.g. "Signature
 * expired: 20240301T000000Z is now earlier than 20240301T000500Z
 * (20240301T001000Z - 5 min.)"; undefined when within tolerance.
 */
export function skewMessage(
  requestMs: number,
  nowMs: number,
  toleranceMs: number,
): string | undefined {
  const minutes = `${toleranceMs / 60_000} min.`;
  if (requestMs < nowMs - toleranceMs) {
    return `Signature expired: ${amzDate(requestMs)} is now earlier than ${amzDate(nowMs - toleranceMs)} (${amzDate(nowMs)} - ${minutes})`;
  }
  if (requestMs > nowMs + toleranceMs) {
    return `Signature not yet current: ${amzDate(requestMs)} is still later than ${amzDate(nowMs + toleranceMs)} (${amzDate(nowMs)} + ${minutes})`;
  }
  return undefined;
}
