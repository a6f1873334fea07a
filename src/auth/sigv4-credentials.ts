/**
 * Turns a credential source (static object or SDK v3 style provider) into checked credentials.
 * Error messages name the field and rule, never a value: every field but `accessKeyId` is secret.
 */
import { assertNotExpired, validateAwsCredentials } from '../credentials/aws.js';
import { callCredentialProvider } from '../credentials/call-provider.js';
import type { AwsCredentialIdentity, AwsCredentialSource } from './sigv4-types.js';

/**
 * Resolves and checks credentials for one signature, with the validator the credential providers
 * use (`validateAwsCredentials`), so both say the same thing. A provider is called every time:
 * caching and refreshing belong to the provider (see `src/credentials/`). Credentials whose
 * `expiration` is at or before `now` are rejected, since AWS would answer `ExpiredToken` anyway.
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
  const credentials = validateAwsCredentials(resolved, origin);
  assertNotExpired(credentials, origin, now);
  return credentials;
}
