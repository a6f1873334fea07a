import { AbortError } from '../errors/index.js';

/** The two timer functions the retry loop uses; injectable so tests capture delays instead of waiting. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The global timers, looked up at call time (not captured at import), so
 * runtimes or test tools that replace them later are honoured.
 */
export const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

/**
 * The error for a caller abort: an `AbortError` whose `cause` is the signal's
 * reason (a DOMException `AbortError` by default, or whatever was passed to
 * `controller.abort(reason)` / `AbortSignal.timeout`).
 */
export function abortErrorFor(signal: AbortSignal): AbortError {
  return new AbortError('The operation was aborted', { cause: signal.reason });
}

/**
 * Resolves after `ms` milliseconds, or rejects with `AbortError` as soon as
 * `signal` aborts (at once if it already has), clearing the timer and its
 * listener either way. openai-node's sleep ignores the signal (peers.md §3);
 * this one is what lets an abort during back-off end the call immediately
 * (aws-sdk-js-v3#4871, smithy-typescript#2268).
 */
export function sleep(
  ms: number,
  signal?: AbortSignal,
  timers: Timers = defaultTimers,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortErrorFor(signal));
      return;
    }
    let handle: unknown;
    const onAbort = (): void => {
      timers.clearTimeout(handle);
      reject(abortErrorFor(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    handle = timers.setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
  });
}
