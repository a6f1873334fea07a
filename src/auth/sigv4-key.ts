/**
 * SigV4 signing keys and signatures: on WebCrypto, or on `node:crypto` where the runtime offers
 * it synchronously (`sigv4-crypto.ts`); both give the same bytes.
 *
 * Spec: https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html (step 4)
 */
import { syncCrypto, type SyncCrypto, type SyncKey } from './sigv4-crypto.js';
import { subtle, toHex, utf8 } from './sigv4-encoding.js';

const HMAC_SHA256 = { name: 'HMAC', hash: 'SHA-256' } as const;

/**
 * A signing key is valid for one secret, UTC day, region and service, so a client derives one a
 * day; 50 entries cover many clients and credential rotations (the same bound as
 * `@smithy/signature-v4`). Values are non-extractable CryptoKeys, so the derived key cannot be
 * read back; the map is module-private, so no secret is reachable from outside.
 */
const MAX_CACHED_KEYS = 50;
const keyCache = new Map<string, Promise<CryptoKey>>();
/** The same for `node:crypto` keys (opaque `KeyObject`s), plus the last one used. */
const syncKeyCache = new Map<string, SyncKey>();
let lastSyncId: string | undefined;
let lastSyncKey: SyncKey | undefined;

/** Moves a hit to the back of the map (most recently used); evicts the oldest past the bound. */
function remember<V>(cache: Map<string, V>, id: string, value: V): void {
  cache.delete(id);
  cache.set(id, value);
  if (cache.size > MAX_CACHED_KEYS) cache.delete(cache.keys().next().value!);
}

async function hmac(key: BufferSource, data: string): Promise<ArrayBuffer> {
  const cryptoKey = await subtle().importKey('raw', key, HMAC_SHA256, false, ['sign']);
  return subtle().sign('HMAC', cryptoKey, utf8.encode(data));
}

async function deriveUncached(
  secretAccessKey: string,
  yyyymmdd: string,
  region: string,
  service: string,
): Promise<CryptoKey> {
  const secretBytes = utf8.encode(`AWS4${secretAccessKey}`);
  let key: ArrayBuffer;
  try {
    key = await hmac(secretBytes, yyyymmdd);
  } finally {
    secretBytes.fill(0);
  }
  key = await hmac(key, region);
  key = await hmac(key, service);
  key = await hmac(key, 'aws4_request');
  const signingKey = await subtle().importKey('raw', key, HMAC_SHA256, false, ['sign']);
  new Uint8Array(key).fill(0);
  return signingKey;
}

/**
 * Stage 3: the signing key `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service),
 * "aws4_request")` as a non-extractable HMAC-SHA256 CryptoKey. Cached per secret, date, region and
 * service (least recently used entry evicted past 50), so the four-HMAC chain runs only on a miss;
 * concurrent callers share one derivation.
 */
export function deriveSigningKey(
  secretAccessKey: string,
  yyyymmdd: string,
  region: string,
  service: string,
): Promise<CryptoKey> {
  const id = `${yyyymmdd}\n${region}\n${service}\n${secretAccessKey}`;
  const cached = keyCache.get(id);
  if (cached) {
    remember(keyCache, id, cached);
    return cached;
  }
  const derived = deriveUncached(secretAccessKey, yyyymmdd, region, service);
  remember(keyCache, id, derived);
  derived.catch(() => {
    if (keyCache.get(id) === derived) keyCache.delete(id);
  });
  return derived;
}

/** Stage 4: the hex HMAC-SHA256 of the string to sign under the signing key. */
export async function signature(signingKey: CryptoKey, stringToSignText: string): Promise<string> {
  return toHex(await subtle().sign('HMAC', signingKey, utf8.encode(stringToSignText)));
}

function syncSigningKey(
  sync: SyncCrypto,
  secretAccessKey: string,
  yyyymmdd: string,
  region: string,
  service: string,
): SyncKey {
  const id = `${yyyymmdd}\n${region}\n${service}\n${secretAccessKey}`;
  if (id === lastSyncId) return lastSyncKey!;
  let signingKey = syncKeyCache.get(id);
  if (signingKey === undefined) {
    const secretBytes = utf8.encode(`AWS4${secretAccessKey}`);
    let key: Uint8Array;
    try {
      key = sync.hmac(secretBytes, yyyymmdd);
    } finally {
      secretBytes.fill(0);
    }
    for (const part of [region, service, 'aws4_request']) {
      const next = sync.hmac(key, part);
      key.fill(0);
      key = next;
    }
    signingKey = sync.secretKey(key);
    key.fill(0);
  }
  remember(syncKeyCache, id, signingKey);
  lastSyncId = id;
  lastSyncKey = signingKey;
  return signingKey;
}

/**
 * Stages 3 and 4 together: the hex HMAC-SHA256 of `stringToSignText` under the signing key of
 * this secret, date, region and service, derived once and cached as `deriveSigningKey` does.
 * Runs inline on `node:crypto` where the runtime offers it synchronously, else on WebCrypto.
 */
export async function signatureFor(
  secretAccessKey: string,
  yyyymmdd: string,
  region: string,
  service: string,
  stringToSignText: string,
): Promise<string> {
  const sync = syncCrypto();
  if (sync) {
    return sync.hmacHex(
      syncSigningKey(sync, secretAccessKey, yyyymmdd, region, service),
      stringToSignText,
    );
  }
  return signature(
    await deriveSigningKey(secretAccessKey, yyyymmdd, region, service),
    stringToSignText,
  );
}
