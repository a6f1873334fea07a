import type { RequestSigner } from '../transport/http-request.js';
import type { AnyClientConfig } from './config.js';
import type { PlatformDefaults } from './platform.js';
import type { AuthScheme } from './service.js';

/**
 * Builds a client's signer from its auth scheme and configuration. One module per scheme
 * (`signing-sigv4.ts`, `signing-oci.ts`, `signing-token.ts`); a generated client imports only
 * its own, so a bundle of the Athena client carries no OCI code.
 */
export type SignerFactory = (
  auth: AuthScheme,
  config: AnyClientConfig,
  region: string | undefined,
  defaults: PlatformDefaults,
) => RequestSigner | undefined;

/** For specs with `x-auth: { scheme: none }`: requests go out unsigned unless a signer is given. */
export const unsignedSigning: SignerFactory = (_auth, config) => config.signer;
