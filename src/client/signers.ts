import type { RequestSigner } from '../transport/http-request.js';
import type { ClientConfig } from './config.js';
import type { AuthScheme } from './service.js';

/** Picks the signer for a client from its auth scheme and configuration. */
export function createSigner(auth: AuthScheme, config: ClientConfig): RequestSigner | undefined {
  if (config.signer) return config.signer;
  void auth;
  return undefined;
}
