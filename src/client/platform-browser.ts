import { CredentialsError } from '../errors/index.js';
import type { PlatformDefaults } from './platform.js';

function missing(what: string): never {
  throw new CredentialsError(
    `No ${what} given, and this runtime has no default credential chain (no environment or ` +
      `config files outside Node): pass them explicitly in the client options`,
  );
}

/** Browsers and edge runtimes: everything must be passed explicitly. */
export const platformDefaults: PlatformDefaults = {
  awsCredentials: () => missing('AWS credentials'),
  awsRegion: async () => undefined,
  ociCredentials: () => missing('OCI auth'),
  ociRegion: async () => undefined,
  fetch: undefined,
};
