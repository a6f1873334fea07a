import { defaultAwsCredentials, resolveAwsRegion } from '../credentials/aws-node.js';
import { fromOciConfigFile } from '../credentials/oci-config-node.js';
import type { PlatformDefaults } from './platform.js';

/** Node: the AWS default chain (env, shared files, credential_process) and `~/.oci/config`. */
export const platformDefaults: PlatformDefaults = {
  awsCredentials: (profile) => defaultAwsCredentials(profile ? { profile } : {}),
  awsRegion: (profile) => resolveAwsRegion(profile ? { profile } : {}).catch(() => undefined),
  ociCredentials: (options) => () => fromOciConfigFile(options),
  ociRegion: async (options) => {
    if (process.env.OCI_REGION) return process.env.OCI_REGION;
    return (await fromOciConfigFile(options).catch(() => undefined))?.region;
  },
};
