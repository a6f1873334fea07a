/**
 * With every request failing, each protocol ends in the right typed error after exactly the
 * configured attempts (checked against the emulator's own request log), or when the time
 * budget or the retry quota runs out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AthenaServiceException, InternalServerException } from 'cloud-sessions/athena';
import { InternalServerErrorException, ThrottlingException } from 'cloud-sessions/nimble-studio';
import { InternalServerError, TooManyRequests } from 'cloud-sessions/oci-ai-data-platform';
import {
  CloudSessionsError,
  ConnectionError,
  ServiceError,
  TimeoutError,
} from 'cloud-sessions/runtime';
import { startEmulator, type Emulator, type EmulatorFaults } from '../../src/emulator/index.js';
import { FAST_RETRY, PROTOCOLS, retryLog, type ProtocolCase } from './clients.js';

const MAX_ATTEMPTS = 4;

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function failWith(
  protocol: ProtocolCase,
  faults: EmulatorFaults,
  retry: object,
): Promise<{
  error: CloudSessionsError;
  emulator: Emulator;
  log: ReturnType<typeof retryLog>['entries'];
}> {
  emulator = await startEmulator({ faults });
  const log = retryLog();
  const error = await protocol.list(emulator, { retry, logger: log.logger }).then(
    () => expect.fail('the call succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudSessionsError);
  return { error: error as CloudSessionsError, emulator, log: log.entries };
}

const byName = Object.fromEntries(PROTOCOLS.map((p) => [p.name, p])) as Record<
  ProtocolCase['name'],
  ProtocolCase
>;

// [protocol, fault, faults option, expected class, expected code]
const CASES: Array<[ProtocolCase['name'], string, EmulatorFaults, Function, string | undefined]> = [
  ['athena', 'throttling', { rate429: 1 }, AthenaServiceException, 'ThrottlingException'],
  ['athena', '500', { rate5xx: 1 }, InternalServerException, 'InternalServerException'],
  ['athena', 'reset', { rateReset: 1 }, ConnectionError, undefined],
  ['athena', 'truncated JSON', { rateTruncated: 1 }, ConnectionError, undefined],
  ['nimble', 'throttling', { rate429: 1 }, ThrottlingException, 'ThrottlingException'],
  ['nimble', '500', { rate5xx: 1 }, InternalServerErrorException, 'InternalServerErrorException'],
  ['nimble', 'reset', { rateReset: 1 }, ConnectionError, undefined],
  ['nimble', 'truncated JSON', { rateTruncated: 1 }, ConnectionError, undefined],
  ['oci', 'throttling', { rate429: 1 }, TooManyRequests, 'TooManyRequests'],
  ['oci', '500', { rate5xx: 1 }, InternalServerError, 'InternalServerError'],
  ['oci', 'reset', { rateReset: 1 }, ConnectionError, undefined],
  ['oci', 'truncated JSON', { rateTruncated: 1 }, ConnectionError, undefined],
];

describe('100% injected faults', () => {
  it.each(CASES)(
    '%s, every request %s: typed error after exactly maxAttempts requests',
    async (name, _fault, faults, ErrorClass, code) => {
      const { error, emulator, log } = await failWith(
        byName[name],
        // Retry-After (1 s on half the throttles) is clamped to 5 ms to keep this quick.
        { ...faults, retryAfterSeconds: 1 },
        { ...FAST_RETRY, maxAttempts: MAX_ATTEMPTS, maxRetryAfterMs: 5 },
      );
      expect(error).toBeInstanceOf(ErrorClass);
      if (code !== undefined) expect((error as ServiceError).code).toBe(code);
      expect(error.retryable).toBe(true);
      expect(error.attempts).toBe(MAX_ATTEMPTS);
      expect(emulator.requests).toHaveLength(MAX_ATTEMPTS);
      expect(emulator.requests.every((r) => r.authFailure === undefined)).toBe(true);
      expect(log).toHaveLength(MAX_ATTEMPTS - 1);
      expect(error.totalRetryDelayMs).toBe(log.reduce((sum, e) => sum + e.delayMs, 0));
    },
  );

  it('the service defaults apply when nothing is overridden: AWS 3 attempts', async () => {
    // Default AWS back-off is full jitter up to 100/200 ms; two waits stay well under a second.
    const { error, emulator } = await failWith(byName.nimble, { rate5xx: 1 }, {});
    expect(error).toBeInstanceOf(InternalServerErrorException);
    expect(error.attempts).toBe(3);
    expect(emulator.requests).toHaveLength(3);
  });

  it('the time budget ends a call that would otherwise retry 1,000 times', async () => {
    const { error, emulator } = await failWith(
      byName.athena,
      { rate5xx: 1, latencyMs: 50 },
      { ...FAST_RETRY, maxAttempts: 1_000, totalBudgetMs: 400 },
    );
    // Either the last service error (no wait fits in the budget) or the budget firing mid-attempt.
    if (error instanceof TimeoutError) expect(error.scope).toBe('total');
    else expect(error).toBeInstanceOf(InternalServerException);
    // Each attempt takes >= 50 ms, so at most 400 / 50 fit, plus the one the budget cut.
    expect(error.attempts).toBeGreaterThanOrEqual(2);
    expect(error.attempts).toBeLessThanOrEqual(9);
    expect(error.totalRetryDelayMs).toBeLessThan(400);
    // The budget may fire before a last attempt reaches the server, never after a request is sent.
    expect(emulator.requests.length).toBeGreaterThanOrEqual(error.attempts - 1);
    expect(emulator.requests.length).toBeLessThanOrEqual(error.attempts);
  });

  it('a budget shorter than one slow response ends in TimeoutError(total), not retried', async () => {
    const { error, emulator } = await failWith(
      byName.oci,
      { latencyMs: 2_000 },
      { ...FAST_RETRY, totalBudgetMs: 200 },
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).scope).toBe('total');
    expect(error.attempts).toBe(1);
    expect(emulator.requests).toHaveLength(1);
  });

  it('the client-wide retry quota stops retries when it runs dry', async () => {
    // 10 tokens, 5 per retry: two retries are paid for, the third is refused.
    const { error, emulator } = await failWith(
      byName.nimble,
      { rate5xx: 1 },
      {
        ...FAST_RETRY,
        maxAttempts: 10,
        quota: { capacity: 10, retryCost: 5, timeoutCost: 10 },
      },
    );
    expect(error).toBeInstanceOf(InternalServerErrorException);
    expect(error.attempts).toBe(3);
    expect(emulator.requests).toHaveLength(3);
  });
});
