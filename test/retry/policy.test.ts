import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/index.js';
import {
  AWS_STANDARD,
  NO_RETRIES,
  OCI_DEFAULT,
  resolveRetryPolicy,
  type RetryPolicy,
} from '../../src/retry/policy.js';

function rejection(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('retry presets', () => {
  it('AWS_STANDARD matches SDK v3 / botocore standard mode', () => {
    expect(AWS_STANDARD).toEqual({
      family: 'aws',
      maxAttempts: 3,
      baseDelayMs: 100,
      maxDelayMs: 20_000,
      jitter: 'full',
      maxRetryAfterMs: 20_000,
      quota: { capacity: 500, retryCost: 5, timeoutCost: 10, successRefund: 1 },
    });
  });

  it('OCI_DEFAULT matches oci-common OciSdkDefaultRetryConfiguration', () => {
    expect(OCI_DEFAULT).toMatchObject({
      family: 'oci',
      maxAttempts: 8,
      baseDelayMs: 1_000,
      maxDelayMs: 30_000,
      jitter: 'additive',
      additiveJitterMs: 1_000,
      quota: false,
    });
  });

  it('NO_RETRIES makes exactly one attempt', () => {
    expect(NO_RETRIES.maxAttempts).toBe(1);
  });

  it('presets are frozen so a client cannot change them for everyone', () => {
    expect(Object.isFrozen(AWS_STANDARD)).toBe(true);
    expect(Object.isFrozen(AWS_STANDARD.quota)).toBe(true);
  });

  it.each([AWS_STANDARD, OCI_DEFAULT, NO_RETRIES])('preset %# passes validation', (preset) => {
    expect(resolveRetryPolicy(preset)).toEqual(preset);
  });
});

describe('resolveRetryPolicy', () => {
  it('layers override fields on the base', () => {
    const policy = resolveRetryPolicy(AWS_STANDARD, { maxAttempts: 5, attemptTimeoutMs: 2_000 });
    expect(policy).toMatchObject({ maxAttempts: 5, attemptTimeoutMs: 2_000, baseDelayMs: 100 });
  });

  it('returns a new object and leaves the base untouched', () => {
    const policy = resolveRetryPolicy(AWS_STANDARD, { maxAttempts: 5 });
    expect(policy).not.toBe(AWS_STANDARD);
    expect(AWS_STANDARD.maxAttempts).toBe(3);
  });

  it('inherits fields the override sets to undefined', () => {
    expect(resolveRetryPolicy(AWS_STANDARD, { maxAttempts: undefined }).maxAttempts).toBe(3);
  });

  it('false turns retries and the quota off but keeps timeouts', () => {
    const base: RetryPolicy = { ...AWS_STANDARD, attemptTimeoutMs: 1_000, totalBudgetMs: 5_000 };
    expect(resolveRetryPolicy(base, false)).toMatchObject({
      maxAttempts: 1,
      quota: false,
      attemptTimeoutMs: 1_000,
      totalBudgetMs: 5_000,
    });
  });

  it('replaces the quota as a whole', () => {
    const policy = resolveRetryPolicy(AWS_STANDARD, {
      quota: { capacity: 50, retryCost: 1, timeoutCost: 2 },
    });
    expect(policy.quota).toEqual({ capacity: 50, retryCost: 1, timeoutCost: 2 });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['maxAttempts 0', { maxAttempts: 0 }, 'retry.maxAttempts', 'integer >= 1'],
    ['negative maxAttempts', { maxAttempts: -1 }, 'retry.maxAttempts', 'integer >= 1'],
    ['fractional maxAttempts', { maxAttempts: 1.5 }, 'retry.maxAttempts', 'integer >= 1'],
    ['NaN maxAttempts', { maxAttempts: NaN }, 'retry.maxAttempts', 'integer >= 1'],
    ['infinite maxAttempts', { maxAttempts: Infinity }, 'retry.maxAttempts', 'integer >= 1'],
    ['string maxAttempts', { maxAttempts: '3' }, 'retry.maxAttempts', 'integer >= 1'],
    [
      'negative baseDelayMs',
      { baseDelayMs: -1 },
      'retry.baseDelayMs',
      'milliseconds in [0, 2147483647]',
    ],
    ['NaN maxDelayMs', { maxDelayMs: NaN }, 'retry.maxDelayMs', 'milliseconds in [0, 2147483647]'],
    [
      'negative maxRetryAfterMs',
      { maxRetryAfterMs: -5 },
      'retry.maxRetryAfterMs',
      'milliseconds in [0, 2147483647]',
    ],
    [
      'negative additiveJitterMs',
      { additiveJitterMs: -1 },
      'retry.additiveJitterMs',
      'milliseconds in [0, 2147483647]',
    ],
    [
      'attemptTimeoutMs 0',
      { attemptTimeoutMs: 0 },
      'retry.attemptTimeoutMs',
      'milliseconds in [1, 2147483647]',
    ],
    [
      'totalBudgetMs beyond the timer range',
      { totalBudgetMs: 2 ** 31 },
      'retry.totalBudgetMs',
      'milliseconds in [1, 2147483647]',
    ],
    ['an unknown jitter', { jitter: 'none' }, 'retry.jitter', 'one of full, additive'],
    ['an unknown family', { family: 'gcp' }, 'retry.family', 'one of aws, oci'],
    [
      'a quota with capacity 0',
      { quota: { capacity: 0, retryCost: 5, timeoutCost: 10 } },
      'retry.quota.capacity',
      'integer >= 1',
    ],
    [
      'a quota with a negative cost',
      { quota: { capacity: 5, retryCost: -5, timeoutCost: 10 } },
      'retry.quota.retryCost',
      'integer >= 0',
    ],
    ['a quota that is true', { quota: true }, 'retry.quota', 'object or false'],
    ['an unknown option', { maxRetries: 2 }, 'retry.maxRetries', 'known option'],
  ])('rejects %s', (_name, override, parameter, rule) => {
    const error = rejection(() =>
      resolveRetryPolicy(AWS_STANDARD, override as Partial<RetryPolicy>),
    );
    expect(error.parameter).toBe(parameter);
    expect(error.rule).toBe(rule);
    expect(error.message).toContain(parameter);
  });

  it('names the offending value in the message', () => {
    const error = rejection(() => resolveRetryPolicy(AWS_STANDARD, { maxAttempts: 0 }));
    expect(error.message).toBe(
      'Invalid parameter retry.maxAttempts: must be an integer >= 1 (got 0)',
    );
  });

  it('uses the given path prefix for call-level options', () => {
    const error = rejection(() =>
      resolveRetryPolicy(AWS_STANDARD, { maxAttempts: 0 }, 'options.retry'),
    );
    expect(error.parameter).toBe('options.retry.maxAttempts');
  });

  it('rejects an override that is not an object', () => {
    const error = rejection(() =>
      resolveRetryPolicy(AWS_STANDARD, 3 as unknown as Partial<RetryPolicy>),
    );
    expect(error.parameter).toBe('retry');
  });
});
