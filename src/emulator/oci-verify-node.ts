/**
 * Server-side OCI request-signature (version 1, draft-cavage-http-signatures-08)
 * verification, written independently of the project's signer: node:crypto
 * only. Rules from Oracle's "Request Signatures" page (oci-contracts §1).
 */
import { createHash, verify as verifySignature, type KeyObject } from 'node:crypto';

/** The request exactly as received. */
export interface OciVerifyRequest {
  method: string;
  /** Request target from the request line: path and query as sent. */
  target: string;
  /** Node's parsed headers (lower-case names). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Uint8Array;
}

/** What the service expects. */
export interface OciExpectations {
  /** keyId (`tenancy/user/fingerprint` or `ST$<token>`) to public key. */
  keys: ReadonlyMap<string, KeyObject>;
  nowMs: number;
  toleranceMs: number;
}

/** Outcome of {@link verifyOciSignature}; `reason` is for logs only, OCI's 401 never says why. */
export type OciAuthResult = { ok: true; keyId: string } | { ok: false; reason: string };

/** The parameters of a `Signature ...` Authorization header. */
export interface ParsedOciAuthorization {
  version: string | undefined;
  keyId: string;
  algorithm: string | undefined;
  /** Lower-cased, in signing order. */
  headers: string[];
  signature: string;
}

/** Parses `Signature version="1",keyId="...",algorithm="rsa-sha256",headers="...",signature="..."`. */
export function parseOciAuthorization(header: string): ParsedOciAuthorization | string {
  const m = /^Signature\s+(.*)$/s.exec(header.trim());
  if (!m) return 'scheme is not Signature';
  const params = new Map<string, string>();
  const rest = m[1] as string;
  const param = /\s*([A-Za-z]+)="([^"]*)"\s*(?:,|$)/y;
  let match: RegExpExecArray | null;
  while (param.lastIndex < rest.length && (match = param.exec(rest)) !== null) {
    params.set(match[1] as string, match[2] as string);
  }
  if (param.lastIndex !== rest.length && rest.trim() !== '') return 'malformed parameters';
  const keyId = params.get('keyId');
  const signature = params.get('signature');
  const headers = params.get('headers');
  if (!keyId || !signature || !headers) return 'keyId, headers and signature are required';
  return {
    version: params.get('version'),
    keyId,
    algorithm: params.get('algorithm'),
    headers: headers
      .split(' ')
      .filter((h) => h !== '')
      .map((h) => h.toLowerCase()),
    signature,
  };
}

/** Headers that must be signed: date (or x-date), (request-target), host; plus body headers for POST/PUT/PATCH. */
export function missingRequiredHeaders(method: string, signed: readonly string[]): string[] {
  const required = ['(request-target)', 'host'];
  if (['POST', 'PUT', 'PATCH'].includes(method.toUpperCase())) {
    required.push('content-length', 'content-type', 'x-content-sha256');
  }
  const missing = required.filter((h) => !signed.includes(h));
  if (!signed.includes('date') && !signed.includes('x-date')) missing.unshift('date');
  return missing;
}

function headerValue(request: OciVerifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The signing string: one `name: value` line per signed header, `\n`-joined, no trailing newline. */
export function ociSigningString(
  request: OciVerifyRequest,
  signed: readonly string[],
): string | string[] {
  const lines: string[] = [];
  const absent: string[] = [];
  for (const name of signed) {
    if (name === '(request-target)') {
      lines.push(`(request-target): ${request.method.toLowerCase()} ${request.target}`);
      continue;
    }
    const value = headerValue(request, name);
    if (value === undefined) absent.push(name);
    else lines.push(`${name}: ${value}`);
  }
  return absent.length > 0 ? absent : lines.join('\n');
}

/** Verifies the Authorization header of a received request. */
export function verifyOciSignature(
  request: OciVerifyRequest,
  expect: OciExpectations,
): OciAuthResult {
  const authorization = headerValue(request, 'authorization');
  if (!authorization) return { ok: false, reason: 'no Authorization header' };
  const auth = parseOciAuthorization(authorization);
  if (typeof auth === 'string') return { ok: false, reason: `malformed Authorization: ${auth}` };
  if (auth.version !== '1') return { ok: false, reason: 'version must be "1"' };
  if (auth.algorithm !== 'rsa-sha256') return { ok: false, reason: 'algorithm must be rsa-sha256' };
  const missing = missingRequiredHeaders(request.method, auth.headers);
  if (missing.length > 0)
    return { ok: false, reason: `headers must include ${missing.join(', ')}` };
  const key = expect.keys.get(auth.keyId);
  if (!key) return { ok: false, reason: 'unknown keyId' };
  const dateName = auth.headers.includes('x-date') ? 'x-date' : 'date';
  const dateMs = Date.parse(headerValue(request, dateName) ?? '');
  if (Number.isNaN(dateMs))
    return { ok: false, reason: `${dateName} is missing or not an HTTP date` };
  if (Math.abs(dateMs - expect.nowMs) > expect.toleranceMs) {
    return {
      ok: false,
      reason: `${dateName} is more than ${expect.toleranceMs} ms from server time`,
    };
  }
  const signingString = ociSigningString(request, auth.headers);
  if (Array.isArray(signingString)) {
    return { ok: false, reason: `signed headers absent: ${signingString.join(', ')}` };
  }
  const bodyProblem = checkBodyHeaders(request, auth.headers);
  if (bodyProblem) return { ok: false, reason: bodyProblem };
  const signature = Buffer.from(auth.signature, 'base64');
  const valid =
    signature.length > 0 &&
    verifySignature('sha256', Buffer.from(signingString, 'utf8'), key, signature);
  return valid ? { ok: true, keyId: auth.keyId } : { ok: false, reason: 'signature mismatch' };
}

/** A signed body digest or length must describe the body actually received. */
function checkBodyHeaders(
  request: OciVerifyRequest,
  signed: readonly string[],
): string | undefined {
  if (signed.includes('x-content-sha256')) {
    const digest = createHash('sha256').update(request.body).digest('base64');
    if (headerValue(request, 'x-content-sha256') !== digest)
      return 'x-content-sha256 does not match the body';
  }
  if (signed.includes('content-length')) {
    if (headerValue(request, 'content-length') !== String(request.body.length)) {
      return 'content-length does not match the body';
    }
  }
  return undefined;
}
