import { createSigV4Signer } from '../auth/sigv4-signer.js';
import { memoizeAwsCredentials } from '../credentials/aws.js';
import { ConfigurationError } from '../errors/index.js';
import type { SignerFactory } from './signing.js';

/** SigV4 with the `credentials` option (cached), or the platform's default chain. */
export const sigv4Signing: SignerFactory = {
  create(auth, config, region, defaults) {
    if (config.signer) return config.signer;
    if (auth.scheme !== 'sigv4')
      throw new ConfigurationError(`sigv4Signing used for ${auth.scheme}`);
    if (!region) {
      throw new ConfigurationError(
        'Invalid Configuration: Missing Region (SigV4 signs with the region in its credential scope)',
      );
    }
    const credentials = config.credentials
      ? memoizeAwsCredentials(config.credentials, { sourceName: 'credentials option' })
      : defaults.awsCredentials(config.profile);
    return createSigV4Signer({ credentials, region, service: auth.signingName });
  },
  defaultRegion: (config, defaults) => defaults.awsRegion(config.profile),
};
