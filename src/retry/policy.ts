import { ValidationError } from '../errors/index.js';

/** Settings of the client-wide retry token bucket (see `RetryQuota`). */
export interface RetryQuotaConfig {
  /** Tokens in a full bucket; also the ceiling refunds cannot exceed. */
  capacity: number;
  /** Tokens a retry after a throttling, transient (5xx) or similar error costs. */
  retryCost: number;
  /** Tokens a retry after a timeout or network error costs. */
  timeoutCost: number;
  /** Tokens a call that succeeds without any paid retry adds back (default 1). */
  successRefund?: number;
}

/**
 * When and how often a call is retried. Every field is validated by
 * `resolveRetryPolicy`; durations are milliseconds.
 */
export interface RetryPolicy {
  /** Which service family's error rules `classify` applies. */
  family: 'aws' | 'oci';
  /** Attempts in total, the first one included (1 = no retries). */
  maxAttempts: number;
  /** Back-off before retry n is `min(maxDelayMs, baseDelayMs * 2^(n-1))` before jitter. */
  baseDelayMs: number;
  /** Cap of the exponential part of the back-off. */
  maxDelayMs: number;
  /** `full`: uniform in [0, back-off] (AWS); `additive`: back-off + uniform [0, additiveJitterMs] (OCI). */
  jitter: 'full' | 'additive';
  /** Upper bound of the additive jitter (default 0). */
  additiveJitterMs?: number;
  /** Longest server-requested wait (`Retry-After`) that is honoured; longer ones are clamped. */
  maxRetryAfterMs: number;
  /** Time budget for the whole call, attempts and waits together. Unset: unlimited. */
  totalBudgetMs?: number;
  /** Time limit for one attempt (sign, send, read and parse). Unset: unlimited. */
  attemptTimeoutMs?: number;
  /** Client-wide retry token bucket; `false` or unset: none. */
  quota?: RetryQuotaConfig | false;
}

/**
 * AWS "standard" retry mode: 3 attempts, full-jitter exponential back-off with
 * base 100 ms and cap 20 s, a 500-token quota costing 5 per retry and 10 per
 * timeout/network retry, refunded on success. Sources: `@smithy/util-retry`
 * `constants.ts` / `StandardRetryStrategy.ts` (DEFAULT_RETRY_DELAY_BASE 100,
 * MAXIMUM_RETRY_DELAY 20 000, INITIAL_RETRY_TOKENS 500, RETRY_COST 5,
 * TIMEOUT_RETRY_COST 10, NO_RETRY_INCREMENT 1) and botocore
 * `retries/standard.py` + `retries/quota.py` (DEFAULT_MAX_ATTEMPTS 3, same costs).
 * `maxRetryAfterMs` equals the back-off cap so a server cannot park a call
 * longer than the SDK itself would.
 */
export const AWS_STANDARD: Readonly<RetryPolicy> = Object.freeze({
  family: 'aws',
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 20_000,
  jitter: 'full',
  maxRetryAfterMs: 20_000,
  quota: Object.freeze({ capacity: 500, retryCost: 5, timeoutCost: 10, successRefund: 1 }),
});

/**
 * oci-common's `OciSdkDefaultRetryConfiguration` (oci-contracts.md §2.5):
 * 8 attempts in total, `min(2^(n-1), 30)` s plus uniform 0–1 s jitter, no quota
 * (OCI uses a circuit breaker instead, which this package does not implement).
 */
export const OCI_DEFAULT: Readonly<RetryPolicy> = Object.freeze({
  family: 'oci',
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  jitter: 'additive',
  additiveJitterMs: 1_000,
  maxRetryAfterMs: 30_000,
  quota: false,
});

/** One attempt, never retried. Timeouts and budgets can still be set on top. */
export const NO_RETRIES: Readonly<RetryPolicy> = Object.freeze({
  family: 'aws',
  maxAttempts: 1,
  baseDelayMs: 0,
  maxDelayMs: 0,
  jitter: 'full',
  maxRetryAfterMs: 0,
  quota: false,
});

// setTimeout fires at once for delays above 2^31 - 1 ms (HTML timers spec, Node docs).
const MAX_TIMER_MS = 2_147_483_647;

const KEYS: ReadonlySet<string> = new Set([
  'family',
  'maxAttempts',
  'baseDelayMs',
  'maxDelayMs',
  'jitter',
  'additiveJitterMs',
  'maxRetryAfterMs',
  'totalBudgetMs',
  'attemptTimeoutMs',
  'quota',
]);

/**
 * Layers a client- or call-level override on a policy and validates the result.
 *
 * - `override === false` turns retries off (1 attempt, no quota) but keeps the
 *   base's `attemptTimeoutMs` and `totalBudgetMs`, which still apply to the one attempt.
 * - Fields set to `undefined` in the override are inherited from `base`.
 * - `quota` replaces the base quota as a whole (or `false` disables it).
 *
 * @param path - prefix used in error messages (`retry` gives `retry.maxAttempts`).
 * @throws ValidationError naming the field and the rule it breaks.
 */
export function resolveRetryPolicy(
  base: Readonly<RetryPolicy>,
  override?: Partial<RetryPolicy> | false,
  path = 'retry',
): RetryPolicy {
  if (override === false) {
    return validateRetryPolicy({ ...base, maxAttempts: 1, quota: false }, path);
  }
  const merged: RetryPolicy = { ...base };
  if (override !== undefined) {
    if (typeof override !== 'object' || override === null) {
      throw new ValidationError(path, 'object or false', 'must be an object or false');
    }
    for (const [key, value] of Object.entries(override)) {
      if (!KEYS.has(key))
        throw new ValidationError(`${path}.${key}`, 'known option', 'is not a retry option');
      if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return validateRetryPolicy(merged, path);
}

function validateRetryPolicy(policy: RetryPolicy, path: string): RetryPolicy {
  oneOf(policy.family, ['aws', 'oci'], `${path}.family`);
  oneOf(policy.jitter, ['full', 'additive'], `${path}.jitter`);
  integer(policy.maxAttempts, 1, `${path}.maxAttempts`);
  duration(policy.baseDelayMs, 0, `${path}.baseDelayMs`);
  duration(policy.maxDelayMs, 0, `${path}.maxDelayMs`);
  duration(policy.maxRetryAfterMs, 0, `${path}.maxRetryAfterMs`);
  if (policy.additiveJitterMs !== undefined) {
    duration(policy.additiveJitterMs, 0, `${path}.additiveJitterMs`);
  }
  if (policy.totalBudgetMs !== undefined)
    duration(policy.totalBudgetMs, 1, `${path}.totalBudgetMs`);
  if (policy.attemptTimeoutMs !== undefined) {
    duration(policy.attemptTimeoutMs, 1, `${path}.attemptTimeoutMs`);
  }
  const quota = policy.quota;
  if (quota !== undefined && quota !== false) {
    if (typeof quota !== 'object' || quota === null) {
      throw new ValidationError(`${path}.quota`, 'object or false', 'must be an object or false');
    }
    integer(quota.capacity, 1, `${path}.quota.capacity`);
    integer(quota.retryCost, 0, `${path}.quota.retryCost`);
    integer(quota.timeoutCost, 0, `${path}.quota.timeoutCost`);
    if (quota.successRefund !== undefined) {
      integer(quota.successRefund, 0, `${path}.quota.successRefund`);
    }
  }
  return policy;
}

function integer(value: unknown, min: number, parameter: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new ValidationError(
      parameter,
      `integer >= ${min}`,
      `must be an integer >= ${min} (got ${describe(value)})`,
    );
  }
}

function duration(value: unknown, min: number, parameter: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > MAX_TIMER_MS) {
    throw new ValidationError(
      parameter,
      `milliseconds in [${min}, ${MAX_TIMER_MS}]`,
      `must be a number of milliseconds in [${min}, ${MAX_TIMER_MS}] (got ${describe(value)})`,
    );
  }
}

function oneOf(value: unknown, allowed: readonly string[], parameter: string): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    const rule = `one of ${allowed.join(', ')}`;
    throw new ValidationError(parameter, rule, `must be ${rule} (got ${describe(value)})`);
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
