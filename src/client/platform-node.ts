import type { PlatformDefaults } from './platform.js';

// The loaders (node:fs, node:child_process, node:crypto) are imported on first use: a client
// given explicit credentials and region never loads them, which keeps `import` fast (issue 7's
// cold-start target).
const awsNode = () => import('../credentials/aws-node.js');
const ociNode = () => import('../credentials/oci-config-node.js');

/** Node: the AWS default chain (env, shared files, credential_process) and `~/.oci/config`. */
export const platformDefaults: PlatformDefaults = {
  awsCredentials: (profile) => {
    // One memoized chain per client, created on the first signature.
    let chain:
      ReturnType<typeof import('../credentials/aws-node.js').defaultAwsCredentials> | undefined;
    return async () => {
      chain ??= (await awsNode()).defaultAwsCredentials(profile ? { profile } : {});
      return chain();
    };
  },
  awsRegion: async (profile) =>
    (await awsNode()).resolveAwsRegion(profile ? { profile } : {}).catch(() => undefined),
  ociCredentials: (options) => async () => (await ociNode()).fromOciConfigFile(options),
  ociRegion: async (options) => {
    if (process.env.OCI_REGION) return process.env.OCI_REGION;
    const { fromOciConfigFile } = await ociNode();
    return (await fromOciConfigFile(options).catch(() => undefined))?.region;
  },
};
