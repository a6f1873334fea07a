import type { PlatformDefaults } from './platform.js';
import { prefersNodeHttp } from './transport-choice.js';

// The loaders (node:fs, node:child_process, node:crypto) are imported on first use: a client
// given explicit credentials and region never loads them, which keeps `import` fast (issue 7's
// cold-start target).
const awsNode = () => import('../credentials/aws-node.js');
const ociNode = () => import('../credentials/oci-config-node.js');

/**
 * One keep-alive `node:http` transport per process, shared by the clients given no `fetch`
 * option, so they share connections (as undici's global dispatcher does for `fetch`). Its
 * module is loaded on the first request, like the loaders above.
 */
let shared: typeof fetch | undefined;
const nodeHttpFetch = ((input: string | URL | Request, init?: RequestInit) =>
  shared
    ? shared(input, init)
    : import('../transport/node-http-fetch-node.js').then(({ createNodeHttpFetch }) =>
        (shared ??= createNodeHttpFetch())(input, init),
      )) as typeof fetch;

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
  fetch: prefersNodeHttp(globalThis as never) ? nodeHttpFetch : undefined,
};
