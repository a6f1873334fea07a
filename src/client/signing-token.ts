import { createHeaderTokenSigner } from '../auth/token-signer.js';
import { ConfigurationError, CredentialsError } from '../errors/index.js';
import type { SignerFactory } from './signing.js';

/** A static token in a header (`x-auth: { scheme: header-token, header, format }`). */
export const tokenSigning: SignerFactory = {
  create(auth, config) {
    if (config.signer) return config.signer;
    if (auth.scheme !== 'header-token') {
      throw new ConfigurationError(`tokenSigning used for ${auth.scheme}`);
    }
    if (config.token === undefined) {
      throw new CredentialsError('This service needs a token: pass the `token` option');
    }
    return createHeaderTokenSigner(auth.header, auth.format, config.token);
  },
};
