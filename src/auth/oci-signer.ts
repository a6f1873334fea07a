/**
 * The OCI `RequestSigner`: adds the date, body and `Authorization` headers of OCI signature v1 to
 * each attempt. Browser-safe (WebCrypto); keys and tokens live in `#private` fields and every
 * printed form of the signer is redacted.
 */
import { ConfigurationError, CredentialsError } from '../errors/index.js';
import type { HttpRequest, RequestSigner } from '../transport/http-request.js';
import { Redacted } from './redacted.js';
import { callCredentialProvider } from '../credentials/call-provider.js';
import { type OciKeyId, redactKeyId, resolveKeyId } from './oci-key-id.js';
import { assertOciSigningKey, importOciPkcs8, privateKeyPkcs8 } from './oci-keys.js';
import {
  type OciDateHeader,
  authorizationHeader,
  bodyHeaders,
  headersToSign,
  signString,
  signingString,
  signsBody,
} from './oci-signing.js';

/** A keyId and the private key that signs for it. `fromOciConfigFile()` results fit this shape. */
export interface OciSigningCredentials {
  keyId: OciKeyId;
  /** A CryptoKey (RSASSA-PKCS1-v1_5, SHA-256, usage `sign`) or an unencrypted PEM (PKCS#8 or PKCS#1). */
  privateKey: CryptoKey | string;
}

/**
 * Where credentials come from when they can change (session tokens are refreshed by
 * `oci session refresh`): a function called once per signed attempt, or a promise awaited once.
 * A provider should cache; PEM strings it returns are imported once per distinct PEM.
 */
export type OciCredentialSource =
  | OciSigningCredentials
  | PromiseLike<OciSigningCredentials>
  | (() => Promise<OciSigningCredentials>);

/** Options shared by both signer forms. */
export interface OciSignerBaseOptions {
  /**
   * Header carrying the signed time. Default `x-date`: browsers may not set `Date`, oci-common
   * signs `x-date`, and OCI accepts either. Use `date` for servers that only read `Date`.
   */
  dateHeader?: OciDateHeader;
}

/** `createOciSigner` options: fixed credentials, or a `credentials` source. */
export type OciSignerOptions = OciSignerBaseOptions &
  (OciSigningCredentials | { credentials: OciCredentialSource });

interface ResolvedCredentials {
  keyId: string;
  privateKey: CryptoKey;
}

/**
 * Creates the OCI signature v1 `RequestSigner`. Static keyIds and PEMs are validated here (a
 * malformed key fails now, not on the first request); the PEM is imported lazily, once.
 */
export function createOciSigner(options: OciSignerOptions): OciRequestSigner {
  return new OciRequestSigner(options);
}

/** The signer returned by {@link createOciSigner}; its fields are private and it prints redacted. */
export class OciRequestSigner extends Redacted implements RequestSigner {
  readonly #dateHeader: OciDateHeader;
  readonly #credentials: () => Promise<ResolvedCredentials>;
  /** Shown by inspect/toJSON: the API-key keyId, `ST$<redacted>`, or `<from provider>`. */
  readonly #displayKeyId: string;
  #lastPem: string | undefined;
  #lastKey: Promise<CryptoKey> | undefined;

  constructor(options: OciSignerOptions) {
    super();
    const dateHeader = options.dateHeader ?? 'x-date';
    if (dateHeader !== 'x-date' && dateHeader !== 'date') {
      throw new ConfigurationError(`dateHeader must be "x-date" or "date"`);
    }
    this.#dateHeader = dateHeader;
    if ('credentials' in options) {
      this.#displayKeyId = '<from provider>';
      this.#credentials = this.#fromSource(options.credentials);
    } else {
      const keyId = resolveKeyId(options.keyId, 'keyId');
      this.#displayKeyId = redactKeyId(keyId);
      const privateKey = this.#staticKey(options.privateKey);
      this.#credentials = async () => ({ keyId, privateKey: await privateKey() });
    }
  }

  /** Sets the date header to `now`, adds the body headers when signed, then `authorization`. */
  async sign(request: HttpRequest, now: Date): Promise<void> {
    const { keyId, privateKey } = await this.#credentials();
    // RFC 7231 IMF-fixdate, e.g. `Sun, 05 Jan 2014 21:31:40 GMT`; toUTCString() produces exactly this.
    request.headers[this.#dateHeader] = now.toUTCString();
    if (signsBody(request.method)) {
      const contentType = request.headers['content-type'] ?? 'application/json';
      Object.assign(request.headers, await bodyHeaders(request.body, contentType));
    }
    const headers = headersToSign(request.method, this.#dateHeader);
    const signature = await signString(privateKey, signingString(request, headers));
    request.headers['authorization'] = authorizationHeader({ keyId, headers, signature });
  }

  /** A redacted description: the keyId (a session token shows as `ST$<redacted>`), never the key. */
  toJSON(): Record<string, string> {
    return { type: 'OciRequestSigner', keyId: this.#displayKeyId, dateHeader: this.#dateHeader };
  }

  /** `util.inspect` output: redacted like {@link OciRequestSigner.toJSON}. */
  protected override inspectRedacted(): string {
    return `OciRequestSigner { keyId: '${this.#displayKeyId}', dateHeader: '${this.#dateHeader}' }`;
  }

  /** Redacted like {@link OciRequestSigner.toJSON}. */
  override toString(): string {
    return this.inspectRedacted();
  }

  #staticKey(privateKey: CryptoKey | string): () => Promise<CryptoKey> {
    if (typeof privateKey === 'string') {
      const der = privateKeyPkcs8(privateKey, 'privateKey');
      let imported: Promise<CryptoKey> | undefined;
      return () => (imported ??= importOciPkcs8(der, 'privateKey'));
    }
    assertPrivateKeyObject(privateKey);
    return () => Promise.resolve(privateKey);
  }

  #fromSource(source: OciCredentialSource): () => Promise<ResolvedCredentials> {
    const next =
      typeof source === 'function'
        ? source
        : isPromiseLike(source)
          ? onceFrom(source)
          : () => Promise.resolve(source);
    return async () => {
      const credentials = await callCredentialProvider(next, 'the OCI credentials provider failed');
      const keyId = resolveKeyId(credentials.keyId, 'credentials.keyId');
      return { keyId, privateKey: await this.#providedKey(credentials.privateKey) };
    };
  }

  /** Imports a provided PEM once per distinct PEM (a refresh that keeps the key re-uses it). */
  #providedKey(privateKey: CryptoKey | string): Promise<CryptoKey> {
    if (typeof privateKey !== 'string') {
      assertPrivateKeyObject(privateKey, 'credentials.privateKey');
      return Promise.resolve(privateKey);
    }
    if (privateKey !== this.#lastPem || !this.#lastKey) {
      const der = privateKeyPkcs8(privateKey, 'credentials.privateKey');
      const imported = importOciPkcs8(der, 'credentials.privateKey');
      this.#lastPem = privateKey;
      this.#lastKey = imported;
      // A failed import is not cached, so a corrected key file is picked up by the next attempt.
      imported.catch(() => {
        if (this.#lastKey === imported) this.#lastKey = undefined;
      });
    }
    return this.#lastKey;
  }
}

function assertPrivateKeyObject(key: unknown, source = 'privateKey'): asserts key is CryptoKey {
  if (typeof key !== 'object' || key === null || !('algorithm' in key) || !('type' in key)) {
    throw new CredentialsError(`${source} must be a CryptoKey or a PEM string`);
  }
  assertOciSigningKey(key as CryptoKey, source);
}

function isPromiseLike(value: unknown): value is PromiseLike<OciSigningCredentials> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** Awaits a credentials promise once; a rejection surfaces on each sign, never as unhandled. */
function onceFrom(
  promise: PromiseLike<OciSigningCredentials>,
): () => Promise<OciSigningCredentials> {
  const settled = Promise.resolve(promise);
  settled.catch(() => undefined);
  return () => settled;
}
