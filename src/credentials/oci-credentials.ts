/**
 * Resolved OCI signing credentials. A session keyId (`ST$<token>`) is a bearer secret, so the
 * value lives in a `#private` field and every printed form redacts it.
 */
import { redactKeyId } from '../auth/oci-key-id.js';
import { Redacted } from '../auth/redacted.js';

/** How the keyId was formed. */
export type OciAuthenticationType = 'api_key' | 'security_token';

/** Fields of {@link OciCredentials}. */
export interface OciCredentialsInit {
  keyId: string;
  privateKey: CryptoKey;
  region?: string | undefined;
  authenticationType: OciAuthenticationType;
  /** Config file and profile these came from, when they came from one. */
  configFile?: string | undefined;
  profile?: string | undefined;
}

/**
 * A keyId and a non-extractable private key, ready for `createOciSigner(credentials)` (it has the
 * `{ keyId, privateKey }` shape), plus the region and where they came from.
 */
export class OciCredentials extends Redacted {
  readonly #keyId: string;
  readonly #privateKey: CryptoKey;
  /** `region` of the profile, else `OCI_REGION`. */
  readonly region: string | undefined;
  readonly authenticationType: OciAuthenticationType;
  readonly configFile: string | undefined;
  readonly profile: string | undefined;

  constructor(init: OciCredentialsInit) {
    super();
    this.#keyId = init.keyId;
    this.#privateKey = init.privateKey;
    this.region = init.region;
    this.authenticationType = init.authenticationType;
    this.configFile = init.configFile;
    this.profile = init.profile;
  }

  /** `<tenancy>/<user>/<fingerprint>` or `ST$<token>`. Contains the session token: never log it. */
  get keyId(): string {
    return this.#keyId;
  }

  /** Non-extractable RSASSA-PKCS1-v1_5 / SHA-256 signing key. */
  get privateKey(): CryptoKey {
    return this.#privateKey;
  }

  /** A redacted description: keyId (session tokens redacted), type, region and origin; never the key. */
  toJSON(): Record<string, string | undefined> {
    return {
      keyId: redactKeyId(this.#keyId),
      authenticationType: this.authenticationType,
      region: this.region,
      configFile: this.configFile,
      profile: this.profile,
    };
  }

  /** `util.inspect` output: redacted like {@link OciCredentials.toJSON}. */
  protected override inspectRedacted(): string {
    const fields = Object.entries(this.toJSON())
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}: '${value}'`);
    return `OciCredentials { ${fields.join(', ')} }`;
  }

  /** Redacted like {@link OciCredentials.toJSON}. */
  override toString(): string {
    return this.inspectRedacted();
  }
}
