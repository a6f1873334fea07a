/**
 * The `keyId` of an OCI signature (Oracle "Request Signatures"; oci-common `getKeyId()`):
 * `<tenancy>/<user>/<fingerprint>` for an API key, `ST$<token>` for a session token
 * (`oci session authenticate`) and the instance/resource principals.
 */
import { CredentialsError } from '../errors/index.js';

/** The three parts of an API-key keyId. */
export interface OciApiKeyId {
  /** Tenancy OCID. */
  tenancy: string;
  /** User OCID. */
  user: string;
  /** MD5 fingerprint of the public key: 16 lower-case hex pairs joined by `:`. */
  fingerprint: string;
}

/** A session (security) token; the keyId becomes `ST$<token>`. */
export interface OciSessionKeyId {
  securityToken: string;
}

/** Any accepted keyId form: the finished string, API-key parts, or a session token. */
export type OciKeyId = string | OciApiKeyId | OciSessionKeyId;

const SESSION_PREFIX = 'ST$';
const FINGERPRINT = /^[0-9a-f]{2}(:[0-9a-f]{2}){15}$/i;
/** Printable ASCII minus `"` and `\`, which would end or escape the quoted `keyId="..."` parameter. */
const KEY_ID_CHARS = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
const OCID_PART = /^[^\s/"\\]+$/;

/** `<tenancy>/<user>/<fingerprint>`, each part checked so a swapped or empty field fails here, not as a 401. */
export function apiKeyId(parts: OciApiKeyId, source = 'keyId'): string {
  for (const field of ['tenancy', 'user'] as const) {
    if (!OCID_PART.test(parts[field] ?? '')) {
      throw new CredentialsError(`${source}.${field} must be a non-empty OCID without "/"`);
    }
  }
  if (!FINGERPRINT.test(parts.fingerprint ?? '')) {
    throw new CredentialsError(
      `${source}.fingerprint must be 16 hex pairs joined by ":" (the API key's MD5 fingerprint)`,
    );
  }
  return `${parts.tenancy}/${parts.user}/${parts.fingerprint}`;
}

/**
 * `ST$<token>` with the token trimmed: token files end in a newline, and oci-common's
 * `SessionAuthDetailProvider` (which does not trim) puts it inside the header.
 */
export function sessionKeyId(securityToken: string, source = 'securityToken'): string {
  const token = (securityToken ?? '').trim();
  if (!token) throw new CredentialsError(`${source} is empty`);
  return checkKeyId(SESSION_PREFIX + token, source);
}

/** The keyId string for any accepted form, validated. */
export function resolveKeyId(keyId: OciKeyId, source = 'keyId'): string {
  if (typeof keyId === 'string') return checkKeyId(keyId, source);
  if (keyId && typeof keyId === 'object' && 'securityToken' in keyId) {
    return sessionKeyId(keyId.securityToken, `${source}.securityToken`);
  }
  if (keyId && typeof keyId === 'object') return apiKeyId(keyId, source);
  throw new CredentialsError(
    `${source} must be a string, {tenancy, user, fingerprint} or {securityToken}`,
  );
}

/** True for `ST$...` keyIds, whose token is a bearer secret and must never be shown. */
export function isSessionKeyId(keyId: string): boolean {
  return keyId.startsWith(SESSION_PREFIX);
}

/** A keyId safe to print: API-key ids are public identifiers; session tokens are redacted. */
export function redactKeyId(keyId: string): string {
  return isSessionKeyId(keyId) ? `${SESSION_PREFIX}<redacted>` : keyId;
}

function checkKeyId(keyId: string, source: string): string {
  if (typeof keyId !== 'string' || !KEY_ID_CHARS.test(keyId)) {
    throw new CredentialsError(
      `${source} must be non-empty printable ASCII without spaces, '"' or '\\'`,
    );
  }
  if (keyId === SESSION_PREFIX) throw new CredentialsError(`${source} has an empty session token`);
  return keyId;
}
