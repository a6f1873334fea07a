import { createSigV4Signer } from '../auth/sigv4-signer.js';
import { createOciSigner, type OciCredentialSource } from '../auth/oci-signer.js';
import { createHeaderTokenSigner } from '../auth/token-signer.js';
import { memoizeAwsCredentials } from '../credentials/aws.js';
import { ConfigurationError, CredentialsError } from '../errors/index.js';
import type { RequestSigner } from '../transport/http-request.js';
import type { AnyClientConfig, OciAuth } from './config.js';
import type { PlatformDefaults } from './platform.js';
import type { AuthScheme } from './service.js';

/** Picks the signer for a client from its auth scheme and configuration. */
export function createSigner(
  auth: AuthScheme,
  config: AnyClientConfig,
  region: string | undefined,
  defaults: PlatformDefaults,
): RequestSigner | undefined {
  if (config.signer) return config.signer;
  switch (auth.scheme) {
    case 'sigv4': {
      if (!region) {
        throw new ConfigurationError(
          'Invalid Configuration: Missing Region (SigV4 signs with the region in its credential scope)',
        );
      }
      const credentials = config.credentials
        ? memoizeAwsCredentials(config.credentials, { sourceName: 'credentials option' })
        : defaults.awsCredentials(config.profile);
      return createSigV4Signer({ credentials, region, service: auth.signingName });
    }
    case 'oci-signature-v1':
      return createOciSigner({ credentials: ociCredentials(config.auth, defaults) });
    case 'header-token':
      if (config.token === undefined) {
        throw new CredentialsError(`This service needs a token: pass the \`token\` option`);
      }
      return createHeaderTokenSigner(auth.header, auth.format, config.token);
    case 'none':
      return undefined;
  }
}

function ociCredentials(
  auth: OciAuth | undefined,
  defaults: PlatformDefaults,
): OciCredentialSource {
  if (auth === undefined) return defaults.ociCredentials({});
  if (typeof auth === 'function' || 'keyId' in auth || 'then' in auth)
    return auth as OciCredentialSource;
  return defaults.ociCredentials(auth);
}
