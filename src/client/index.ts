/** The runtime surface generated clients build on. */
export { ServiceRuntime, type AttemptInit, type RawResult, type TypedCall } from './runtime.js';
export type {
  ClientConfig,
  CallOptions,
  AwsClientConfig,
  OciClientConfig,
  TokenClientConfig,
  OciAuth,
} from './config.js';
export type {
  ServiceDescription,
  OperationDescription,
  AuthScheme,
  ServiceErrorClass,
} from './service.js';
export type { InputRules, MemberRule, ValidationMode } from './validate.js';
export { unsignedSigning, type SignerFactory } from './signing.js';
export { sigv4Signing } from './signing-sigv4.js';
export { ociSigning } from './signing-oci.js';
export { tokenSigning } from './signing-token.js';
export type { TimestampPlan, TimestampFormat, TimestampParser } from './timestamps.js';
