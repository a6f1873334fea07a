/**
 * The emulator's test credentials: AWS key pairs it accepts and a generated
 * OCI RSA key pair. These are test keys only, yet they are still redacted from
 * JSON and `util.inspect` output so logs never show them.
 */
import { createHash, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { ConfigurationError } from '../errors/index.js';
import { DEFAULT_AWS_CREDENTIAL, type EmulatorAwsCredential } from './options.js';

/** The generated OCI test key, usable as an API key and as a session-token (`ST$`) key. */
export interface OciTestKey {
  tenancy: string;
  user: string;
  /** MD5 fingerprint of the public key, `aa:bb:...`. */
  fingerprint: string;
  /** `<tenancy>/<user>/<fingerprint>`. */
  keyId: string;
  /** PKCS#8 PEM. Test key only. */
  privateKeyPem: string;
  /** SPKI PEM. */
  publicKeyPem: string;
  /** A session token accepted with the same key pair. Test value only. */
  sessionToken: string;
  /** `ST$<sessionToken>`. */
  sessionKeyId: string;
}

/** Credentials the emulator accepts; for configuring clients in tests and demos. */
export interface EmulatorCredentials {
  /** AWS region the credential scope must name. */
  region: string;
  /** Accepted AWS keys (the configured ones, or the default test pair). */
  aws: EmulatorAwsCredential[];
  /** The generated OCI test key. */
  oci: OciTestKey;
}

/** OCI key fingerprint: MD5 of the DER SubjectPublicKeyInfo as colon-separated hex (oci-contracts §1.2). */
export function ociFingerprint(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return (createHash('md5').update(der).digest('hex').match(/../g) as string[]).join(':');
}

/** Generates the OCI test key pair (RSA 2048). */
export async function generateOciTestKey(): Promise<OciTestKey> {
  const { publicKey, privateKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: 2048,
  });
  const fingerprint = ociFingerprint(publicKey);
  const tenancy = 'ocid1.tenancy.oc1..aaaaaaaaemulatortesttenancy';
  const user = 'ocid1.user.oc1..aaaaaaaaemulatortestuser';
  const sessionToken = `emulator-session-token-${fingerprint.replace(/:/g, '').slice(0, 16)}`;
  return {
    tenancy,
    user,
    fingerprint,
    keyId: `${tenancy}/${user}/${fingerprint}`,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    sessionToken,
    sessionKeyId: `ST$${sessionToken}`,
  };
}

/** Accepted AWS keys by access key id. */
export function awsKeyMap(
  credentials: readonly EmulatorAwsCredential[] | undefined,
): Map<string, EmulatorAwsCredential> {
  const list = credentials ?? [DEFAULT_AWS_CREDENTIAL];
  const map = new Map<string, EmulatorAwsCredential>();
  list.forEach((c, i) => {
    if (
      !c ||
      typeof c.accessKeyId !== 'string' ||
      c.accessKeyId === '' ||
      typeof c.secretAccessKey !== 'string' ||
      c.secretAccessKey === ''
    ) {
      throw new ConfigurationError(
        `awsCredentials[${i}] needs a non-empty accessKeyId and secretAccessKey`,
      );
    }
    map.set(c.accessKeyId, { ...c });
  });
  return map;
}

/** Accepted OCI keys by keyId: the configured PEMs plus the test key under both of its keyIds. */
export function ociKeyMap(
  configured: Record<string, string> | undefined,
  testKey: OciTestKey,
): Map<string, KeyObject> {
  const map = new Map<string, KeyObject>();
  for (const [keyId, pem] of Object.entries(configured ?? {})) {
    try {
      map.set(keyId, createPublicKey(pem));
    } catch {
      throw new ConfigurationError(`ociPublicKeys["${keyId}"] is not a PEM public key`);
    }
  }
  const testPublic = createPublicKey(testKey.publicKeyPem);
  map.set(testKey.keyId, testPublic);
  map.set(testKey.sessionKeyId, testPublic);
  return map;
}

const REDACTED = '[REDACTED]';

function redactAws(c: EmulatorAwsCredential): unknown {
  return {
    accessKeyId: c.accessKeyId,
    secretAccessKey: REDACTED,
    ...(c.sessionToken !== undefined ? { sessionToken: REDACTED } : {}),
  };
}

function redactOci(key: OciTestKey): unknown {
  return {
    ...key,
    privateKeyPem: REDACTED,
    sessionToken: REDACTED,
    sessionKeyId: `ST$${REDACTED}`,
  };
}

function defineRedaction<T extends object>(target: T, view: () => unknown): T {
  for (const key of ['toJSON', Symbol.for('nodejs.util.inspect.custom')]) {
    Object.defineProperty(target, key, { value: view, enumerable: false });
  }
  return target;
}

/**
 * Makes `JSON.stringify` and `util.inspect` show the credentials (and each
 * part of them) redacted; property reads still return the real test values.
 */
export function redactingCredentials(credentials: EmulatorCredentials): EmulatorCredentials {
  for (const c of credentials.aws) defineRedaction(c, () => redactAws(c));
  defineRedaction(credentials.oci, () => redactOci(credentials.oci));
  return defineRedaction(credentials, () => ({
    region: credentials.region,
    aws: credentials.aws.map(redactAws),
    oci: redactOci(credentials.oci),
  }));
}
