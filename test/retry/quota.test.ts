import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RetryReason } from '../../src/retry/classify.js';
import { AWS_STANDARD, OCI_DEFAULT } from '../../src/retry/policy.js';
import { RetryQuota, createRetryQuota } from '../../src/retry/quota.js';

const standard = () => new RetryQuota({ capacity: 500, retryCost: 5, timeoutCost: 10 });

describe('RetryQuota', () => {
  it.each<[RetryReason, number]>([
    ['throttling', 5],
    ['transient', 5],
    ['timeout', 10],
    ['network', 10],
    ['clock-skew', 0],
  ])('a retry after %s costs %i tokens', (reason, cost) => {
    const quota = standard();
    expect(quota.tryAcquire(reason)).toBe(cost);
    expect(quota.available).toBe(500 - cost);
  });

  it('starts full', () => {
    expect(standard().available).toBe(500);
  });

  it('allows 100 throttling retries from a full bucket, then refuses', () => {
    const quota = standard();
    for (let i = 0; i < 100; i++) expect(quota.tryAcquire('throttling')).toBe(5);
    expect(quota.tryAcquire('throttling')).toBeUndefined();
    expect(quota.available).toBe(0);
  });

  it('refuses a retry that costs more than is left and keeps what is left', () => {
    const quota = new RetryQuota({ capacity: 8, retryCost: 5, timeoutCost: 10 });
    expect(quota.tryAcquire('timeout')).toBeUndefined();
    expect(quota.available).toBe(8);
    expect(quota.tryAcquire('transient')).toBe(5);
    expect(quota.tryAcquire('transient')).toBeUndefined();
    expect(quota.available).toBe(3);
  });

  it('still allows a free clock-skew retry when empty', () => {
    const quota = new RetryQuota({ capacity: 5, retryCost: 5, timeoutCost: 10 });
    quota.tryAcquire('throttling');
    expect(quota.tryAcquire('clock-skew')).toBe(0);
  });

  it('a success after a paid retry refunds that retry’s cost', () => {
    const quota = standard();
    const cost = quota.tryAcquire('timeout');
    quota.onSuccess(cost);
    expect(quota.available).toBe(500);
  });

  it('a success without a paid retry adds successRefund', () => {
    const quota = standard();
    quota.tryAcquire('timeout');
    quota.onSuccess(undefined);
    expect(quota.available).toBe(491);
    quota.onSuccess(0);
    expect(quota.available).toBe(492);
  });

  it('uses the configured successRefund', () => {
    const quota = new RetryQuota({ capacity: 50, retryCost: 5, timeoutCost: 10, successRefund: 3 });
    quota.tryAcquire('network');
    quota.onSuccess();
    expect(quota.available).toBe(43);
  });

  it('never refills beyond capacity', () => {
    const quota = standard();
    quota.onSuccess();
    quota.onSuccess(10);
    expect(quota.available).toBe(500);
  });

  it('keeps the balance within [0, capacity] for any sequence of events', () => {
    const event = fc.oneof(
      fc.constantFrom<RetryReason>('throttling', 'transient', 'timeout', 'network', 'clock-skew'),
      fc.option(fc.constantFrom(0, 5, 10), { nil: undefined }).map((cost) => ({ cost })),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 300 }), (events) => {
        const quota = new RetryQuota({ capacity: 50, retryCost: 5, timeoutCost: 10 });
        for (const e of events) {
          if (typeof e === 'string') quota.tryAcquire(e);
          else quota.onSuccess(e.cost);
          expect(quota.available).toBeGreaterThanOrEqual(0);
          expect(quota.available).toBeLessThanOrEqual(50);
        }
      }),
    );
  });
});

describe('createRetryQuota', () => {
  it('builds a full bucket from the AWS standard policy', () => {
    const quota = createRetryQuota(AWS_STANDARD);
    expect(quota?.available).toBe(500);
    expect(quota?.successRefund).toBe(1);
  });

  it('returns undefined for a policy without a quota', () => {
    expect(createRetryQuota(OCI_DEFAULT)).toBeUndefined();
    expect(createRetryQuota({})).toBeUndefined();
  });
});
