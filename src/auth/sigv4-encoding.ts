/**
 * Byte-level helpers for SigV4: UTF-8, hex, SHA-256 and the RFC 3986 percent-encoding that the
 * canonical request uses. WebCrypto only, so this runs in browsers and edge runtimes.
 */
import { ConfigurationError } from '../errors/index.js';
import { syncCrypto } from './sigv4-crypto.js';

/** One encoder for the whole process; TextEncoder is stateless. */
export const utf8 = new TextEncoder();

/** `sha256("")`, the payload hash of every request without a body. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const HEX: readonly string[] = Array.from({ length: 256 }, (_, b) =>
  b.toString(16).padStart(2, '0'),
);

/** RFC 3986 section 2.3 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~". */
function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2d ||
    byte === 0x2e ||
    byte === 0x5f ||
    byte === 0x7e
  );
}

/**
 * How each byte appears in a canonical URI component: unreserved bytes as themselves, all others
 * as `%XX` with upper-case hex, as the SigV4 docs require ("Create a canonical request", step 2).
 */
const ESCAPED: readonly string[] = Array.from({ length: 256 }, (_, b) =>
  isUnreserved(b) ? String.fromCharCode(b) : `%${HEX[b]!.toUpperCase()}`,
);

const UNRESERVED_ONLY = /^[A-Za-z0-9\-._~]*$/;
const UNRESERVED_OR_SLASH_ONLY = /^[A-Za-z0-9\-._~/]*$/;

/** Lower-case hex of a digest or MAC. */
export function toHex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

/** `globalThis.crypto.subtle`, looked up at use so a polyfill installed after import still works. */
export function subtle(): SubtleCrypto {
  const found = globalThis.crypto?.subtle;
  if (!found) {
    throw new ConfigurationError(
      'SigV4 signing needs WebCrypto (globalThis.crypto.subtle), which this runtime lacks',
    );
  }
  return found;
}

/**
 * Hex SHA-256 of the UTF-8 bytes of `data`; the empty string costs no hashing. Through
 * `node:crypto` where the runtime offers it synchronously (see `sigv4-crypto.ts`), else WebCrypto.
 */
export async function sha256Hex(data: string): Promise<string> {
  if (data === '') return EMPTY_SHA256;
  const sync = syncCrypto();
  if (sync) return sync.sha256Hex(data);
  return toHex(await subtle().digest('SHA-256', utf8.encode(data)));
}

/**
 * Percent-encodes every UTF-8 byte outside the unreserved set, `%` included, and keeps `/`.
 * Applied to a path that is already percent-encoded on the wire, this is the "double encoding"
 * that SigV4 requires for every service except S3.
 */
export function encodePath(path: string): string {
  if (UNRESERVED_OR_SLASH_ONLY.test(path)) return path;
  const bytes = utf8.encode(path);
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    out += byte === 0x2f ? '/' : ESCAPED[byte];
  }
  return out;
}

/** Percent-encodes every UTF-8 byte outside the unreserved set (`%` too): a value not yet encoded. */
export function encodeRfc3986(value: string): string {
  if (UNRESERVED_ONLY.test(value)) return value;
  const bytes = utf8.encode(value);
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += ESCAPED[bytes[i]!];
  return out;
}

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/**
 * Canonical form of one query key or value as it appears on the wire: each valid `%XX` triplet is
 * decoded and each resulting byte re-encoded, so a pre-encoded component is not encoded twice,
 * `%e1` becomes `%E1` and `%7E` becomes `~`. This equals decoding the component and encoding it
 * again (what the AWS SDKs do with their decoded query maps), but works on bytes, so invalid
 * UTF-8 such as `%FF` survives. A `%` that does not start a triplet is a literal `%` (`%25`).
 * `+` is a literal plus (`%2B`): RFC 3986 has no form-encoded spaces.
 */
export function canonicalQueryComponent(component: string): string {
  if (UNRESERVED_ONLY.test(component)) return component;
  const bytes = utf8.encode(component);
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x25) {
      const high = hexValue(bytes[i + 1]);
      const low = hexValue(bytes[i + 2]);
      if (high >= 0 && low >= 0) {
        out += ESCAPED[high * 16 + low];
        i += 2;
        continue;
      }
    }
    out += ESCAPED[byte];
  }
  return out;
}
