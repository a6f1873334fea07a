/**
 * The string-building stages of AWS Signature Version 4: canonical path, query, headers and
 * request, then the string to sign. Pure functions (only `stringToSign` hashes), each tested
 * against the AWS signing test suite.
 *
 * Spec: https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 */
import { ValidationError } from '../errors/index.js';
import { canonicalQueryComponent, encodePath, sha256Hex } from './sigv4-encoding.js';
import type { SigV4Headers } from './sigv4-types.js';

/** The only algorithm this module implements. */
export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

/** Canonical headers of one request, ready for `canonicalRequest`. */
export interface CanonicalHeaders {
  /** `name:value` lines sorted by lower-case name, joined with `\n` (no trailing newline). */
  readonly lines: string;
  /** Lower-case names joined with `;`: the `SignedHeaders` value. */
  readonly signedHeaders: string;
}

/** Everything `canonicalRequest` needs. */
export interface CanonicalRequestInput {
  /** HTTP method, used as given (upper case on the wire). */
  readonly method: string;
  /**
   * Absolute path. Every UTF-8 byte outside the RFC 3986 unreserved set is percent-encoded once
   * more (`%` included), `/` is kept. Pass the path as it goes on the wire.
   */
  readonly path: string;
  /** Query as on the wire, without the `?` (`''` for none); see `canonicalQuery`. */
  readonly query: string;
  /** Output of `canonicalHeaders` for the headers being signed. */
  readonly headers: CanonicalHeaders;
  /** Hex SHA-256 of the body (or `UNSIGNED-PAYLOAD`). */
  readonly payloadHash: string;
  /** Remove `.`/`..` segments and empty segments first (all services but S3). Default true. */
  readonly normalizePath?: boolean;
}

// The last second formatted: a client signs many requests within one second (BENCHMARKS.md).
let lastSecond = Number.NaN;
let lastAmzDate = '';

/** `YYYYMMDD'T'HHMMSS'Z'` (ISO 8601 basic, UTC), the `X-Amz-Date` format. */
export function amzDate(now: Date): string {
  const time = now.getTime();
  if (Number.isNaN(time)) throw new ValidationError('now', 'valid Date', 'is an invalid Date');
  const second = Math.floor(time / 1000);
  if (second === lastSecond) return lastAmzDate;
  const iso = now.toISOString();
  const formatted = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  lastSecond = second;
  lastAmzDate = formatted;
  return formatted;
}

/** `date/region/service/aws4_request`, where `date` is `YYYYMMDD`. */
export function credentialScope(yyyymmdd: string, region: string, service: string): string {
  return `${yyyymmdd}/${region}/${service}/aws4_request`;
}

/**
 * Removes empty, `.` and `..` segments, keeping a leading and (when any segment is left) a
 * trailing `/`. This is the exact algorithm of `@smithy/signature-v4` (`getCanonicalPath`), which
 * also gives the results the AWS test suite expects (`/example/..` -> `/`, `//` -> `/`).
 */
export function normalizePath(path: string): string {
  if (!path.includes('//') && !path.includes('/.') && !path.startsWith('.')) return path;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const leading = path.startsWith('/') ? '/' : '';
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `${leading}${segments.join('/')}${trailing}`;
}

/**
 * Canonical URI. The path is encoded once more as given: for a wire path (already
 * percent-encoded) that is the double encoding AWS requires of every service except S3, and what
 * `@smithy/signature-v4` (`uriEscapePath: true`) and botocore do; for a raw path such as the test
 * suite's `/example space/` it is a single encoding.
 */
export function canonicalPath(path: string, normalize = true): string {
  const absolute = path === '' ? '/' : path;
  return encodePath(normalize ? normalizePath(absolute) : absolute);
}

/**
 * Canonical query string: pairs split at `&` and the first `=` (a missing `=` means an empty
 * value), each component canonicalized by `canonicalQueryComponent`, sorted by encoded key and
 * then encoded value, joined as `key=value` with `&`. Empty pieces (`a=1&&b=2`) are skipped.
 */
export function canonicalQuery(query: string): string {
  if (query === '') return '';
  const pairs: Array<readonly [string, string]> = [];
  for (const piece of query.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const key = eq < 0 ? piece : piece.slice(0, eq);
    const value = eq < 0 ? '' : piece.slice(eq + 1);
    pairs.push([canonicalQueryComponent(key), canonicalQueryComponent(value)]);
  }
  pairs.sort(comparePairs);
  return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

function comparePairs(a: readonly [string, string], b: readonly [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

const NEEDS_VALUE_CLEANUP = /[\t\r\n]| {2}|^ | $/;

/**
 * Canonical header value: line breaks become spaces, runs of spaces and tabs collapse to one
 * space (even inside quotes, per the suite's `get-header-value-trim`), and the ends are trimmed.
 * Same result as `@smithy/signature-v4`'s `getCanonicalHeaders`.
 */
export function canonicalHeaderValue(value: string): string {
  if (!NEEDS_VALUE_CLEANUP.test(value)) return value;
  return value.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
}

/** Pairs of a `SigV4Headers` value, in their given order. */
export function headerPairs(headers: SigV4Headers): ReadonlyArray<readonly [string, string]> {
  return Array.isArray(headers)
    ? (headers as ReadonlyArray<readonly [string, string]>)
    : Object.entries(headers);
}

/**
 * Canonical headers: names lower-cased and sorted, values canonicalized, the values of a repeated
 * name joined with `,` in their given order (suite case `get-header-key-duplicate`).
 */
export function canonicalHeaders(headers: SigV4Headers): CanonicalHeaders {
  const entries: Array<readonly [string, string]> = [];
  for (const [name, value] of headerPairs(headers)) {
    entries.push([name.toLowerCase(), canonicalHeaderValue(value)]);
  }
  // Array#sort is stable, so a repeated name keeps its values in the given order.
  entries.sort(compareNames);
  let lines = '';
  let signedHeaders = '';
  let previous: string | undefined;
  for (const [name, value] of entries) {
    if (name === previous) {
      lines += `,${value}`;
      continue;
    }
    if (previous !== undefined) {
      lines += '\n';
      signedHeaders += ';';
    }
    lines += `${name}:${value}`;
    signedHeaders += name;
    previous = name;
  }
  return { lines, signedHeaders };
}

function compareNames(a: readonly [string, string], b: readonly [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** Stage 1: the canonical request, the exact bytes whose hash is signed. */
export function canonicalRequest(input: CanonicalRequestInput): string {
  return [
    input.method,
    canonicalPath(input.path, input.normalizePath ?? true),
    canonicalQuery(input.query),
    input.headers.lines,
    '',
    input.headers.signedHeaders,
    input.payloadHash,
  ].join('\n');
}

/** Stage 2: algorithm, date-time, credential scope and the hex SHA-256 of the canonical request. */
export async function stringToSign(
  amzDateTime: string,
  scope: string,
  canonicalRequestText: string,
): Promise<string> {
  return `${SIGV4_ALGORITHM}\n${amzDateTime}\n${scope}\n${await sha256Hex(canonicalRequestText)}`;
}
