import { CredentialsError } from '../errors/index.js';
import type { AwsCredentialIdentity } from '../auth/sigv4-types.js';

/**
 * Reads the JSON a `credential_process` prints, as specified in "Sourcing credentials with an
 * external process" (AWS CLI User Guide / SDKs and Tools Reference Guide):
 * `{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?, "Expiration"?}` with
 * `Expiration` an ISO 8601 timestamp. Checks match SDK v3's `getValidatedProcessCredentials`,
 * including rejecting credentials that have already expired.
 *
 * Errors name the profile and what is wrong; they never include the output, not even through a
 * `cause` (V8's `JSON.parse` errors quote the input, which may hold a secret).
 */
export function parseCredentialProcessOutput(
  stdout: string,
  profile: string,
  now: Date = new Date(),
): AwsCredentialIdentity {
  const fail = (what: string): CredentialsError =>
    new CredentialsError(`credential_process of AWS profile "${profile}" ${what}`);
  let data: unknown;
  try {
    data = JSON.parse(stdout);
  } catch {
    throw fail('did not print valid JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw fail('did not print a JSON object');
  }
  const output = data as Record<string, unknown>;
  if (output['Version'] !== 1) throw fail('did not print "Version": 1');
  for (const field of ['AccessKeyId', 'SecretAccessKey']) {
    const value = output[field];
    if (typeof value !== 'string' || value === '') {
      throw fail(`printed no ${field} (a non-empty string is required)`);
    }
  }
  const { SessionToken, Expiration } = output;
  if (SessionToken !== undefined && SessionToken !== null && typeof SessionToken !== 'string') {
    throw fail('printed a SessionToken that is not a string');
  }
  let expiration: Date | undefined;
  if (Expiration !== undefined && Expiration !== null) {
    expiration = typeof Expiration === 'string' ? new Date(Expiration) : undefined;
    if (expiration === undefined || Number.isNaN(expiration.getTime())) {
      throw fail('printed an Expiration that is not an ISO 8601 timestamp');
    }
    if (expiration.getTime() <= now.getTime()) {
      throw fail(`printed credentials that expired at ${expiration.toISOString()}`);
    }
  }
  return {
    accessKeyId: output['AccessKeyId'] as string,
    secretAccessKey: output['SecretAccessKey'] as string,
    ...(typeof SessionToken === 'string' && SessionToken !== '' && { sessionToken: SessionToken }),
    ...(expiration !== undefined && { expiration }),
  };
}
