/**
 * `Content-Encoding` decoding for the `node:http` transport, as `fetch` does it although no
 * encoding is asked for: a proxy may compress anyway. Node only: `node:zlib`.
 */
import {
  brotliDecompressSync,
  constants,
  gunzipSync,
  inflateRawSync,
  inflateSync,
} from 'node:zlib';

/**
 * Undoes `Content-Encoding` as `fetch` does (codings applied in order, so undone last first);
 * an unknown coding leaves the bytes as they are. A body that does not decode is a network
 * error, as undici reports it.
 */
export function decodeContent(bytes: Buffer, encoding: string | null): Uint8Array {
  if (encoding === null || bytes.length === 0) return bytes;
  const codings = encoding.toLowerCase().split(',');
  let out = bytes;
  for (let i = codings.length - 1; i >= 0; i--) {
    const coding = codings[i]!.trim();
    try {
      if (coding === 'gzip' || coding === 'x-gzip') {
        out = gunzipSync(out, { finishFlush: constants.Z_SYNC_FLUSH });
      } else if (coding === 'deflate') {
        // Servers send both zlib-wrapped and raw deflate under this name; undici accepts both.
        out = isZlibHeader(out) ? inflateSync(out) : inflateRawSync(out);
      } else if (coding === 'br') {
        out = brotliDecompressSync(out);
      } else if (coding !== 'identity' && coding !== '') {
        return out;
      }
    } catch (error) {
      throw new TypeError('terminated', { cause: error });
    }
  }
  return out;
}

/** RFC 1950 §2.2: CM = 8 (deflate) and the first two bytes, big-endian, a multiple of 31. */
function isZlibHeader(bytes: Buffer): boolean {
  return bytes.length >= 2 && (bytes[0]! & 0x0f) === 8 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0;
}
