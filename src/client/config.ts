import type { RequestSigner } from '../transport/http-request.js';
import type { Logger } from './logging.js';
import type { AwsCredentialSource } from '../auth/sigv4-types.js';
import type { OciSigningCredentials } from '../auth/oci-signer.js';
import { AWS_STANDARD, OCI_DEFAULT, type RetryPolicy } from '../retry/policy.js';
import type { ValidationMode } from './validate-checks.js';

/** Options every generated client accepts. */
export interface ClientConfig {
  /** Region; fills the spec's endpoint template (and the SigV4 scope). */
  region?: string;
  /** Base URL that replaces the spec's endpoint template (e.g. a local emulator). */
  endpoint?: string | URL;
  /** AWS only: use the FIPS endpoint variant. */
  useFipsEndpoint?: boolean;
  /** AWS only: use the dual-stack (IPv6) endpoint variant. */
  useDualstackEndpoint?: boolean;
  /**
   * The transport. Omitted: in Node, a keep-alive `node:http` transport shared by the
   * process's clients (`createNodeHttpFetch()` of `cloud-sessions/node`, about twice as fast
   * as Node's global `fetch`; nock and MSW intercept it, since `http.request` is looked up per
   * request); in browsers, workers, Bun and Deno, `globalThis.fetch`. `'global'`:
   * `globalThis.fetch` in every runtime, looked up on every request, so test doubles that
   * replace it after the client was built still see the requests. Or a `fetch` function.
   */
  fetch?: typeof fetch | 'global';
  /** Retry policy overrides on top of the service family's defaults; `false` turns retries off. */
  retry?: Partial<RetryPolicy> | false;
  /** Signs every attempt. Overrides the credentials-based signer. */
  signer?: RequestSigner;
  /**
   * Receives one `debug` entry per attempt (method, URL, status, attempt, duration) and one
   * `warn` entry per retry (reason, delay). Secrets are redacted before they reach it.
   */
  logger?: Logger;
  /**
   * What is checked before a request is sent. `'default'`: botocore's rule set (required
   * members, types, minimum lengths, sizes and values, non-empty path labels), so the client
   * keeps working when the service relaxes a pattern, raises a maximum or adds an enum value.
   * `'strict'`: every constraint of the spec, also `pattern`, maximums and enums, for an
   * early error instead of a round trip. specs/README.md lists both.
   */
  validation?: ValidationMode;
}

/** Options of clients whose service signs with SigV4 (Athena, Nimble Studio). */
export interface AwsClientConfig extends ClientConfig {
  /**
   * Static credentials or an async provider with the AWS SDK v3 shape (so
   * `@aws-sdk/credential-providers` plugs in). Cached and refreshed before `expiration`.
   * Omitted: in Node, the default chain (environment, then `~/.aws/credentials` and
   * `~/.aws/config`, including `credential_process`).
   */
  credentials?: AwsCredentialSource;
  /** Shared-config profile for the default chain and region (default `AWS_PROFILE` or `default`). */
  profile?: string;
}

/**
 * OCI authentication: an API key (`{ keyId, privateKey }`, keyId as a string,
 * `{ tenancy, user, fingerprint }` or `{ securityToken }`), a provider of one, or a profile of
 * `~/.oci/config` (`{ profile?, configFile? }`, Node only).
 */
export type OciAuth =
  | OciSigningCredentials
  | (() => Promise<OciSigningCredentials>)
  | { profile?: string; configFile?: string };

/** Options of clients whose service signs with OCI HTTP Signature v1. */
export interface OciClientConfig extends ClientConfig {
  /** Omitted: in Node, the `DEFAULT` profile (or `OCI_CLI_PROFILE`) of `~/.oci/config`. */
  auth?: OciAuth;
}

/** Options of clients whose service takes a token in a header (Jupyter Server). */
export interface TokenClientConfig extends ClientConfig {
  token?: string;
}

/** The union the runtime reads; each generated client accepts only its own slice. */
export type AnyClientConfig = ClientConfig &
  Partial<Pick<AwsClientConfig, 'credentials' | 'profile'>> &
  Partial<Pick<OciClientConfig, 'auth'>> &
  Partial<Pick<TokenClientConfig, 'token'>>;

/** Options for one call. */
export interface CallOptions {
  /** Aborts the call, including any back-off wait, with an AbortError. */
  signal?: AbortSignal;
  /** Retry policy overrides for this call only; `false` turns retries off. */
  retry?: Partial<RetryPolicy> | false;
  /** Extra request headers (lower-case names). */
  headers?: Record<string, string>;
  /** Validation mode for this call only (see {@link ClientConfig.validation}). */
  validation?: ValidationMode;
}

export function defaultRetryPolicy(family: 'aws' | 'oci'): RetryPolicy {
  return family === 'oci' ? OCI_DEFAULT : AWS_STANDARD;
}
