/**
 * Checks of what the client knows before sending (issue 16, "local failures are local"): a
 * value that cannot be encoded, a header that cannot be sent. Each is a ValidationError
 * before the first attempt; left to `fetch`, they surfaced as a retryable ConnectionError
 * ("URI malformed", "Invalid header value") and were retried.
 */
import { ValidationError } from '../errors/index.js';

/** A lone surrogate: UTF-16 that has no UTF-8 encoding (`encodeURIComponent` throws URIError). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Refuses any string in `input`, at any depth, that is not well-formed Unicode. */
export function checkWellFormed(input: unknown, path = 'input'): void {
  if (typeof input === 'string') {
    if (LONE_SURROGATE.test(input)) {
      throw new ValidationError(
        path,
        'well-formed Unicode',
        `${path} contains a lone surrogate, which cannot be encoded as UTF-8`,
      );
    }
    return;
  }
  if (typeof input !== 'object' || input === null) return;
  if (Array.isArray(input)) {
    for (let i = 0; i < input.length; i++) checkWellFormed(input[i], `${path}.${i}`);
    return;
  }
  for (const key in input) {
    const at = path === 'input' ? key : `${path}.${key}`;
    checkWellFormed(key, at);
    checkWellFormed((input as Record<string, unknown>)[key], at);
  }
}

/** RFC 9110 §5.1 `field-name` = token. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * RFC 9110 §5.5: field values are visible ASCII, obs-text (0x80-0xFF), spaces and tabs; CR, LF
 * and NUL are never allowed (a CR/LF would split the header and smuggle another one), and
 * `fetch` refuses characters past 0xFF (Headers take ByteStrings).
 */
const FIELD_VALUE = /^[\t\x20-\x7E\x80-\xFF]*$/;

/** Refuses header names and values from call options that cannot be sent as they are. */
export function checkHeaders(headers: Readonly<Record<string, string>> | undefined): void {
  if (headers === undefined) return;
  for (const name in headers) {
    const value: unknown = headers[name];
    if (!TOKEN.test(name)) {
      throw new ValidationError(
        'options.headers',
        'field-name token',
        `header name ${JSON.stringify(name)} is not an RFC 9110 token`,
      );
    }
    if (typeof value !== 'string') {
      throw new ValidationError(
        `options.headers.${name}`,
        'type string',
        `header ${name} must be a string`,
      );
    }
    if (!FIELD_VALUE.test(value)) {
      throw new ValidationError(
        `options.headers.${name}`,
        'field-value',
        `header ${name} contains a character a header cannot carry (CR, LF, NUL, another control character or one past U+00FF)`,
      );
    }
  }
}
