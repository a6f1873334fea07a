/**
 * Types shared by the SigV4 signer and the AWS credential providers. They have the same shape as
 * `@aws-sdk/types` (SDK for JavaScript v3), so a provider from `@aws-sdk/credential-providers`
 * can be passed wherever these are expected.
 */

/** One set of AWS credentials, as SigV4 needs them. */
export interface AwsCredentialIdentity {
  /** Access key ID (`AKIA...` for long-term keys, `ASIA...` for temporary ones). Not secret. */
  readonly accessKeyId: string;
  /** Secret access key. Secret. */
  readonly secretAccessKey: string;
  /** Session token of temporary credentials. Secret. */
  readonly sessionToken?: string | undefined;
  /** When temporary credentials stop working; absent for long-term keys. */
  readonly expiration?: Date | undefined;
}

/** Produces credentials on demand; the SDK v3 `AwsCredentialIdentityProvider` shape. */
export type AwsCredentialIdentityProvider = () => Promise<AwsCredentialIdentity>;

/** Static credentials or a provider; the signer accepts either. */
export type AwsCredentialSource = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/**
 * Headers to sign: a record (one value per name) or name/value pairs in order, where a name may
 * repeat. Names are matched case-insensitively.
 */
export type SigV4Headers =
  Readonly<Record<string, string>> | ReadonlyArray<readonly [name: string, value: string]>;
