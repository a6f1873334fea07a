/**
 * The AWS SigV4 test suite (aws-c-auth `tests/aws-signing-test-suite/v4`, copied to
 * test/fixtures/sigv4/cases.json) and a parser for its `request.txt` format.
 */
import { readFileSync } from 'node:fs';
import type { SigV4Context } from '../../src/auth/sigv4.js';

export interface SuiteVariant {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  signedRequest: string;
}

export interface SuiteCase {
  name: string;
  context: {
    credentials: { access_key_id: string; secret_access_key: string; token?: string };
    expiration_in_seconds: number;
    normalize: boolean;
    region: string;
    service: string;
    sign_body: boolean;
    timestamp: string;
    omit_session_token?: boolean;
  };
  request: string;
  header: SuiteVariant;
  query: SuiteVariant;
}

export interface ParsedRequest {
  method: string;
  /** Raw path, e.g. `/example space/` or `/ሴ`. */
  path: string;
  /** Raw query without `?`, possibly pre-encoded. */
  query: string;
  /** Name/value pairs in file order; names repeat; values verbatim. */
  headers: Array<[string, string]>;
  body: string;
}

export const suiteCases: SuiteCase[] = JSON.parse(
  readFileSync(new URL('../fixtures/sigv4/cases.json', import.meta.url), 'utf8'),
) as SuiteCase[];

/**
 * aws-c-auth's `s_parse_request` rules: line 1 is `METHOD target HTTP/1.1` (the target may hold
 * a space); then `Name:value` split at the first `:`, value verbatim; a line starting with
 * whitespace continues the previous value; an empty line ends the headers and the rest is the body.
 */
export function parseSuiteRequest(text: string): ParsedRequest {
  const lines = text.split('\n');
  const requestLine = lines[0] ?? '';
  const firstSpace = requestLine.indexOf(' ');
  const versionAt = requestLine.lastIndexOf(' HTTP/');
  const method = requestLine.slice(0, firstSpace);
  const target = requestLine.slice(firstSpace + 1, versionAt);
  const questionMark = target.indexOf('?');
  const headers: Array<[string, string]> = [];
  let index = 1;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line === '') break;
    const previous = headers.at(-1);
    if (/^\s/.test(line) && previous) {
      previous[1] += `\n${line}`;
      continue;
    }
    const colon = line.indexOf(':');
    headers.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  return {
    method,
    path: questionMark < 0 ? target : target.slice(0, questionMark),
    query: questionMark < 0 ? '' : target.slice(questionMark + 1),
    headers,
    body: lines.slice(index + 1).join('\n'),
  };
}

/** The `Authorization` value in a header-variant `signedRequest`. */
export function authorizationOf(signedRequest: string): string | undefined {
  return /^Authorization:(.*)$/m.exec(signedRequest)?.[1];
}

/** The query parameters of a query-variant `signedRequest`, as `key=value` strings, sorted. */
export function queryParamsOf(signedRequestOrQuery: string): string[] {
  const firstLine = signedRequestOrQuery.split('\n')[0]!;
  const target = firstLine.includes(' HTTP/')
    ? firstLine.slice(firstLine.indexOf(' ') + 1, firstLine.lastIndexOf(' HTTP/'))
    : `?${firstLine}`;
  const query = target.slice(target.indexOf('?') + 1);
  return query.split('&').sort();
}

/** The signing context of a case, from its `context.json`. */
export function contextOf(c: SuiteCase): SigV4Context {
  const { credentials, region, service, timestamp, normalize, omit_session_token } = c.context;
  return {
    credentials: {
      accessKeyId: credentials.access_key_id,
      secretAccessKey: credentials.secret_access_key,
      sessionToken: credentials.token,
    },
    region,
    service,
    now: new Date(timestamp),
    normalizePath: normalize,
    omitSessionToken: omit_session_token ?? false,
  };
}
