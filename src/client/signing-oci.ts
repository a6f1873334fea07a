import { createOciSigner, type OciCredentialSource } from '../auth/oci-signer.js';
import type { OciAuth } from './config.js';
import type { PlatformDefaults } from './platform.js';
import type { SignerFactory } from './signing.js';

/** OCI HTTP Signature v1 with the `auth` option: a key, a provider, or a config-file profile. */
export const ociSigning: SignerFactory = (_auth, config, _region, defaults) =>
  config.signer ?? createOciSigner({ credentials: ociCredentials(config.auth, defaults) });

function ociCredentials(
  auth: OciAuth | undefined,
  defaults: PlatformDefaults,
): OciCredentialSource {
  if (auth === undefined) return defaults.ociCredentials({});
  if (typeof auth === 'function' || 'keyId' in auth || 'then' in auth) {
    return auth as OciCredentialSource;
  }
  return defaults.ociCredentials(auth);
}
