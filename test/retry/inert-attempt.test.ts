/**
 * An attempt nothing can abort (no caller signal, attempt timeout or budget) gets a shared
 * signal that never fires, and the loop does not race it: the same outcomes as with an
 * abortable scope, without an AbortController, listener or timer per attempt.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloudSessionsError, ConnectionError } from '../../src/errors/index.js';
import { openAttemptScope } from '../../src/retry/attempt-scope.js';
import { withRetries, type AttemptContext } from '../../src/retry/run.js';
import { scripted, serviceError, setup } from './run-helpers.js';
import { createVirtualTime } from './virtual-time.js';

const NONE = {
  attempt: 1,
  callerSignal: undefined,
  attemptTimeoutMs: undefined,
  remainingBudgetMs: undefined,
  totalBudgetMs: undefined,
};

describe('openAttemptScope', () => {
  it('with nothing that can abort, returns an inert scope: a shared signal, no timer', () => {
    const time = createVirtualTime();
    const first = openAttemptScope({ ...NONE, timers: time.timers });
    const second = openAttemptScope({ ...NONE, attempt: 2, timers: time.timers });
    expect(first.inert).toBe(true);
    expect(first.signal.aborted).toBe(false);
    expect(second.signal).toBe(first.signal);
    expect(first.cause).toBeUndefined();
    first.dispose();
    expect(time.delays).toEqual([]);
    expect(first.signal.aborted).toBe(false);
  });

  it.each([
    ['a caller signal', { callerSignal: new AbortController().signal }],
    ['an attempt timeout', { attemptTimeoutMs: 1_000 }],
    ['a budget', { remainingBudgetMs: 1_000, totalBudgetMs: 1_000 }],
  ])('with %s, gives the attempt its own signal', (_name, given) => {
    const time = createVirtualTime();
    const inert = openAttemptScope({ ...NONE, timers: time.timers });
    const scope = openAttemptScope({ ...NONE, ...given, timers: time.timers });
    expect(scope.inert).toBe(false);
    expect(scope.signal).not.toBe(inert.signal);
    scope.dispose();
  });
});

/** What one attempt does in a generated script. */
type Step = 'ok' | 'network' | 'raw' | 'sync' | '503' | '429' | '400';

const stepArb = fc.constantFrom<Step>('ok', 'network', 'raw', 'sync', '503', '429', '400');

function play(steps: Step[]) {
  const seen: AttemptContext[] = [];
  const run = (context: AttemptContext): Promise<string> => {
    seen.push(context);
    const step = steps[Math.min(seen.length, steps.length) - 1]!;
    switch (step) {
      case 'ok':
        return Promise.resolve(`result ${seen.length}`);
      case 'network':
        return Promise.reject(new ConnectionError('cut'));
      case 'raw':
        return Promise.reject(new TypeError('fetch failed'));
      case 'sync':
        throw new TypeError('thrown before any await');
      case '503':
        return Promise.reject(serviceError(503, 'ServiceUnavailable'));
      case '429':
        return Promise.reject(serviceError(429, 'ThrottlingException'));
      case '400':
        return Promise.reject(serviceError(400, 'ValidationException'));
    }
  };
  return { run, seen };
}

/** Everything observable about one call: outcome, attempts, retries and waits. */
async function observe(steps: Step[], attemptTimeoutMs: number | undefined) {
  const { retries, time, options } = setup({ maxAttempts: 5, attemptTimeoutMs });
  const attempt = play(steps);
  const outcome = await withRetries(attempt.run, options).then(
    (value) => ({ value }),
    (error: CloudSessionsError) => ({
      error: error.constructor.name,
      message: error.message,
      attempts: error.attempts,
      totalRetryDelayMs: error.totalRetryDelayMs,
      retryable: error.retryable,
    }),
  );
  return {
    outcome,
    attempts: attempt.seen.map((c) => [c.attempt, c.maxAttempts, c.signal.aborted]),
    retries: retries.map((r) => [r.attempt, r.reason, r.delayMs]),
    // The attempt timeout's own timers are the only difference allowed.
    waits: time.delays.filter((ms) => ms !== attemptTimeoutMs),
  };
}

describe('withRetries with an inert scope', () => {
  it('behaves exactly as with an abortable scope that never fires', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 6 }), async (steps) => {
        const inert = await observe(steps, undefined);
        const abortable = await observe(steps, 3_600_000);
        expect(inert).toEqual(abortable);
      }),
      { numRuns: 200 },
    );
  });

  it('gives every attempt the shared, never-aborted signal', async () => {
    const { options } = setup();
    const attempt = scripted(serviceError(503, 'ServiceUnavailable'), 'ok');
    await expect(withRetries(attempt.run, options)).resolves.toBe('ok');
    const [first, second] = attempt.contexts;
    expect(second!.signal).toBe(first!.signal);
    expect(first!.signal.aborted).toBe(false);
  });

  it('still turns a synchronous throw into a retried network error', async () => {
    const { retries, options } = setup();
    let calls = 0;
    const result = await withRetries(() => {
      calls += 1;
      if (calls === 1) throw new TypeError('thrown before any await');
      return Promise.resolve('ok');
    }, options);
    expect(result).toBe('ok');
    expect(retries.map((r) => r.reason)).toEqual(['network']);
  });
});
