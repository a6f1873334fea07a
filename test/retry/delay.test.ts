import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delay } from '../../src/retry/delay.js';
import { AWS_STANDARD, OCI_DEFAULT } from '../../src/retry/policy.js';

const fixed = (value: number) => () => value;

describe('delay', () => {
  it.each([
    // attempt, random, expected: random * min(20 000, 100 * 2^(attempt-1))
    [1, 0, 0],
    [1, 0.5, 50],
    [1, 1, 100],
    [2, 0.5, 100],
    [3, 0.5, 200],
    [3, 1, 400],
    [8, 1, 12_800],
    [9, 1, 20_000],
    [20, 0.5, 10_000],
    [1_000, 1, 20_000],
  ])('AWS full jitter: retry %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(delay(attempt, undefined, AWS_STANDARD, fixed(random))).toBe(expected);
  });

  it.each([
    // attempt, random, expected: min(2^(n-1) s, 30 s) + random * 1 s
    [1, 0, 1_000],
    [2, 0, 2_000],
    [3, 0, 4_000],
    [4, 0, 8_000],
    [5, 0, 16_000],
    [6, 0, 30_000],
    [7, 0, 30_000],
    [1, 0.5, 1_500],
    [7, 0.5, 30_500],
    [1, 1, 2_000],
    [7, 1, 31_000],
  ])('OCI additive jitter: retry %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(delay(attempt, undefined, OCI_DEFAULT, fixed(random))).toBe(expected);
  });

  it.each([
    ['lengthens a shorter back-off', 3_000, 0.5, 3_000],
    ['never shortens a longer back-off', 10, 0.5, 50],
    ['is clamped by maxRetryAfterMs', 60_000, 0.5, 20_000],
    ['of 0 leaves the back-off', 0, 0.5, 50],
    ['that is negative leaves the back-off', -5, 0.5, 50],
    ['with random 0 alone sets the wait', 1_200, 0, 1_200],
  ])('a Retry-After hint %s', (_name, hint, random, expected) => {
    expect(delay(1, hint, AWS_STANDARD, fixed(random))).toBe(expected);
  });

  it('returns whole milliseconds', () => {
    expect(delay(1, undefined, AWS_STANDARD, fixed(0.123456))).toBe(12);
  });

  it('treats attempt numbers below 1 as the first retry', () => {
    expect(delay(0, undefined, AWS_STANDARD, fixed(1))).toBe(100);
  });

  it('stays within [0, max(back-off cap + jitter, maxRetryAfterMs)] for any input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000 }),
        fc.option(fc.integer({ min: -1_000, max: 10_000_000 }), { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.constantFrom(AWS_STANDARD, OCI_DEFAULT),
        (attempt, hint, random, policy) => {
          const ms = delay(attempt, hint, policy, () => random);
          const cap = Math.max(
            policy.maxDelayMs + (policy.additiveJitterMs ?? 0),
            policy.maxRetryAfterMs,
          );
          expect(Number.isInteger(ms)).toBe(true);
          expect(ms).toBeGreaterThanOrEqual(0);
          expect(ms).toBeLessThanOrEqual(cap);
        },
      ),
    );
  });
});
