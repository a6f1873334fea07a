/**
 * Synchronous SHA-256 and HMAC-SHA256 from the runtime's own `node:crypto`, where it can be had
 * without an import: `process.getBuiltinModule` (Node >= 20.16 and 22.3, Bun, Deno). WebCrypto
 * stays the portable path (browsers, edge runtimes, older Node); results are identical.
 *
 * Why: every WebCrypto call is queued to a worker thread and resolved on a later turn of the
 * event loop. A SigV4 signature takes two or three of them, which measured 0.4 ms per request
 * on the project's 2-core benchmark machine, as much as the whole loopback `fetch` (see
 * BENCHMARKS.md); the same work through `node:crypto` runs inline in a few microseconds.
 * Looked up at run time rather than through an export condition, so bundles and the package
 * manifest need nothing extra and a browser bundle never references `node:crypto`.
 */

/** The `KeyObject` of `node:crypto`: holds the key without exposing it to inspection. */
export interface SyncKey {
  readonly type: 'secret';
}

/** The slice of `node:crypto` used here. */
interface NodeCryptoSubset {
  createHash(algorithm: 'sha256'): {
    update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string };
  };
  createHmac(
    algorithm: 'sha256',
    key: SyncKey | Uint8Array,
  ): {
    update(
      data: string | Uint8Array,
      encoding?: 'utf8',
    ): {
      digest(): Uint8Array;
      digest(encoding: 'hex'): string;
    };
  };
  createSecretKey(key: Uint8Array): SyncKey;
  /** One-shot digest (Node >= 20.12), about twice as fast as `createHash` for short input. */
  hash?(algorithm: 'sha256', data: string, encoding: 'hex'): string;
}

/** SHA-256 and HMAC-SHA256 that return at once. */
export interface SyncCrypto {
  /** Hex SHA-256 of the UTF-8 bytes of `data` (lone surrogates become U+FFFD, as TextEncoder does). */
  sha256Hex(data: string): string;
  /** Raw HMAC-SHA256 of the UTF-8 bytes of `data` under `key`. */
  hmac(key: SyncKey | Uint8Array, data: string): Uint8Array;
  /** Hex HMAC-SHA256 of the UTF-8 bytes of `data` under `key`. */
  hmacHex(key: SyncKey, data: string): string;
  /** Wraps key bytes in an opaque key object. */
  secretKey(bytes: Uint8Array): SyncKey;
}

function lookUp(): SyncCrypto | undefined {
  const getBuiltinModule = (
    globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
  ).process?.getBuiltinModule;
  if (typeof getBuiltinModule !== 'function') return undefined;
  let found: Partial<NodeCryptoSubset> | undefined;
  try {
    found = getBuiltinModule('node:crypto') as Partial<NodeCryptoSubset> | undefined;
  } catch {
    return undefined;
  }
  const { createHash, createHmac, createSecretKey, hash } = found ?? {};
  if (!createHash || !createHmac || !createSecretKey) return undefined;
  return {
    sha256Hex: hash
      ? (data) => hash('sha256', data, 'hex')
      : (data) => createHash('sha256').update(data, 'utf8').digest('hex'),
    hmac: (key, data) => createHmac('sha256', key).update(data, 'utf8').digest(),
    hmacHex: (key, data) => createHmac('sha256', key).update(data, 'utf8').digest('hex'),
    secretKey: (bytes) => createSecretKey(bytes),
  };
}

let enabled = true;
let cached: SyncCrypto | undefined | null = null;

/** `node:crypto` as {@link SyncCrypto} when the runtime offers it (and it is not disabled). */
export function syncCrypto(): SyncCrypto | undefined {
  if (!enabled) return undefined;
  if (cached === null) cached = lookUp();
  return cached;
}

/**
 * Turns the synchronous path off (`false`) or back on (looking the runtime up again), so both
 * paths can be tested against the same vectors. Not part of the public API.
 */
export function setSyncCryptoEnabled(on: boolean): void {
  enabled = on;
  cached = null;
}
