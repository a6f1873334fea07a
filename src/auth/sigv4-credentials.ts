/**
 * Turns a credential source (static object or SDK v3 style provider) into checked credentials.
 * Error messages name the field and rule, never a value: every field but `accessKeyId` is secret.
 */
import { CredentialsError, isCloudSessionsError } from '../errors/index.js';
import { validateAwsCredentials } from '../credentials/aws.js';
import type { AwsCredentialIdentity, AwsCredentialSource } from './sigv4-types.js';

/**
 * Checks the shape of credentials: `accessKeyId` and `secretAccessKey` non-empty strings,
 * `sessionToken` a string when present, `expiration` a valid Date when present. The same
 * validator the credential providers use (src/credentials/aws.ts), so both say the same thing.
 * @param origin Where they came from, for the message (e.g. `the credentials provider`).
 */
export function checkCredentialIdentity(value: unknown, origin: string): AwsCredentialIdentity {
  return validateAwsCredentials(value, origin);
}

/**
 * Resolves and checks credentials for one signature. A provider is called every time: caching
 * and refreshing belong to the provider (see `src/credentials/`). Credentials whose `expiration`
 * is at or before `now` are rejected, since AWS would answer `ExpiredToken` anyway.
 */
export async function resolveCredentials(
  source: AwsCredentialSource,
  now: Date,
): Promise<AwsCredentialIdentity> {
  let resolved: unknown;
  if (typeof source === 'function') {
    try {
      resolved = await source();
    } catch (error) {
      if (isCloudSessionsError(error)) throw error;
      // The provider's message is left to `cause`: it is not ours to vet for secrets.
      throw new CredentialsError('The AWS credentials provider failed', { cause: error });
    }
  } else {
    resolved = source;
  }
  const origin = typeof source === 'function' ? 'the credentials provider' : 'the configuration';
  const credentials = checkCredentialIdentity(resolved, origin);
  const { expiration } = credentials;
  if (expiration && expiration.getTime() <= now.getTime()) {
    throw new CredentialsError(
      `AWS credentials from ${origin} expired at ${expiration.toISOString()}`,
    );
  }
  return credentials;
}
