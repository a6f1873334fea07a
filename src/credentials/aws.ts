import { CredentialsError } from '../errors/index.js';
import { Redacted } from '../auth/redacted.js';
import { callCredentialProvider } from './call-provider.js';
import type { AwsCredentialIdentity, AwsCredentialSource } from '../auth/sigv4-types.js';

/**
 * Credentials that expire within this many milliseconds are refreshed before use. Five minutes,
 * as in SDK v3 (`@smithy/core` `memoizeIdentityProvider` with `EXPIRATION_MS = 300_000`), so a
 * request signed now is not rejected as expired by the time it reaches AWS.
 */
export const AWS_CREDENTIAL_REFRESH_WINDOW_MS = 5 * 60 * 1000;

const REDACTED = '[redacted]';
const MEMOIZED = Symbol('cloud-sessions.memoizedAwsCredentials');

/**
 * Validated AWS credentials. The secret access key and session token live in private fields,
 * readable through getters (which is all SigV4 signers need) but absent from `JSON.stringify`,
 * `util.inspect`, `String()` and object spread.
 */
export class AwsCredentials extends Redacted implements AwsCredentialIdentity {
  readonly accessKeyId: string;
  readonly expiration: Date | undefined;
  readonly #secretAccessKey: string;
  readonly #sessionToken: string | undefined;

  constructor(identity: AwsCredentialIdentity) {
    super();
    this.accessKeyId = identity.accessKeyId;
    this.#secretAccessKey = identity.secretAccessKey;
    this.#sessionToken = identity.sessionToken;
    this.expiration = identity.expiration;
  }

  /** The secret access key. */
  get secretAccessKey(): string {
    return this.#secretAccessKey;
  }

  /** The session token of temporary credentials, or `undefined`. */
  get sessionToken(): string | undefined {
    return this.#sessionToken;
  }

  /** A redacted view: the access key ID and expiration, never the secrets. */
  toJSON(): Record<string, unknown> {
    return {
      accessKeyId: this.accessKeyId,
      secretAccessKey: REDACTED,
      ...(this.#sessionToken !== undefined && { sessionToken: REDACTED }),
      ...(this.expiration !== undefined && { expiration: this.expiration.toISOString() }),
    };
  }

  override toString(): string {
    return `AwsCredentials(${this.accessKeyId})`;
  }

  protected override inspectRedacted(
    _depth: number,
    options: unknown,
    inspect: (value: unknown, options: unknown) => string,
  ): string {
    return `AwsCredentials ${inspect(this.toJSON(), options)}`;
  }
}

/** A caching provider returned by {@link memoizeAwsCredentials}. */
export interface MemoizedAwsCredentialProvider {
  /** Cached credentials; `forceRefresh` asks the source again (e.g. after an `ExpiredToken` reply). */
  (options?: { forceRefresh?: boolean }): Promise<AwsCredentials>;
}

/** Options of {@link memoizeAwsCredentials}. */
export interface MemoizeAwsCredentialsOptions {
  /** Current time; pass the client's skew-corrected clock (`() => clock.now()`) or a fake in tests. */
  now?: () => Date;
  /** Refresh credentials that expire within this many ms. Default {@link AWS_CREDENTIAL_REFRESH_WINDOW_MS}. */
  refreshWindowMs?: number;
  /** Names the source in error messages, e.g. `profile "dev"`. Defaults to the provider's name. */
  sourceName?: string;
}

/**
 * True when credentials expiring at `expiration` must be fetched again at `now`: temporary
 * credentials inside the refresh window. Long-term keys (no expiration) never need it.
 */
export function needsRefresh(
  expiration: Date | undefined,
  now: Date,
  refreshWindowMs: number = AWS_CREDENTIAL_REFRESH_WINDOW_MS,
): boolean {
  return expiration !== undefined && expiration.getTime() - now.getTime() < refreshWindowMs;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'Date';
  return Array.isArray(value) ? 'array' : typeof value;
}

function requireString(record: Record<string, unknown>, field: string, source: string): string {
  const value = record[field];
  if (value === undefined || value === '') {
    throw new CredentialsError(`AWS credentials from ${source}: ${field} is missing or empty`);
  }
  if (typeof value !== 'string') {
    throw new CredentialsError(
      `AWS credentials from ${source}: ${field} must be a string, got ${describeType(value)}`,
    );
  }
  return value;
}

/**
 * Checks that `value` has the {@link AwsCredentialIdentity} shape and wraps it in
 * {@link AwsCredentials}. Errors name the field and the source, never a value. An empty or null
 * `sessionToken` counts as none, as SDK v3's `fromEnv` treats an empty `AWS_SESSION_TOKEN`.
 */
export function validateAwsCredentials(value: unknown, source: string): AwsCredentials {
  if (value instanceof AwsCredentials) return value;
  if (typeof value !== 'object' || value === null) {
    throw new CredentialsError(
      `AWS credentials from ${source} must be an object, got ${describeType(value)}`,
    );
  }
  const record = value as Record<string, unknown>;
  const accessKeyId = requireString(record, 'accessKeyId', source);
  const secretAccessKey = requireString(record, 'secretAccessKey', source);
  // null counts as absent: the SigV4 signer accepted it before it shared this validator.
  const sessionToken = record['sessionToken'] ?? undefined;
  const expiration = record['expiration'] ?? undefined;
  if (sessionToken !== undefined && typeof sessionToken !== 'string') {
    throw new CredentialsError(
      `AWS credentials from ${source}: sessionToken must be a string, got ${describeType(sessionToken)}`,
    );
  }
  if (
    expiration !== undefined &&
    !(expiration instanceof Date && !Number.isNaN(expiration.getTime()))
  ) {
    throw new CredentialsError(
      `AWS credentials from ${source}: expiration must be a valid Date, got ${describeType(expiration)}`,
    );
  }
  return new AwsCredentials({
    accessKeyId,
    secretAccessKey,
    ...(sessionToken !== undefined && sessionToken !== '' && { sessionToken }),
    ...(expiration !== undefined && { expiration }),
  });
}

/** Credentials at or past their `expiration` are refused: AWS would answer `ExpiredToken`. */
export function assertNotExpired(
  credentials: AwsCredentialIdentity,
  source: string,
  now: Date,
): void {
  if (credentials.expiration !== undefined && credentials.expiration.getTime() <= now.getTime()) {
    throw new CredentialsError(
      `AWS credentials from ${source} expired at ${credentials.expiration.toISOString()}`,
    );
  }
}

function defaultSourceName(source: AwsCredentialSource): string {
  if (typeof source !== 'function') return 'static credentials';
  return source.name ? `credentials provider ${source.name}` : 'credentials provider';
}

function markMemoized(provider: MemoizedAwsCredentialProvider): MemoizedAwsCredentialProvider {
  Object.defineProperty(provider, MEMOIZED, { value: true });
  return provider;
}

function isMemoized(source: AwsCredentialSource): source is MemoizedAwsCredentialProvider {
  return typeof source === 'function' && MEMOIZED in source;
}

/**
 * Wraps credentials or a provider so that every call returns validated, unexpired credentials:
 * the identity is cached and fetched again only when it expires within the refresh window (or on
 * `forceRefresh`); concurrent callers share one in-flight fetch. Any SDK v3 provider, e.g.
 * `fromIni()` from `@aws-sdk/credential-providers`, plugs in unchanged. A failed fetch is thrown
 * to every caller waiting on it and tried again on the next call. A provider this function
 * already returned is returned as is.
 *
 * A static identity is validated now (so bad configuration fails at construction) and raises
 * {@link CredentialsError} once its `expiration`, if any, has passed.
 */
export function memoizeAwsCredentials(
  source: AwsCredentialSource,
  options: MemoizeAwsCredentialsOptions = {},
): MemoizedAwsCredentialProvider {
  if (isMemoized(source)) return source;
  const now = options.now ?? (() => new Date());
  const refreshWindowMs = options.refreshWindowMs ?? AWS_CREDENTIAL_REFRESH_WINDOW_MS;
  const sourceName = options.sourceName ?? defaultSourceName(source);

  if (typeof source !== 'function') {
    const fixed = validateAwsCredentials(source, sourceName);
    return markMemoized(async () => {
      assertNotExpired(fixed, sourceName, now());
      return fixed;
    });
  }

  let cached: AwsCredentials | undefined;
  let inFlight: Promise<AwsCredentials> | undefined;

  const fetchFromSource = async (): Promise<AwsCredentials> => {
    const raw = await callCredentialProvider(source, `AWS ${sourceName} failed (see cause)`);
    const fresh = validateAwsCredentials(raw, sourceName);
    assertNotExpired(fresh, sourceName, now());
    cached = fresh;
    return fresh;
  };

  return markMemoized(async (callOptions) => {
    if (inFlight) return inFlight;
    if (
      cached !== undefined &&
      callOptions?.forceRefresh !== true &&
      !needsRefresh(cached.expiration, now(), refreshWindowMs)
    ) {
      return cached;
    }
    inFlight = fetchFromSource().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  });
}

/**
 * A provider of fixed credentials, validated now. Prefer temporary credentials from a provider
 * where you can; long-term keys in code are easy to leak.
 */
export function staticAwsCredentials(
  identity: AwsCredentialIdentity,
  options: Pick<MemoizeAwsCredentialsOptions, 'now' | 'sourceName'> = {},
): MemoizedAwsCredentialProvider {
  return memoizeAwsCredentials(identity, options);
}
