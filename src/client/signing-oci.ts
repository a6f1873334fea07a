import { createOciSigner, type OciCredentialSource } from '../auth/oci-signer.js';
import type { OciAuth } from './config.js';
import type { PlatformDefaults } from './platform.js';
import type { SignerFactory } from './signing.js';

/** OCI HTTP Signature v1 with the `auth` option: a key, a provider, or a config-file profile. */
export const ociSigning: SignerFactory = {
  create: (_auth, config, _region, defaults) =>
    config.signer ?? createOciSigner({ credentials: ociCredentials(config.auth, defaults) }),
  // A key given explicitly carries no region; the DEFAULT profile's (or OCI_REGION) applies.
  defaultRegion: (config, defaults) => defaults.ociRegion(ociConfigFileOptions(config.auth) ?? {}),
};

function ociCredentials(
  auth: OciAuth | undefined,
  defaults: PlatformDefaults,
): OciCredentialSource {
  const fileOptions = ociConfigFileOptions(auth);
  return fileOptions ? defaults.ociCredentials(fileOptions) : (auth as OciCredentialSource);
}

/**
 * The `~/.oci/config` selection an `auth` option stands for (`{}` when it is left out), or
 * undefined when it is a key or a provider of one. The one place that tells the forms apart;
 * the runtime also uses it to find the profile's region.
 */
function ociConfigFileOptions(
  auth: OciAuth | undefined,
): { profile?: string; configFile?: string } | undefined {
  if (auth === undefined) return {};
  if (typeof auth === 'function' || 'keyId' in auth || 'then' in auth) return undefined;
  return auth;
}
