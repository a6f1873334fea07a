/** Shared fixtures for the withRetries tests. */
import { CloudSessionsError, ServiceError } from '../../src/errors/index.js';
import { AWS_STANDARD, resolveRetryPolicy } from '../../src/retry/policy.js';
import type { AttemptContext, RetryInfo } from '../../src/retry/run.js';
import { createVirtualTime } from './virtual-time.js';

export function serviceError(status: number, code: string, headers: Record<string, string> = {}) {
  return new ServiceError({
    code,
    message: code,
    status,
    requestId: 'r',
    headers,
    body: undefined,
  });
}

/** An attempt function that plays a script: an Error is thrown, anything else returned. */
export function scripted(...steps: unknown[]) {
  const contexts: AttemptContext[] = [];
  const run = async (context: AttemptContext) => {
    contexts.push(context);
    const step = steps[Math.min(contexts.length, steps.length) - 1];
    if (step instanceof Error) throw step;
    return step;
  };
  return { run, contexts };
}

/** An attempt that settles only when its signal aborts, rejecting with the reason like fetch. */
export const hangUntilAborted = (context: AttemptContext) =>
  new Promise<never>((_, reject) =>
    context.signal.addEventListener('abort', () => reject(context.signal.reason)),
  );

export function setup(
  overrides: Parameters<typeof resolveRetryPolicy>[1] = {},
  base = AWS_STANDARD,
) {
  const time = createVirtualTime();
  const retries: RetryInfo[] = [];
  const options = {
    policy: resolveRetryPolicy(base, overrides),
    clock: time.clock,
    timers: time.timers,
    random: () => 0.5,
    onRetry: (info: RetryInfo) => retries.push(info),
  };
  return { time, retries, options };
}

export async function failure(promise: Promise<unknown>): Promise<CloudSessionsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CloudSessionsError)) throw new Error(`expected a rejection, got ${error}`);
  return error;
}
