/**
 * Checks of what the client knows before sending (issue 16, "local failures are local"): a
 * value that cannot be encoded, a header that cannot be sent. Each is a ValidationError
 * before the first attempt; left to `fetch`, they surfaced as a retryable ConnectionError
 * ("URI malformed", "Invalid header value") and were retried.
 */
import { CredentialsError, ValidationError } from '../errors/index.js';

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
 * RFC 9110 §5.5: CR, LF and NUL are never allowed in a field value (a CR/LF would split the
 * header and smuggle another one). Past that, only visible ASCII, space and tab are accepted:
 * obs-text (0x80-0xFF) is obsolete (senders "SHOULD" not generate it), `fetch` refuses
 * characters past 0xFF, and the transports disagree on the rest (undici sends `é` as the
 * byte 0xE9; `node:http` sends it as UTF-8 when a string body shares the write with the head).
 */
const FIELD_VALUE = /^[\t\x20-\x7E]*$/;

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
        `header ${name} contains a character other than visible ASCII, space or tab (CR, LF, NUL, another control character or a non-ASCII one)`,
      );
    }
  }
}

/** What `fetch` itself refuses in a header value (a ByteString without CR, LF or NUL). */
const UNSENDABLE = /[\r\n\0]|[^\x00-\xFF]/;

/**
 * Checks the headers of a signed request as they are about to be sent. The signer put
 * credentials and tokens there (a session token or Jupyter token with a stray newline from a
 * file or an environment variable); `fetch` would throw a TypeError for them, which reads as a
 * retryable network failure. The value is never shown: it may be a secret.
 */
export function checkWireHeaders(headers: Readonly<Record<string, string>>): void {
  for (const name in headers) {
    if (UNSENDABLE.test(headers[name]!)) {
      throw new CredentialsError(
        `The ${name} header cannot be sent: its value contains CR, LF, NUL or a character past U+00FF (check the credentials or token it was made from)`,
      );
    }
  }
}
