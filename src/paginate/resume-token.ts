import { PaginationError } from '../errors/index.js';
import { pythonB64Decode } from './python-base64.js';
import { pythonInt } from './python-int.js';
import { pythonJsonDumps, type JsonValue } from './python-json.js';

/**
 * The input-token values that request one page, keyed by input member name: botocore's
 * `next_token` dict. `null` means "not sent", which on the first page means "from the start".
 */
export type Cursor = Readonly<Record<string, JsonValue>>;

/**
 * A place in a run: the page that `cursor` requests, with its first `truncateAmount`
 * result items already consumed. `truncateAmount` is `undefined` on a page boundary, where
 * botocore writes no `boto_truncate_amount` key.
 */
export interface ResumePosition {
  readonly cursor: Cursor;
  readonly truncateAmount: number | undefined;
}

const TRUNCATE_KEY = 'boto_truncate_amount';
const ENCODED_KEYS_KEY = 'boto_encoded_keys';
const LEGACY_SEPARATOR = '___';
// Made on first use: a fatal TextDecoder at import time loads Node's encoding internals.
let utf8: TextDecoder | undefined;

/**
 * Encodes a position as botocore's `TokenEncoder` does: `base64(utf8(json.dumps(d)))`, where
 * `d` holds the input tokens in spec order, then `boto_truncate_amount` when set. A missing
 * cursor value is written as `null`.
 */
export function encodeResumeToken(
  position: ResumePosition,
  inputTokens: readonly string[],
): string {
  const dict: Record<string, JsonValue> = {};
  for (const name of inputTokens) dict[name] = position.cursor[name] ?? null;
  if (position.truncateAmount !== undefined) dict[TRUNCATE_KEY] = position.truncateAmount;
  // ensure_ascii makes the JSON pure ASCII, so its UTF-8 bytes are its characters.
  return btoa(pythonJsonDumps(dict));
}

/**
 * Decodes a `startingToken` as botocore's `PageIterator._parse_starting_token` does.
 *
 * 1. base64 (Python's lenient decoder), strict UTF-8, JSON. A JSON object is a resume
 *    token: `boto_encoded_keys` is dropped (bytes tokens cannot occur here) and
 *    `boto_truncate_amount` popped (default 0).
 * 2. When any step fails, or the JSON is not an object, the legacy format applies: the
 *    string is split on `___`; with one more part than there are input tokens, the last
 *    part is the skip count if `int()` accepts it, else the whole string is one raw service
 *    token; parts spelled `None` are null. So `"tokA"` resumes at the service token `tokA`.
 *
 * Stricter than botocore, and always a {@link PaginationError} "Bad starting token":
 * an object whose keys differ from the input tokens (botocore would send the foreign keys
 * to the service), a skip count that is not a non-negative integer (botocore would slice
 * from the end or crash), and more legacy parts than input tokens (as botocore). botocore
 * crashes with AttributeError on base64 JSON scalars; here they take the legacy path,
 * like JSON arrays do in botocore.
 */
export function decodeStartingToken(
  token: string,
  inputTokens: readonly string[],
  operation: string,
): ResumePosition & { readonly truncateAmount: number } {
  const decoded = decodeJsonObject(token);
  const { cursor, skip } =
    decoded === undefined ? parseLegacy(token, inputTokens, operation) : splitJson(decoded);
  const keys = Object.keys(cursor);
  if (
    keys.length !== inputTokens.length ||
    !inputTokens.every((name) => Object.hasOwn(cursor, name))
  ) {
    throw badStartingToken(token, operation, `its keys must be ${describeKeys(inputTokens)}`);
  }
  if (typeof skip !== 'number' || !Number.isSafeInteger(skip) || skip < 0) {
    throw badStartingToken(token, operation, `${TRUNCATE_KEY} must be a non-negative integer`);
  }
  return { cursor, truncateAmount: skip };
}

function decodeJsonObject(token: string): Record<string, JsonValue> | undefined {
  const bytes = pythonB64Decode(token);
  if (bytes === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(
      (utf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })).decode(bytes),
    );
  } catch {
    return undefined;
  }
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  return isObject ? (value as Record<string, JsonValue>) : undefined;
}

function splitJson(object: Record<string, JsonValue>): { cursor: Cursor; skip: unknown } {
  const {
    [ENCODED_KEYS_KEY]: _encodedKeys,
    [TRUNCATE_KEY]: skip = 0,
    ...cursor
  } = object as Record<string, JsonValue | undefined>;
  return { cursor: cursor as Cursor, skip };
}

function parseLegacy(
  token: string,
  inputTokens: readonly string[],
  operation: string,
): { cursor: Cursor; skip: unknown } {
  let parts = token.split(LEGACY_SEPARATOR);
  let skip = 0;
  if (parts.length === inputTokens.length + 1) {
    const parsed = pythonInt(parts[parts.length - 1]);
    if (parsed.ok) {
      skip = parsed.value;
      parts = parts.slice(0, -1);
    } else {
      parts = [token];
    }
  }
  if (parts.length > inputTokens.length) {
    throw badStartingToken(token, operation, `it has more ${LEGACY_SEPARATOR} parts than tokens`);
  }
  const cursor: Record<string, JsonValue> = {};
  inputTokens.forEach((name, index) => {
    const part = parts[index];
    cursor[name] = part === undefined || part === 'None' ? null : part;
  });
  return { cursor, skip };
}

function badStartingToken(token: string, operation: string, rule: string): PaginationError {
  const shown = token.length > 200 ? `${token.slice(0, 200)}...` : token;
  return new PaginationError(`Bad starting token for ${operation}: ${shown} (${rule})`);
}

function describeKeys(inputTokens: readonly string[]): string {
  return `${inputTokens.join(', ')} (plus an optional ${TRUNCATE_KEY})`;
}
