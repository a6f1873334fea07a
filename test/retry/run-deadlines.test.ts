import { describe, expect, it } from 'vitest';
import { AbortError, TimeoutError } from '../../src/errors/index.js';
import { AWS_STANDARD, resolveRetryPolicy } from '../../src/retry/policy.js';
import { RetryQuota } from '../../src/retry/quota.js';
import { withRetries, type AttemptContext } from '../../src/retry/run.js';
import type { Timers } from '../../src/retry/sleep.js';
import { Clock } from '../../src/transport/clock.js';
import { failure, hangUntilAborted, scripted, serviceError, setup } from './run-helpers.js';

describe('withRetries: abort', () => {
  it('does not start an attempt when the signal is already aborted', async () => {
    const { options } = setup();
    const attempt = scripted('ok');
    const reason = new Error('gone');
    const error = await failure(
      withRetries(attempt.run, { ...options, signal: AbortSignal.abort(reason) }),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(error.cause).toBe(reason);
    expect(attempt.contexts).toHaveLength(0);
  });

  it('abort during back-off rejects long before the back-off ends and makes no further attempt', async () => {
    const controller = new AbortController();
    const cleared: unknown[] = [];
    const realTimers: Timers = {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => {
        cleared.push(handle);
        clearTimeout(handle as NodeJS.Timeout);
      },
    };
    // A 60 s back-off: if abort were ignored, the test would hit its 20 s timeout.
    const policy = resolveRetryPolicy(AWS_STANDARD, { baseDelayMs: 60_000, maxDelayMs: 60_000 });
    const attempt = scripted(serviceError(503, 'ServiceUnavailable'), 'ok');
    const started = performance.now();
    const promise = withRetries(attempt.run, {
      policy,
      clock: new Clock(),
      timers: realTimers,
      random: () => 1,
      signal: controller.signal,
      onRetry: () => setTimeout(() => controller.abort(new Error('user cancelled')), 5),
    });
    const error = await failure(promise);
    const elapsed = performance.now() - started;

    expect(error).toBeInstanceOf(AbortError);
    expect((error.cause as Error).message).toBe('user cancelled');
    expect(elapsed).toBeLessThan(30_000);
    expect(attempt.contexts).toHaveLength(1);
    expect(cleared).toHaveLength(1);
    expect(error.attempts).toBe(1);
  });

  it('abort during an attempt that ignores its signal still rejects at once', async () => {
    const controller = new AbortController();
    const { options } = setup();
    const contexts: AttemptContext[] = [];
    const promise = withRetries(
      (context) => {
        contexts.push(context);
        queueMicrotask(() => controller.abort());
        return new Promise<never>(() => {});
      },
      { ...options, signal: controller.signal },
    );
    const error = await failure(promise);
    expect(error).toBeInstanceOf(AbortError);
    expect(error.cause).toBe(controller.signal.reason);
    expect(contexts).toHaveLength(1);
    expect(contexts[0]!.signal.aborted).toBe(true);
    expect(contexts[0]!.signal.reason).toBe(error);
  });
});

describe('withRetries: per-attempt timeout', () => {
  it('aborts a slow attempt with TimeoutError("attempt") and retries it', async () => {
    const { time, retries, options } = setup({ attemptTimeoutMs: 1_000 });
    let calls = 0;
    const result = await withRetries((context) => {
      calls += 1;
      return calls === 1 ? hangUntilAborted(context) : Promise.resolve('ok');
    }, options);
    expect(result).toBe('ok');
    expect(retries).toHaveLength(1);
    expect(retries[0]!.reason).toBe('timeout');
    expect(retries[0]!.error).toBeInstanceOf(TimeoutError);
    expect((retries[0]!.error as TimeoutError).scope).toBe('attempt');
    expect(time.delays.filter((ms) => ms === 1_000)).toHaveLength(2);
    expect(time.pending()).toBe(0);
  });

  it('times out an attempt that ignores its signal', async () => {
    const { options } = setup({ attemptTimeoutMs: 1_000 });
    const error = await failure(withRetries(() => new Promise<never>(() => {}), options));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).scope).toBe('attempt');
    expect(error.attempts).toBe(3);
  });

  it('a timeout retry costs the timeout price from the quota', async () => {
    const { options } = setup({ attemptTimeoutMs: 1_000 });
    const quota = new RetryQuota({ capacity: 500, retryCost: 5, timeoutCost: 10 });
    let calls = 0;
    const costs: number[] = [];
    await withRetries(
      (context) => {
        calls += 1;
        if (calls === 2) costs.push(quota.available);
        return calls === 1 ? hangUntilAborted(context) : Promise.resolve('ok');
      },
      { ...options, quota },
    );
    expect(costs).toEqual([490]);
    expect(quota.available).toBe(500);
  });
});

describe('withRetries: total budget', () => {
  it('never starts a wait that would end past the budget and throws the last error', async () => {
    // back-off with random 1: 400, 800, ...; budget 1 000 ms
    const { time, options } = setup({ maxAttempts: 5, baseDelayMs: 400, totalBudgetMs: 1_000 });
    const last = serviceError(503, 'Second');
    const attempt = scripted(serviceError(503, 'First'), last);
    const error = await failure(withRetries(attempt.run, { ...options, random: () => 1 }));
    expect(error).toBe(last);
    expect(attempt.contexts).toHaveLength(2);
    expect(error.totalRetryDelayMs).toBe(400);
    expect(time.now() - Date.UTC(2026, 0, 15, 12, 0, 0)).toBe(400);
  });

  it('counts time spent in attempts against the budget', async () => {
    const { time, options } = setup({ maxAttempts: 5, baseDelayMs: 100, totalBudgetMs: 1_000 });
    const contexts: AttemptContext[] = [];
    const error = await failure(
      withRetries(
        async (context) => {
          contexts.push(context);
          await time.sleep(600);
          throw serviceError(503, 'Slow');
        },
        { ...options, random: () => 1 },
      ),
    );
    // attempt 1 ends at 600, waits 100, attempt 2 is cut by the budget at 1 000
    expect(contexts).toHaveLength(2);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).scope).toBe('total');
  });

  it('throws TimeoutError("total") when the budget ends during an attempt', async () => {
    const { options } = setup({ totalBudgetMs: 1_000, attemptTimeoutMs: 5_000 });
    const contexts: AttemptContext[] = [];
    const error = await failure(
      withRetries((context) => {
        contexts.push(context);
        return hangUntilAborted(context);
      }, options),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).scope).toBe('total');
    expect(error.attempts).toBe(1);
    expect(contexts[0]!.signal.reason).toBe(error);
  });
});
