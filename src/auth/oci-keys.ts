/**
 * OCI API signing keys for WebCrypto (browser-safe): PEM decoding, PKCS#1 -> PKCS#8 wrapping, and
 * import as a non-extractable RSASSA-PKCS1-v1_5/SHA-256 CryptoKey. Encrypted keys need a pass
 * phrase and a cipher WebCrypto does not offer, so they are left to `oci-keys-node.ts`.
 */
import { CredentialsError } from '../errors/index.js';

/** One `-----BEGIN <label>-----` block (RFC 7468), with its RFC 1421 headers (`Proc-Type`, ...). */
export interface PemBlock {
  label: string;
  headers: Record<string, string>;
  der: Uint8Array<ArrayBuffer>;
}

/** How a private-key PEM is packaged, as far as signing is concerned. */
export type PemKeyKind = 'pkcs8' | 'pkcs1' | 'encrypted' | 'unsupported';

const RSA_SIGNING_ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

/**
 * Every PEM block in `text`. Text around the blocks is ignored: Oracle's console appends an
 * `OCI_API_KEY` line after the key it generates. `source` names the key (a file path, an option)
 * in errors; the key material itself never appears in a message.
 */
export function decodePemBlocks(text: string, source: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const label = match[1] ?? '';
    const headers: Record<string, string> = {};
    let body = match[2] ?? '';
    // RFC 1421 encapsulated headers (legacy OpenSSL encryption) end at the first blank line.
    const headerEnd = /\r?\n\r?\n/.exec(body);
    if (headerEnd && /^[A-Za-z-]+:/.test(body)) {
      for (const line of body.slice(0, headerEnd.index).split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
      }
      body = body.slice(headerEnd.index + headerEnd[0].length);
    }
    blocks.push({ label, headers, der: decodeBase64(body.replace(/\s+/g, ''), source) });
  }
  return blocks;
}

/** Classifies a private-key block: what it takes to turn it into a WebCrypto key. */
export function pemKeyKind(block: PemBlock): PemKeyKind {
  if (block.label === 'ENCRYPTED PRIVATE KEY') return 'encrypted';
  if (/ENCRYPTED/i.test(block.headers['Proc-Type'] ?? '')) return 'encrypted';
  if (block.label === 'PRIVATE KEY') return 'pkcs8';
  if (block.label === 'RSA PRIVATE KEY') return 'pkcs1';
  return 'unsupported';
}

/** The first block whose label ends in `PRIVATE KEY`, or a CredentialsError naming `source`. */
export function findPrivateKeyBlock(pem: string, source: string): PemBlock {
  const blocks = decodePemBlocks(pem, source);
  const block = blocks.find((b) => b.label.endsWith('PRIVATE KEY'));
  if (block) return block;
  const seen = blocks.length ? ` (found: ${blocks.map((b) => b.label).join(', ')})` : '';
  throw new CredentialsError(`${source} does not contain a PEM private key${seen}`);
}

/** True when the PEM private key is encrypted (PKCS#8 `ENCRYPTED PRIVATE KEY` or `Proc-Type: 4,ENCRYPTED`). */
export function isEncryptedPem(pem: string): boolean {
  return decodePemBlocks(pem, 'PEM').some((b) => pemKeyKind(b) === 'encrypted');
}

/**
 * PKCS#8 DER of an unencrypted PEM RSA private key (`PRIVATE KEY` as is, `RSA PRIVATE KEY`
 * wrapped). Encrypted and non-RSA-packaged keys are rejected with a CredentialsError.
 */
export function privateKeyPkcs8(pem: string, source: string): Uint8Array<ArrayBuffer> {
  const block = findPrivateKeyBlock(pem, source);
  switch (pemKeyKind(block)) {
    case 'pkcs8':
      return block.der;
    case 'pkcs1':
      return pkcs1ToPkcs8(block.der);
    case 'encrypted':
      throw new CredentialsError(
        `${source} is an encrypted private key: decrypting it needs the pass phrase and the ` +
          `Node loader (loadOciPrivateKey from oci-keys-node), which WebCrypto cannot do`,
      );
    default:
      throw new CredentialsError(
        `${source} is a "${block.label}" PEM; OCI API keys must be RSA in PKCS#8 ` +
          `("PRIVATE KEY") or PKCS#1 ("RSA PRIVATE KEY") form`,
      );
  }
}

/**
 * Imports an unencrypted PEM RSA private key as a non-extractable signing CryptoKey, so the key
 * bytes cannot be read back from the object that holds it.
 */
export async function importOciPrivateKey(pem: string, source = 'privateKey'): Promise<CryptoKey> {
  return importOciPkcs8(privateKeyPkcs8(pem, source), source);
}

/** Imports PKCS#8 DER (from {@link privateKeyPkcs8}) as a non-extractable signing CryptoKey. */
export async function importOciPkcs8(
  der: Uint8Array<ArrayBuffer>,
  source = 'privateKey',
): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('pkcs8', der, RSA_SIGNING_ALGORITHM, false, ['sign']);
  } catch (cause) {
    throw new CredentialsError(`${source} is not an RSA private key that WebCrypto can import`, {
      cause,
    });
  }
}

/** Rejects a CryptoKey that cannot produce `rsa-sha256` signatures, naming `source`. */
export function assertOciSigningKey(key: CryptoKey, source = 'privateKey'): void {
  const algorithm = key.algorithm as Partial<RsaHashedKeyAlgorithm>;
  const ok =
    key.type === 'private' &&
    algorithm.name === RSA_SIGNING_ALGORITHM.name &&
    algorithm.hash?.name === RSA_SIGNING_ALGORITHM.hash &&
    key.usages.includes('sign');
  if (!ok) {
    throw new CredentialsError(
      `${source} must be a private RSASSA-PKCS1-v1_5 / SHA-256 CryptoKey with usage "sign" ` +
        `(got ${key.type} ${String(algorithm.name)}/${String(algorithm.hash?.name)})`,
    );
  }
}

// --- Minimal DER encoder (ITU-T X.690), just enough to wrap PKCS#1 in PKCS#8 (RFC 5208) ---

/**
 * rsaEncryption AlgorithmIdentifier (RFC 8017 A.1): SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }.
 * A constant, so the OID encoding is written out rather than computed.
 */
// prettier-ignore
const RSA_ENCRYPTION_ALGORITHM_IDENTIFIER = Uint8Array.of(
  0x30, 0x0d, // SEQUENCE, 13 bytes
  0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, // OID 1.2.840.113549.1.1.1
  0x05, 0x00, // NULL parameters
);

/** `version INTEGER 0` (RFC 5208 §5: PrivateKeyInfo version is 0). */
const PKCS8_VERSION_0 = Uint8Array.of(0x02, 0x01, 0x00);

/**
 * DER length octets (X.690 §8.1.3): short form for lengths below 128, else long form: 0x80 | the
 * number of length bytes, then the length big-endian with no leading zero byte.
 */
export function derLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** A DER tag-length-value with a one-byte tag. */
function derTlv(tag: number, ...contents: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const length = contents.reduce((sum, part) => sum + part.length, 0);
  return concatBytes(Uint8Array.of(tag), derLength(length), ...contents);
}

/**
 * PKCS#1 RSAPrivateKey DER -> PKCS#8 PrivateKeyInfo DER (RFC 5208 §5):
 * `SEQUENCE { INTEGER 0, rsaEncryption AlgorithmIdentifier, OCTET STRING <RSAPrivateKey> }`.
 * WebCrypto imports only PKCS#8, and OpenSSL 1.x / the OCI console still write PKCS#1.
 */
export function pkcs1ToPkcs8(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  return derTlv(
    0x30, // SEQUENCE
    PKCS8_VERSION_0,
    RSA_ENCRYPTION_ALGORITHM_IDENTIFIER,
    derTlv(0x04, pkcs1), // OCTET STRING
  );
}

function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function decodeBase64(text: string, source: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw new CredentialsError(`${source} has a PEM block whose body is not valid base64`);
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
