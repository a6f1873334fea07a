/**
 * Turns a credential source (static object or SDK v3 style provider) into checked credentials.
 * Error messages name the field and rule, never a value: every field but `accessKeyId` is secret.
 */
import {
  assertNotExpired,
  callCredentialProvider,
  validateAwsCredentials,
} from '../credentials/aws.js';
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
  const fromProvider = typeof source === 'function';
  const origin = fromProvider ? 'the credentials provider' : 'the configuration';
  const resolved = fromProvider
    ? await callCredentialProvider(source, 'The AWS credentials provider failed')
    : source;
  const credentials = checkCredentialIdentity(resolved, origin);
  assertNotExpired(credentials, origin, now);
  return credentials;
}
