import { describe, expect, it } from 'vitest';
import { ConnectionError, ServiceError } from '../../src/errors/index.js';
import { OCI_DEFAULT } from '../../src/retry/policy.js';
import { RetryQuota } from '../../src/retry/quota.js';
import { withRetries } from '../../src/retry/run.js';
import { failure, scripted, serviceError, setup } from './run-helpers.js';

describe('withRetries', () => {
  it('retries retryable failures, then returns the result', async () => {
    const { retries, options } = setup();
    const attempt = scripted(
      serviceError(503, 'ServiceUnavailable'),
      new ConnectionError('cut'),
      'ok',
    );
    await expect(withRetries(attempt.run, options)).resolves.toBe('ok');
    expect(attempt.contexts.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(retries.map((r) => [r.attempt, r.reason, r.delayMs])).toEqual([
      [1, 'transient', 50],
      [2, 'network', 100],
    ]);
  });

  it('gives every attempt the same invocation id and the attempt limit', async () => {
    const { options } = setup();
    const attempt = scripted(serviceError(500, 'InternalFailure'), 'ok');
    await withRetries(attempt.run, options);
    const [first, second] = attempt.contexts;
    expect(first!.invocationId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(second!.invocationId).toBe(first!.invocationId);
    expect(first!.maxAttempts).toBe(3);
  });

  it('uses a new invocation id per call', async () => {
    const { options } = setup();
    const a = scripted('ok');
    const b = scripted('ok');
    await withRetries(a.run, options);
    await withRetries(b.run, options);
    expect(a.contexts[0]!.invocationId).not.toBe(b.contexts[0]!.invocationId);
  });

  it('waits the computed back-off between attempts', async () => {
    const { time, options } = setup();
    await withRetries(scripted(serviceError(429, 'ThrottlingException'), 'ok').run, options);
    expect(time.delays).toEqual([50]);
  });

  it('gives up after maxAttempts and reports attempts and total delay on the last error', async () => {
    const { options } = setup();
    const last = serviceError(503, 'ServiceUnavailable');
    const attempt = scripted(serviceError(503, 'ServiceUnavailable'), serviceError(503, 'X'), last);
    const error = await failure(withRetries(attempt.run, options));
    expect(error).toBe(last);
    expect(error.attempts).toBe(3);
    expect(error.totalRetryDelayMs).toBe(150);
    expect(error.retryable).toBe(true);
  });

  it('does not retry a non-retryable 400', async () => {
    const { time, options } = setup();
    const attempt = scripted(serviceError(400, 'InvalidRequestException'));
    const error = await failure(withRetries(attempt.run, options));
    expect(attempt.contexts).toHaveLength(1);
    expect(error).toMatchObject({ attempts: 1, totalRetryDelayMs: 0, retryable: false });
    expect(time.delays).toEqual([]);
  });

  it('honours Retry-After as a lower bound on the wait', async () => {
    const { retries, options } = setup();
    const throttled = serviceError(429, 'ThrottlingException', { 'retry-after': '3' });
    await withRetries(scripted(throttled, 'ok').run, options);
    expect(retries[0]!.delayMs).toBe(3_000);
  });

  it('wraps raw thrown values in ConnectionError with the value as cause', async () => {
    const { options } = setup();
    const raw = new TypeError('fetch failed', {
      cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    });
    const attempt = scripted(raw);
    const error = await failure(withRetries(attempt.run, options));
    expect(attempt.contexts).toHaveLength(3);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.cause).toBe(raw);
    expect(error.message).toBe('Request failed: fetch failed (ECONNRESET)');
    expect(error.attempts).toBe(3);
  });

  it('applies the OCI rules for the oci family', async () => {
    const { options } = setup({}, OCI_DEFAULT);
    const attempt = scripted(serviceError(409, 'IncorrectState'), serviceError(409, 'Conflict'));
    const error = await failure(withRetries(attempt.run, options));
    expect(attempt.contexts).toHaveLength(2);
    expect((error as ServiceError).code).toBe('Conflict');
  });

  it('with one attempt allowed, runs exactly once', async () => {
    const { options } = setup(false);
    const attempt = scripted(serviceError(503, 'ServiceUnavailable'));
    await failure(withRetries(attempt.run, options));
    expect(attempt.contexts).toHaveLength(1);
  });
});

describe('withRetries: clock skew', () => {
  it('corrects the clock and retries once at once, free of quota', async () => {
    const { time, retries, options } = setup();
    const quota = new RetryQuota({ capacity: 500, retryCost: 5, timeoutCost: 10 });
    const serverTime = new Date(time.now() + 10 * 60_000);
    const signedAt: Date[] = [];
    const result = await withRetries(
      async () => {
        signedAt.push(options.clock.now());
        if (signedAt.length === 1) {
          throw serviceError(403, 'RequestTimeTooSkewed', { date: serverTime.toUTCString() });
        }
        return 'ok';
      },
      { ...options, quota },
    );
    expect(result).toBe('ok');
    expect(options.clock.offsetMs).toBe(10 * 60_000);
    expect(signedAt[1]).toEqual(serverTime);
    expect(retries).toEqual([
      expect.objectContaining({ attempt: 1, reason: 'clock-skew', delayMs: 0 }),
    ]);
    expect(time.delays).toEqual([]);
    expect(quota.available).toBe(500);
  });

  it('retries a clock skew only once per call', async () => {
    const { time, options } = setup({ maxAttempts: 5 });
    const attempt = scripted(
      serviceError(403, 'RequestExpired', { date: new Date(time.now() + 600_000).toUTCString() }),
      serviceError(403, 'RequestExpired', { date: new Date(time.now() + 1_200_000).toUTCString() }),
      'ok',
    );
    const error = await failure(withRetries(attempt.run, options));
    expect(attempt.contexts).toHaveLength(2);
    expect((error as ServiceError).code).toBe('RequestExpired');
    expect(error.attempts).toBe(2);
    expect(options.clock.offsetMs).toBe(1_200_000);
  });

  it('corrects the OCI clock on a skewed 401', async () => {
    const { time, options } = setup({}, OCI_DEFAULT);
    const skewed = new Date(time.now() - 20 * 60_000);
    const attempt = scripted(
      serviceError(401, 'NotAuthenticated', { date: skewed.toUTCString() }),
      'ok',
    );
    await expect(withRetries(attempt.run, options)).resolves.toBe('ok');
    expect(options.clock.offsetMs).toBe(-20 * 60_000);
  });

  it('judges a rejection by the time the attempt signed at, when the clock moved before signing', async () => {
    const { time, options } = setup();
    const serverTime = new Date(time.now() + 10 * 60_000);
    let signedAt: Date | undefined;
    const error = await failure(
      withRetries(async (ctx) => {
        // Another call corrects the clock after this attempt started but before it signs.
        options.clock.correctTo(serverTime);
        signedAt = ctx.signingTime();
        throw serviceError(403, 'InvalidSignatureException', { date: serverTime.toUTCString() });
      }, options),
    );
    // Signed with the server's time, so this is a real signature error, not skew: no retry.
    expect(signedAt).toEqual(serverTime);
    expect((error as ServiceError).code).toBe('InvalidSignatureException');
    expect(error.attempts).toBe(1);
  });

  it('judges a rejection by the clock its attempt signed with, even if another call corrected it', async () => {
    const { time, options } = setup();
    const serverTime = new Date(time.now() + 10 * 60_000);
    const signedAt: Date[] = [];
    const result = await withRetries(async () => {
      signedAt.push(options.clock.now());
      if (signedAt.length === 1) {
        // A parallel call learns the server time while this request is still in flight.
        options.clock.correctTo(serverTime);
        throw serviceError(403, 'InvalidSignatureException', { date: serverTime.toUTCString() });
      }
      return 'ok';
    }, options);
    expect(result).toBe('ok');
    expect(signedAt[1]).toEqual(serverTime);
  });

  it('does not retry a signature failure when the clocks agree', async () => {
    const { time, options } = setup();
    const attempt = scripted(
      serviceError(403, 'SignatureDoesNotMatch', { date: new Date(time.now()).toUTCString() }),
      'ok',
    );
    await failure(withRetries(attempt.run, options));
    expect(attempt.contexts).toHaveLength(1);
    expect(options.clock.offsetMs).toBe(0);
  });
});

describe('withRetries: quota', () => {
  it('a quota shared across calls stops retries once exhausted', async () => {
    const { options } = setup();
    const quota = new RetryQuota({ capacity: 10, retryCost: 5, timeoutCost: 10 });
    const first = scripted(serviceError(503, 'ServiceUnavailable'));
    await failure(withRetries(first.run, { ...options, quota }));
    expect(first.contexts).toHaveLength(3);
    expect(quota.available).toBe(0);

    const second = scripted(serviceError(503, 'ServiceUnavailable'), 'ok');
    const error = await failure(withRetries(second.run, { ...options, quota }));
    expect(second.contexts).toHaveLength(1);
    expect(error.attempts).toBe(1);
  });

  it('a success after retries refunds the last retry cost', async () => {
    const { options } = setup();
    const quota = new RetryQuota({ capacity: 500, retryCost: 5, timeoutCost: 10 });
    await withRetries(scripted(serviceError(503, 'A'), serviceError(503, 'B'), 'ok').run, {
      ...options,
      quota,
    });
    expect(quota.available).toBe(495);
  });

  it('a success without retries adds one token back', async () => {
    const { options } = setup();
    const quota = new RetryQuota({ capacity: 500, retryCost: 5, timeoutCost: 10 });
    quota.tryAcquire('timeout');
    await withRetries(scripted('ok').run, { ...options, quota });
    expect(quota.available).toBe(491);
  });

  it('ignores the quota when the policy disables it', async () => {
    const { options } = setup({ quota: false });
    const quota = new RetryQuota({ capacity: 1, retryCost: 5, timeoutCost: 10 });
    const attempt = scripted(serviceError(503, 'A'), 'ok');
    await expect(withRetries(attempt.run, { ...options, quota })).resolves.toBe('ok');
    expect(quota.available).toBe(1);
  });
});
