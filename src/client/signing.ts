import type { RequestSigner } from '../transport/http-request.js';
import type { AnyClientConfig } from './config.js';
import type { PlatformDefaults } from './platform.js';
import type { AuthScheme } from './service.js';

/**
 * What a client needs from its auth scheme: the signer, and where a region left out of the
 * configuration comes from. One module per scheme (`signing-sigv4.ts`, `signing-oci.ts`,
 * `signing-token.ts`); a generated client imports only its own, so a bundle of the Athena client
 * carries no OCI code. An object literal, not a function with properties, so that bundlers can
 * drop the schemes a bundle does not use.
 */
export interface SignerFactory {
  /** Builds the client's signer from its configuration. */
  create(
    auth: AuthScheme,
    config: AnyClientConfig,
    region: string | undefined,
    defaults: PlatformDefaults,
  ): RequestSigner | undefined;
  /** The region when the configuration has none (Node: environment, profiles). Unset: none. */
  defaultRegion?(config: AnyClientConfig, defaults: PlatformDefaults): Promise<string | undefined>;
}

/** For specs with `x-auth: { scheme: none }`: requests go out unsigned unless a signer is given. */
export const unsignedSigning: SignerFactory = { create: (_auth, config) => config.signer };
