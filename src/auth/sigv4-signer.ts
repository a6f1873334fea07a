/**
 * The `RequestSigner` for AWS clients: signs each attempt with SigV4 in the `Authorization` header.
 */
import { ConfigurationError } from '../errors/index.js';
import { Redacted } from './redacted.js';
import type { HttpRequest, RequestSigner } from '../transport/http-request.js';
import { validateAwsCredentials } from '../credentials/aws.js';
import { resolveCredentials } from './sigv4-credentials.js';
import { sha256Hex } from './sigv4-encoding.js';
import { signHeaders } from './sigv4-sign.js';
import type { AwsCredentialSource } from './sigv4-types.js';

/** Configuration of `createSigV4Signer`. */
export interface SigV4SignerConfig {
  /** Static credentials, or a provider called once per signature (memoize it yourself). */
  readonly credentials: AwsCredentialSource;
  /** Signing region, e.g. `us-east-1`. */
  readonly region: string;
  /** Signing name, e.g. `athena` or `nimble`. */
  readonly service: string;
}

/**
 * Request headers signed when present, besides `host`, `x-amz-date` and `x-amz-security-token`
 * (set by the signer). botocore signs `content-type;host;x-amz-date;x-amz-target` for awsJson
 * (see test/fixtures/aws-contracts.json); headers the transport varies per attempt stay unsigned.
 */
const SIGNED_REQUEST_HEADERS = ['content-type', 'x-amz-target'] as const;

/** Region and signing name go into the credential scope, where `/` or whitespace would break it. */
const SCOPE_PART = /^[A-Za-z0-9._-]+$/;

class SigV4Signer extends Redacted implements RequestSigner {
  readonly #credentials: AwsCredentialSource;
  readonly region: string;
  readonly service: string;

  constructor(config: SigV4SignerConfig) {
    super();
    this.#credentials = config.credentials;
    this.region = config.region;
    this.service = config.service;
  }

  async sign(request: HttpRequest, now: Date): Promise<void> {
    const credentials = await resolveCredentials(this.#credentials, now);
    const { url, headers } = request;
    const signed: Array<readonly [string, string]> = [['host', url.host]];
    for (const name of SIGNED_REQUEST_HEADERS) {
      const value = headers[name];
      if (value !== undefined) signed.push([name, value]);
    }
    const result = await signHeaders(
      {
        method: request.method,
        // `url.pathname` is the wire path, already percent-encoded once; `canonicalPath`
        // encodes it once more (`%` included), the double encoding AWS requires of every
        // service but S3 and what @smithy/signature-v4 (uriEscapePath: true) and botocore do.
        path: url.pathname,
        query: url.search.slice(1),
        headers: signed,
        payloadHash: await sha256Hex(request.body ?? ''),
      },
      { credentials, region: this.region, service: this.service, now },
    );
    // A token from an earlier attempt must not outlive a switch to long-term credentials.
    delete headers['x-amz-security-token'];
    Object.assign(headers, result.headers);
  }

  override toString(): string {
    return `SigV4Signer(${this.service}, ${this.region})`;
  }

  toJSON(): { region: string; service: string } {
    return { region: this.region, service: this.service };
  }

  protected override inspectRedacted(): string {
    return `SigV4Signer { service: '${this.service}', region: '${this.region}', credentials: [redacted] }`;
  }
}

/**
 * A `RequestSigner` that signs with SigV4 (`AWS4-HMAC-SHA256`) in the `Authorization` header. Per
 * attempt it sets `x-amz-date` from `now`, sets `x-amz-security-token` when the credentials carry
 * a session token, and signs `host` (from `request.url.host`; fetch sends it, so it is not added
 * to `request.headers`), `x-amz-date`, and `content-type`, `x-amz-target`, `x-amz-security-token`
 * when present. The payload hash is the hex SHA-256 of `request.body`.
 * @throws ConfigurationError for an empty or malformed region or service, or missing credentials.
 * @throws CredentialsError for static credentials with a missing or malformed field.
 */
export function createSigV4Signer(config: SigV4SignerConfig): RequestSigner {
  for (const field of ['region', 'service'] as const) {
    const value: unknown = config[field];
    if (typeof value !== 'string' || !SCOPE_PART.test(value)) {
      throw new ConfigurationError(
        `SigV4 ${field} ${JSON.stringify(value)} must be a non-empty string of letters, digits, '.', '_' or '-'`,
      );
    }
  }
  const { credentials } = config;
  if (typeof credentials !== 'function') {
    if (typeof credentials !== 'object' || credentials === null) {
      throw new ConfigurationError('SigV4 credentials must be an object or a provider function');
    }
    // The validated copy is kept: it is immutable, so each attempt's check returns it as is
    // instead of validating and copying the configuration object again.
    return new SigV4Signer({
      ...config,
      credentials: validateAwsCredentials(credentials, 'the configuration'),
    });
  }
  return new SigV4Signer(config);
}
