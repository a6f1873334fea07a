import type { RetryReason } from './classify.js';
import type { RetryPolicy, RetryQuotaConfig } from './policy.js';

/**
 * Client-wide retry token bucket (AWS "standard" retry mode). Every retry
 * spends tokens; successes put some back. When the bucket runs dry the client
 * stops retrying until calls succeed again, so a struggling service is not
 * hit with a retry storm (aws-sdk-js-v3#4754 shows users meet this: the
 * quota is shared by all calls of one client).
 *
 * Costs and refunds follow botocore `retries/standard.py` `RetryQuotaChecker`
 * and `retries/quota.py`: a retry after a timeout/network error costs
 * `timeoutCost`, any other retry `retryCost`; a successful call gives back the
 * cost of its last retry, or `successRefund` when it paid for none; the
 * bucket never exceeds `capacity`. (`@smithy/util-retry`
 * `StandardRetryStrategy.recordSuccess` uses `Math.max(500, ...)` where a
 * ceiling is meant; botocore's `min` is implemented here.)
 */
export class RetryQuota {
  readonly capacity: number;
  readonly retryCost: number;
  readonly timeoutCost: number;
  readonly successRefund: number;
  #available: number;

  constructor(config: RetryQuotaConfig) {
    this.capacity = config.capacity;
    this.retryCost = config.retryCost;
    this.timeoutCost = config.timeoutCost;
    this.successRefund = config.successRefund ?? 1;
    this.#available = config.capacity;
  }

  /** Tokens left in the bucket. */
  get available(): number {
    return this.#available;
  }

  /**
   * Tokens a retry for `reason` costs. Clock-skew retries are free: they are
   * a correction, not a sign of an unhealthy service, and run once per call.
   */
  costOf(reason: RetryReason): number {
    if (reason === 'clock-skew') return 0;
    return reason === 'timeout' || reason === 'network' ? this.timeoutCost : this.retryCost;
  }

  /**
   * Takes the tokens for one retry.
   * @returns the cost paid (pass it to `onSuccess`), or `undefined` when the
   *   bucket holds too few tokens and the retry must not happen.
   */
  tryAcquire(reason: RetryReason): number | undefined {
    const cost = this.costOf(reason);
    if (cost > this.#available) return undefined;
    this.#available -= cost;
    return cost;
  }

  /**
   * Records a successful call.
   * @param costPaid - what the call's last `tryAcquire` returned; `undefined`
   *   or 0 when it paid for no retry, which adds `successRefund` instead.
   */
  onSuccess(costPaid?: number): void {
    const refund = costPaid !== undefined && costPaid > 0 ? costPaid : this.successRefund;
    this.#available = Math.min(this.capacity, this.#available + refund);
  }
}

/** The bucket a client should share across its calls, or `undefined` when the policy has none. */
export function createRetryQuota(policy: Pick<RetryPolicy, 'quota'>): RetryQuota | undefined {
  return policy.quota ? new RetryQuota(policy.quota) : undefined;
}
