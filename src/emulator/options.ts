/**
 * Options of the local emulator and their defaults. Everything is optional so
 * `startEmulator()` alone gives a working, deterministic server.
 */

/** An AWS access key the emulator accepts. Test keys only: never configure real ones. */
export interface EmulatorAwsCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /**
   * When set, requests signed with this key must carry exactly this
   * `x-amz-security-token` (temporary credentials); when unset, requests that
   * carry any token are rejected, as AWS does for long-term keys.
   */
  sessionToken?: string;
}

/** Sizes of the seeded data. A per-parent count may be an array, used round-robin per parent. */
export interface EmulatorDataSizes {
  /** Athena notebooks (default 3). */
  athenaNotebooks?: number;
  /** Active sessions per Athena notebook (default 23: three pages of at most 10). */
  athenaSessionsPerNotebook?: number | number[];
  /** Nimble studios (default 2). */
  nimbleStudios?: number;
  /** Streaming sessions per studio (default 60: three pages of 25). */
  nimbleSessionsPerStudio?: number | number[];
  /** OCI AI Data Platforms (default 2). */
  ociPlatforms?: number;
  /** Workspaces per platform (default 2). */
  ociWorkspacesPerPlatform?: number | number[];
  /** Notebook sessions per workspace (default 5). */
  ociSessionsPerWorkspace?: number | number[];
}

/**
 * Injected faults. Each authenticated request draws one number from a seeded
 * PRNG and gets at most one fault; the rates are probabilities in [0, 1] and
 * their sum must not exceed 1.
 */
export interface EmulatorFaults {
  /** Throttling error in the protocol's own shape (Athena: 400 ThrottlingException; Nimble, OCI: 429). */
  rate429?: number;
  /** Internal server error in the protocol's own shape (HTTP 500). */
  rate5xx?: number;
  /** The connection is reset before any response byte is sent. */
  rateReset?: number;
  /** The response announces a Content-Length larger than the bytes sent, then the connection ends. */
  rateTruncated?: number;
  /** Delay before every response, in milliseconds (default 0). */
  latencyMs?: number;
  /** Fraction of throttling responses that carry `Retry-After` (default 0.5). */
  retryAfterRate?: number;
  /** `Retry-After` value in seconds (default 1). */
  retryAfterSeconds?: number;
  /** PRNG seed for the fault schedule (default: the emulator seed). */
  seed?: number;
}

/** Gateway mode: OCI session lists are served by a real Jupyter Server. */
export interface EmulatorJupyterGateway {
  /**
   * Jupyter Server URL. Only its origin is used: the forwarded request keeps the
   * incoming OCI path, because the Jupyter server runs with
   * `base_url=/20260430/aiDataPlatforms/<id>/workspaces/<key>/notebook/`.
   */
  url: string;
  /** Jupyter token, sent as `Authorization: token <T>`. */
  token: string;
  /**
   * Platform this server stands for. When both ids are omitted they are read
   * from `url`'s path if it is such a base URL; otherwise this gateway serves
   * every platform and workspace.
   */
  aiDataPlatformId?: string;
  workspaceKey?: string;
  /** Forwarded request timeout (default 10 000 ms). */
  timeoutMs?: number;
}

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** TCP port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** Seed of all generated data (default 1). */
  seed?: number;
  /** Sizes of the generated data. */
  sizes?: EmulatorDataSizes;
  /** Nimble page size: ListStreamingSessions has no maxResults (default 25). */
  nimblePageSize?: number;
  /** AWS region the credential scope must name (default `us-east-1`). */
  region?: string;
  /** Accepted AWS keys (default: one deterministic test pair, see `credentials.aws`). */
  awsCredentials?: EmulatorAwsCredential[];
  /**
   * Accepted OCI keys: keyId (`tenancy/user/fingerprint` or `ST$<token>`) to
   * PEM public key. A generated test key pair is always added as well.
   */
  ociPublicKeys?: Record<string, string>;
  /** Injected faults (default none). */
  faults?: EmulatorFaults;
  /** Verify SigV4 and OCI signatures (default true). */
  verifySignatures?: boolean;
  /**
   * Answer CORS preflights and add `Access-Control-Allow-Origin: *` and
   * `Access-Control-Expose-Headers` to every response, for pages on another
   * origin (default false).
   */
  cors?: boolean;
  /** Serve OCI session lists from real Jupyter Server(s). */
  jupyter?: EmulatorJupyterGateway | EmulatorJupyterGateway[];
  /** Allowed distance between a request's signing time and server time (default 300 000 ms). */
  clockSkewToleranceMs?: number;
  /** Offset of the emulator's clock from the local clock, to exercise client skew correction (default 0). */
  clockOffsetMs?: number;
  /** Instant the generated timestamps are anchored to (default 2024-03-01T00:00:00Z). */
  epochMs?: number;
}

/** Fully defaulted sizes. */
export type ResolvedSizes = Required<EmulatorDataSizes>;

/** Default data sizes (see {@link EmulatorDataSizes}). */
export const DEFAULT_SIZES: ResolvedSizes = {
  athenaNotebooks: 3,
  athenaSessionsPerNotebook: 23,
  nimbleStudios: 2,
  nimbleSessionsPerStudio: 60,
  ociPlatforms: 2,
  ociWorkspacesPerPlatform: 2,
  ociSessionsPerWorkspace: 5,
};

/** The test key pair used when `awsCredentials` is not given. Not a real AWS key. */
export const DEFAULT_AWS_CREDENTIAL: Readonly<EmulatorAwsCredential> = Object.freeze({
  accessKeyId: 'AKIAEMULATORTEST0001',
  secretAccessKey: 'emulatorTestSecretKey/NotARealAwsSecret00',
});

/** Default anchor of generated timestamps: 2024-03-01T00:00:00Z. */
export const DEFAULT_EPOCH_MS = Date.UTC(2024, 2, 1);

/** Count for the parent at `index` from a number or a round-robin array. */
export function countFor(size: number | number[], index: number): number {
  if (typeof size === 'number') return size;
  return size.length === 0 ? 0 : (size[index % size.length] as number);
}
