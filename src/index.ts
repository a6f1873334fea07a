/**
 * `cloud-sessions/runtime`: the hand-written runtime shared by every generated client —
 * errors, signing, credentials caching, retries, pagination. Browser- and edge-safe: no `node:`
 * imports here (the Node-only credential loaders live in `cloud-sessions/node`).
 *
 * @packageDocumentation
 */
// Named, not `export *`: the build resolves this import to the shared `#core` module, and
// `export *` of it would re-export the whole runtime (scripts/build-core.ts).
export {
  CloudSessionsError,
  isCloudSessionsError,
  ValidationError,
  ConfigurationError,
  CredentialsError,
  PaginationError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ServiceError,
  type ServiceErrorInit,
  RedirectError,
  InvalidResponseError,
} from './errors/index.js';
export type { HttpRequest, RequestSigner } from './transport/http-request.js';
export { Clock } from './transport/clock.js';
export type {
  ClientConfig,
  CallOptions,
  AwsClientConfig,
  OciClientConfig,
  TokenClientConfig,
  OciAuth,
} from './client/config.js';
export type { ValidationMode } from './client/validate-checks.js';
export type { Logger } from './client/logging.js';
export {
  AWS_STANDARD,
  OCI_DEFAULT,
  NO_RETRIES,
  type RetryPolicy,
  type RetryQuotaConfig,
} from './retry/policy.js';
export {
  type PaginationConfig,
  type Paginator,
  type FullResult,
  type ItemOf,
  type ListMemberName,
} from './paginate/index.js';
export type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  AwsCredentialSource,
  SigV4Headers,
} from './auth/sigv4-types.js';
export {
  createSigV4Signer,
  presignUrl,
  type SigV4SignerConfig,
  type PresignUrlInput,
  type PresignUrlOptions,
} from './auth/sigv4.js';
export {
  createOciSigner,
  OciRequestSigner,
  type OciSignerOptions,
  type OciSignerBaseOptions,
  type OciSigningCredentials,
  type OciCredentialSource,
} from './auth/oci-signer.js';
export type { OciKeyId, OciApiKeyId, OciSessionKeyId } from './auth/oci-key-id.js';
export type { OciDateHeader } from './auth/oci-signing.js';
export {
  AwsCredentials,
  memoizeAwsCredentials,
  staticAwsCredentials,
  AWS_CREDENTIAL_REFRESH_WINDOW_MS,
  type MemoizeAwsCredentialsOptions,
  type MemoizedAwsCredentialProvider,
} from './credentials/aws.js';
