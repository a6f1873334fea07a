/**
 * `cloud-sessions/runtime`: the hand-written runtime shared by every generated client —
 * errors, signing, retries, pagination. Browser- and edge-safe: no `node:` imports here
 * (the Node-only credential loaders live in `cloud-sessions/node`).
 */
export * from './errors/index.js';
export type { HttpRequest, RequestSigner } from './transport/http-request.js';
export { Clock } from './transport/clock.js';
export type {
  ClientConfig,
  CallOptions,
  AwsClientConfig,
  OciClientConfig,
  TokenClientConfig,
} from './client/config.js';
export {
  AWS_STANDARD,
  OCI_DEFAULT,
  NO_RETRIES,
  type RetryPolicy,
  type RetryQuotaConfig,
} from './retry/policy.js';
export { type PaginationConfig, type Paginator } from './paginate/index.js';
