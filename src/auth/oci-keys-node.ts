/**
 * Node-only OCI key handling: encrypted PEMs (a pass phrase and legacy ciphers WebCrypto lacks) and
 * the API key fingerprint (MD5, which WebCrypto lacks). Decrypted keys are handed to the
 * browser-safe importer, so both paths produce the same non-extractable CryptoKey.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CredentialsError } from '../errors/index.js';
import { importOciPrivateKey, isEncryptedPem } from './oci-keys.js';

/** Options for {@link loadOciPrivateKey}. */
export interface LoadOciPrivateKeyOptions {
  /** Pass phrase of an encrypted key (`pass_phrase` in `~/.oci/config`). Ignored for plain keys. */
  passPhrase?: string | undefined;
  /** Names the key in errors, e.g. its file path. Default `privateKey`. */
  source?: string | undefined;
}

/**
 * An unencrypted PKCS#8 PEM of `pem`. Decrypts `ENCRYPTED PRIVATE KEY` (PKCS#8, RFC 5958) and
 * legacy OpenSSL `Proc-Type: 4,ENCRYPTED` / `DEK-Info` PKCS#1 keys with `passPhrase`. Errors name
 * `source` and never contain the key or the pass phrase.
 */
export function decryptOciPrivateKeyPem(
  pem: string,
  passPhrase: string | undefined,
  source = 'privateKey',
): string {
  return privateKeyObject(pem, passPhrase, source).export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
}

/** The last key imported: a PEM and pass phrase, and the import of them. */
let lastImport:
  { pem: string; passPhrase: string | undefined; key: Promise<CryptoKey> } | undefined;

/**
 * Imports a PEM RSA private key, decrypting it first when it is encrypted. The last successful
 * import is reused for the same PEM and pass phrase: the clients' default OCI provider reads
 * `~/.oci/config` and the key file on every attempt (so a refreshed session token is seen), and
 * decrypting and importing the same key each time would be most of an attempt's signing cost.
 */
export async function loadOciPrivateKey(
  pem: string,
  options: LoadOciPrivateKeyOptions = {},
): Promise<CryptoKey> {
  const { passPhrase } = options;
  if (lastImport && lastImport.pem === pem && lastImport.passPhrase === passPhrase) {
    return lastImport.key;
  }
  const source = options.source ?? 'privateKey';
  const key = (async () =>
    importOciPrivateKey(
      isEncryptedPem(pem) ? decryptOciPrivateKeyPem(pem, passPhrase, source) : pem,
      source,
    ))();
  const entry = { pem, passPhrase, key };
  lastImport = entry;
  // A failed import is not kept: the next call tries again and reports its own source.
  key.catch(() => {
    if (lastImport === entry) lastImport = undefined;
  });
  return key;
}

/** Reads and imports a PEM key file (`key_file`); errors name the file. */
export async function readOciPrivateKeyFile(
  path: string,
  passPhrase?: string | undefined,
): Promise<CryptoKey> {
  const source = `key file ${path}`;
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (cause) {
    throw new CredentialsError(`cannot read ${source}: ${errorCode(cause)}`, { cause });
  }
  return loadOciPrivateKey(pem, { passPhrase, source });
}

/**
 * The OCI API key fingerprint of a private (or public) key: MD5 over the DER SubjectPublicKeyInfo,
 * lower-case hex pairs joined by `:`, as the console shows and as `openssl rsa -pubout -outform DER
 * | openssl md5 -c` prints (Oracle "Required Keys and OCIDs").
 */
export function ociKeyFingerprint(
  key: string | KeyObject,
  passPhrase?: string | undefined,
  source = 'privateKey',
): string {
  const keyObject =
    typeof key !== 'string'
      ? key
      : /-----BEGIN PUBLIC KEY-----/.test(key)
        ? createPublicKey(key)
        : privateKeyObject(key, passPhrase, source);
  const publicKey = keyObject.type === 'public' ? keyObject : createPublicKey(keyObject);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const digest = createHash('md5').update(spki).digest('hex');
  return digest.match(/../g)!.join(':');
}

function privateKeyObject(pem: string, passPhrase: string | undefined, source: string): KeyObject {
  const encrypted = isEncryptedPem(pem);
  if (encrypted && !passPhrase) {
    throw new CredentialsError(
      `${source} is encrypted and no pass phrase was given (pass_phrase in the OCI config, or passPhrase)`,
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({
      key: pem,
      format: 'pem',
      ...(encrypted ? { passphrase: passPhrase } : {}),
    });
  } catch (cause) {
    throw new CredentialsError(
      encrypted
        ? `${source} could not be decrypted: wrong pass phrase or corrupt key (${errorCode(cause)})`
        : `${source} is not a readable PEM private key (${errorCode(cause)})`,
      { cause },
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new CredentialsError(
      `${source} is a ${String(key.asymmetricKeyType)} key; OCI API keys are RSA`,
    );
  }
  return key;
}

function errorCode(error: unknown): string {
  return String((error as { code?: unknown } | null)?.code ?? 'unknown error');
}
