import type { RetryPolicy } from './policy.js';

/**
 * Milliseconds to wait before a retry.
 *
 * Back-off: `b = min(maxDelayMs, baseDelayMs * 2^(attempt-1))`, then
 * - `full` jitter (AWS): `random * b` — `@smithy/util-retry`
 *   `defaultRetryBackoffStrategy` and botocore `ExponentialBackoff`;
 * - `additive` jitter (OCI): `b + random * additiveJitterMs` — oci-common
 *   `ExponentialBackoffDelayStrategyWithJitter` (oci-contracts.md §2.5).
 *
 * A server hint (`Retry-After`, see `parseRetryAfter`) is a lower bound:
 * the wait is `max(backoff, min(hint, maxRetryAfterMs))`. It never shortens
 * the jittered back-off, so clients that all got the same hint still spread
 * out, and it cannot exceed `maxRetryAfterMs`. This is the SDK v3 rule
 * (`Math.max(hint - now, backoff)` in `StandardRetryStrategy`), minus its bug:
 * v3 turns delta-seconds into an epoch instant, so `Retry-After: 5` never
 * lengthens the wait (peers.md §1 note 4); here both forms count.
 *
 * @param attempt - 1 for the first retry, 2 for the second, ...
 * @param hintMs - server-requested wait, or `undefined`.
 * @param random - uniform source in [0, 1); injectable for tests.
 * @returns whole milliseconds, >= 0.
 */
export function delay(
  attempt: number,
  hintMs: number | undefined,
  policy: Pick<
    RetryPolicy,
    'baseDelayMs' | 'maxDelayMs' | 'jitter' | 'additiveJitterMs' | 'maxRetryAfterMs'
  >,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(attempt, 1) - 1;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const jittered =
    policy.jitter === 'full'
      ? random() * backoff
      : backoff + random() * (policy.additiveJitterMs ?? 0);
  const base = Math.floor(jittered);
  if (hintMs === undefined || !(hintMs > 0)) return base;
  return Math.max(base, Math.floor(Math.min(hintMs, policy.maxRetryAfterMs)));
}
