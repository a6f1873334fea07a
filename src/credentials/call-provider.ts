import { CredentialsError, isCloudSessionsError } from '../errors/index.js';

/**
 * Calls a credentials provider. Its own errors pass through; a foreign failure becomes a
 * `CredentialsError` saying `failure`, the original kept as `cause`: a foreign provider's
 * message is not ours to vet for secrets.
 */
export async function callCredentialProvider<T>(
  provider: () => T | PromiseLike<T>,
  failure: string,
): Promise<T> {
  try {
    return await provider();
  } catch (error) {
    if (isCloudSessionsError(error)) throw error;
    throw new CredentialsError(failure, { cause: error });
  }
}
