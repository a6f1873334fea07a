/**
 * AWS credential types with the same shape as `@aws-sdk/types` (SDK for JavaScript v3), so a
 * provider from `@aws-sdk/credential-providers` can be passed where these are expected.
 *
 * Defined here because `src/auth/sigv4-types.ts` did not exist yet when this module was
 * written; the two definitions are structurally identical and therefore interchangeable.
 */

/** One set of AWS credentials, as SigV4 needs them. */
export interface AwsCredentialIdentity {
  /** Access key ID (`AKIA...` for long-term keys, `ASIA...` for temporary ones). Not secret. */
  accessKeyId: string;
  /** Secret access key. Secret. */
  secretAccessKey: string;
  /** Session token of temporary credentials. Secret. */
  sessionToken?: string;
  /** When temporary credentials stop working; absent for long-term keys. */
  expiration?: Date;
}

/** Produces credentials on demand; the SDK v3 `AwsCredentialIdentityProvider` shape. */
export type AwsCredentialIdentityProvider = () => Promise<AwsCredentialIdentity>;
