/**
 * OCI request signature version 1, stage by stage (draft-cavage-http-signatures-08 as profiled
 * by Oracle's "Request Signatures" page, docs.oracle.com/iaas/Content/API/Concepts/signingrequests.htm).
 * Each stage is a separate export so it can be checked against Oracle's published vectors on its own.
 * WebCrypto only: runs in Node >= 20, browsers and edge runtimes.
 */
import { ValidationError } from '../errors/index.js';
import type { HttpRequest } from '../transport/http-request.js';

/** Header that carries the signed request time. Browsers cannot set `Date`, so OCI accepts `x-date`. */
export type OciDateHeader = 'x-date' | 'date';

/** The three content headers signed for requests with a body. */
export interface OciBodyHeaders {
  'content-length': string;
  'content-type': string;
  'x-content-sha256': string;
}

/**
 * Methods whose body is signed. Oracle's page names POST and PUT; oci-common's
 * `methodsThatRequireExtraHeaders` also lists PATCH, and a PATCH body is as forgeable as a PUT's.
 */
const METHODS_WITH_SIGNED_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** True when `method` signs `content-length content-type x-content-sha256`. */
export function signsBody(method: string): boolean {
  return METHODS_WITH_SIGNED_BODY.has(method.toUpperCase());
}

/**
 * The header names to sign, lower-case, in the order of Oracle's examples:
 * `date (request-target) host`, plus `content-length content-type x-content-sha256` when the
 * method has a body. The order is carried in `headers="..."`, so the service accepts any order.
 */
export function headersToSign(method: string, dateHeader: OciDateHeader = 'x-date'): string[] {
  const names = [dateHeader, '(request-target)', 'host'];
  if (signsBody(method)) names.push('content-length', 'content-type', 'x-content-sha256');
  return names;
}

/**
 * `(request-target)` value: lower-case method, a space, then the path and query exactly as sent.
 * `pathname + search` is what Node's fetch (undici) puts on the request line and what oci-common
 * signs; the URL must already be percent-encoded, and it is never re-encoded here.
 */
export function requestTarget(method: string, url: URL): string {
  return `${method.toLowerCase()} ${url.pathname}${url.search}`;
}

/**
 * The signing string: one `name: value` line per signed header, names lower-case, joined with
 * `\n` and with NO trailing newline (a trailing newline is the classic bug Oracle's vectors catch).
 * `host` comes from the URL (`url.host` omits a default port), because fetch derives the Host
 * header from the URL and ignores any header set by hand.
 */
export function signingString(request: HttpRequest, headerNames: readonly string[]): string {
  return headerNames
    .map((raw) => {
      const name = raw.toLowerCase();
      if (name === '(request-target)')
        return `${name}: ${requestTarget(request.method, request.url)}`;
      if (name === 'host') return `host: ${request.url.host}`;
      const value = request.headers[name];
      if (value === undefined) {
        throw new ValidationError(
          `request.headers.${name}`,
          'required for signing',
          `header ${name} is listed to be signed but the request does not have it`,
        );
      }
      return `${name}: ${value}`;
    })
    .join('\n');
}

/** RSASSA-PKCS1-v1_5 over SHA-256 of the UTF-8 signing string, base64 (standard alphabet, padded). */
export async function signString(privateKey: CryptoKey, text: string): Promise<string> {
  const signature = await crypto.subtle.sign(
    'RSASSA-PKCS1-v1_5',
    privateKey,
    new TextEncoder().encode(text),
  );
  return toBase64(new Uint8Array(signature));
}

/** The parts of an OCI `Authorization` header. */
export interface OciAuthorizationParts {
  keyId: string;
  /** Signed header names, lower-case, in signing-string order. */
  headers: readonly string[];
  /** Base64 signature from {@link signString}. */
  signature: string;
}

/**
 * `Signature version="1",keyId="...",algorithm="rsa-sha256",headers="...",signature="..."`.
 * Parameter order follows oci-common; Oracle prints `version, headers, keyId, ...` and both are
 * accepted because draft-cavage parameters are unordered.
 */
export function authorizationHeader(parts: OciAuthorizationParts): string {
  return (
    `Signature version="1",keyId="${parts.keyId}",algorithm="rsa-sha256",` +
    `headers="${parts.headers.join(' ')}",signature="${parts.signature}"`
  );
}

/**
 * Content headers for a request with a body. An absent body is signed as the empty string, as the
 * TS and Go SDKs do (`x-content-sha256: 47DEQpj8...` = SHA-256 of nothing, `content-length: 0`).
 * `content-length` counts UTF-8 bytes, the bytes fetch sends for a string body.
 */
export async function bodyHeaders(
  body: string | undefined,
  contentType = 'application/json',
): Promise<OciBodyHeaders> {
  const bytes = new TextEncoder().encode(body ?? '');
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return {
    'content-length': String(bytes.byteLength),
    'content-type': contentType,
    'x-content-sha256': toBase64(new Uint8Array(digest)),
  };
}

/** Standard base64 with padding, without Node's Buffer (browsers and edge runtimes lack it). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
