/**
 * `cloud-sessions/node`: the Node-only credential loaders (environment, `~/.aws`,
 * `credential_process`, `~/.oci/config`, encrypted PEM keys). They read files and run processes,
 * so they live on their own subpath and never enter a browser or edge bundle; the clients use
 * them automatically in Node when credentials are omitted. Also the `fetch` on `node:http`
 * ({@link createNodeHttpFetch}) the clients use by default in Node, for agents of your own.
 *
 * @packageDocumentation
 */
export {
  defaultAwsCredentials,
  fromEnv,
  fromSharedFiles,
  resolveAwsRegion,
  type DefaultAwsCredentialsOptions,
  type FromEnvOptions,
  type FromSharedFilesOptions,
  type ResolveAwsRegionOptions,
  type AwsSharedFilePaths,
  type Env,
} from './credentials/aws-node.js';
export { fromOciConfigFile, type OciConfigFileOptions } from './credentials/oci-config-node.js';
export {
  OciCredentials,
  type OciAuthenticationType,
  type OciCredentialsInit,
} from './credentials/oci-credentials.js';
export {
  loadOciPrivateKey,
  readOciPrivateKeyFile,
  type LoadOciPrivateKeyOptions,
} from './auth/oci-keys-node.js';
/**
 * A `fetch`-compatible function on `node:http`/`node:https` with keep-alive agents, for the
 * clients' `fetch` option: `new AthenaClient({ region, fetch: createNodeHttpFetch({ agent }) })`.
 * Without the option, clients in Node share one made with the defaults.
 */
export {
  createNodeHttpFetch,
  type NodeHttpFetchOptions,
} from './transport/node-http-fetch-node.js';
