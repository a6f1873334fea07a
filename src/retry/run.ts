import {
  CloudSessionsError,
  ConnectionError,
  ServiceError,
  TimeoutError,
  isCloudSessionsError,
} from '../errors/index.js';
import { describeFailure } from '../errors/transport.js';
import type { Clock } from '../transport/clock.js';
import { openAttemptScope, raceWithSignal } from './attempt-scope.js';
import { classify, type RetryReason } from './classify.js';
import { delay } from './delay.js';
import type { RetryPolicy } from './policy.js';
import type { RetryQuota } from './quota.js';
import { parseRetryAfter } from './retry-after.js';
import { abortErrorFor, defaultTimers, sleep, type Timers } from './sleep.js';

/** What one attempt gets from the loop. */
export interface AttemptContext {
  /** 1-based number of this attempt. */
  attempt: number;
  /** The policy's attempt limit. */
  maxAttempts: number;
  /**
   * Aborts on caller abort, per-attempt timeout or total budget; pass it to `fetch` when
   * `abortable`. With none of them it is one shared signal that never fires: a listener added to
   * it must be removed, and there is no point passing it on.
   */
  signal: AbortSignal;
  /** Whether `signal` can fire at all (a caller signal, an attempt timeout or a budget). */
  abortable: boolean;
  /**
   * The (skew-corrected) time to sign this attempt with. The loop remembers the clock offset it
   * read, so a skew rejection is judged against the time the request really carried.
   */
  signingTime(): Date;
  /** One random UUID per call, the same for all its attempts (e.g. `amz-sdk-invocation-id`). */
  invocationId: string;
}

/** Reported to `onRetry` before each retry. */
export interface RetryInfo {
  /** The attempt that just failed (the next one is `attempt + 1`). */
  attempt: number;
  reason: RetryReason;
  /** Wait before the next attempt; 0 for the immediate clock-skew retry. */
  delayMs: number;
  error: unknown;
}

/** Options of `withRetries`. */
export interface RetryOptions {
  /** A validated policy (see `resolveRetryPolicy`). */
  policy: RetryPolicy;
  /** The client-wide bucket; ignored when `policy.quota === false`. */
  quota?: RetryQuota;
  /** The caller's signal: aborting it ends the call at once with `AbortError`. */
  signal?: AbortSignal;
  /** The client's clock: corrected on clock skew; its local source also times the budget. */
  clock: Clock;
  /** Injectable timers (default: the global ones). */
  timers?: Timers;
  /** Uniform source in [0, 1) for jitter (default `Math.random`). */
  random?: () => number;
  /** Called before every retry, e.g. for logging. An exception thrown here ends the call. */
  onRetry?: (info: RetryInfo) => void;
}

/**
 * Runs `attempt` until it succeeds or a retry is not allowed, and returns its result.
 *
 * - The caller's abort (before an attempt, during one or during back-off)
 *   rejects at once with `AbortError` (cause = `signal.reason`) and starts no
 *   further attempt (contrast aws-sdk-js-v3#4871).
 * - A per-attempt timeout aborts that attempt's signal and becomes
 *   `TimeoutError('attempt')`, which is retried.
 * - Total budget: no wait starts that would end at or past the budget; when it
 *   runs out the last error is thrown, or `TimeoutError('total')` if it ran out
 *   during an attempt.
 * - Clock skew: the clock is corrected to the server's time every time one is
 *   seen; the first time in a call, the next attempt follows immediately, free
 *   of quota. It still counts as an attempt, so `maxAttempts: 1` never retries.
 *   A rejection is judged against the clock its attempt signed with, so calls in
 *   flight when another call corrects the clock still retry theirs.
 * - Quota: each back-off retry pays `quota.tryAcquire(reason)`; an empty bucket
 *   ends the call with the last error. Success refunds (`quota.onSuccess`).
 * - The thrown error is always a `CloudSessionsError` (anything else is wrapped
 *   in `ConnectionError` with `cause`) with `attempts` and `totalRetryDelayMs`
 *   set; a `ServiceError`'s `retryable` is set from `classify`.
 *
 * Elapsed time is read from the clock's local source (`now() - offsetMs`), so
 * a skew correction in mid-call does not move the budget.
 */
export async function withRetries<T>(
  attempt: (context: AttemptContext) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const { policy, clock, signal: callerSignal, onRetry } = options;
  const timers = options.timers ?? defaultTimers;
  const random = options.random ?? Math.random;
  const quota = policy.quota === false ? undefined : options.quota;
  const budget = policy.totalBudgetMs;
  const invocationId = globalThis.crypto.randomUUID();
  const localNow = (): number => clock.now().getTime() - clock.offsetMs;
  const startedAt = localNow();

  const totals = { attempts: 0, totalRetryDelayMs: 0 };
  const fail = (error: unknown): CloudSessionsError => finalError(error, totals);
  let lastError: unknown;
  let lastCost: number | undefined;
  let backoffRetries = 0;
  let skewRetried = false;

  for (let number = 1; ; number++) {
    if (callerSignal?.aborted) throw fail(abortErrorFor(callerSignal));
    const remaining = budget === undefined ? undefined : budget - (localNow() - startedAt);
    if (remaining !== undefined && remaining <= 0) {
      throw fail(
        lastError ?? new TimeoutError(`The call exceeded its ${budget} ms budget`, 'total'),
      );
    }

    totals.attempts = number;
    // The clock this attempt signs with. Another call on this client may correct the clock
    // while this one is in flight; its request still carried the old time, so its skew is
    // judged against that time, or the rejection would look like a real signature error.
    // Updated when the attempt asks for its signing time; an unsigned attempt keeps this one.
    let signingOffsetMs = clock.offsetMs;
    const scope = openAttemptScope({
      attempt: number,
      callerSignal,
      attemptTimeoutMs: policy.attemptTimeoutMs,
      remainingBudgetMs: remaining,
      totalBudgetMs: budget,
      timers,
    });
    const context: AttemptContext = {
      attempt: number,
      maxAttempts: policy.maxAttempts,
      signal: scope.signal,
      abortable: !scope.inert,
      signingTime: () => {
        signingOffsetMs = clock.offsetMs;
        return clock.now();
      },
      invocationId,
    };
    let error: unknown;
    try {
      const result = scope.inert
        ? await attempt(context)
        : await raceWithSignal(() => attempt(context), scope.signal);
      quota?.onSuccess(lastCost);
      return result;
    } catch (thrown) {
      // When our own signal fired, its reason says why, whatever the attempt threw.
      error = scope.cause === undefined ? thrown : scope.signal.reason;
    } finally {
      scope.dispose();
    }
    if (callerSignal?.aborted) {
      throw fail(scope.cause === 'caller' ? error : abortErrorFor(callerSignal));
    }
    lastError = error;

    const verdict = classify(error, policy, new Date(localNow() + signingOffsetMs));
    if (error instanceof ServiceError) error.retryable = verdict.retry;
    if (verdict.clockSkew) clock.correctTo(verdict.clockSkew.serverTime);
    if (!verdict.retry || number >= policy.maxAttempts) throw fail(error);

    if (verdict.reason === 'clock-skew') {
      if (skewRetried) throw fail(error);
      skewRetried = true;
      onRetry?.({ attempt: number, reason: verdict.reason, delayMs: 0, error });
      continue;
    }

    backoffRetries += 1;
    const hint =
      error instanceof ServiceError
        ? parseRetryAfter(error.headers, clock.now().getTime(), policy.maxRetryAfterMs)
        : undefined;
    const wait = delay(backoffRetries, hint, policy, random);
    if (budget !== undefined && localNow() - startedAt + wait >= budget) throw fail(error);
    if (quota) {
      const cost = quota.tryAcquire(verdict.reason);
      if (cost === undefined) throw fail(error);
      lastCost = cost;
    }

    onRetry?.({ attempt: number, reason: verdict.reason, delayMs: wait, error });
    const sleptFrom = localNow();
    try {
      await sleep(wait, callerSignal, timers);
    } catch (abort) {
      totals.totalRetryDelayMs += Math.min(wait, Math.max(0, localNow() - sleptFrom));
      throw fail(abort);
    }
    totals.totalRetryDelayMs += wait;
  }
}

function finalError(
  error: unknown,
  totals: { attempts: number; totalRetryDelayMs: number },
): CloudSessionsError {
  const final = isCloudSessionsError(error)
    ? error
    : new ConnectionError(`Request failed: ${describeFailure(error)}`, { cause: error });
  final.attempts = totals.attempts;
  final.totalRetryDelayMs = totals.totalRetryDelayMs;
  return final;
}
