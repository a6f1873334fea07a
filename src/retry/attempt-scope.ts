import { TimeoutError } from '../errors/index.js';
import { abortErrorFor, type Timers } from './sleep.js';

/** Why an attempt's signal fired. */
export type AttemptAbortCause = 'caller' | 'attempt' | 'total';

/** The signal of one attempt and the deadline behind it. */
export interface AttemptScope {
  /** Aborts on caller abort, per-attempt timeout or total budget, whichever is first. */
  readonly signal: AbortSignal;
  /** Which of the three fired, once one has. */
  readonly cause: AttemptAbortCause | undefined;
  /**
   * True when none of the three is set, so nothing can abort the attempt: `signal` is then a
   * shared signal that never fires, and the loop need not race the attempt against it.
   */
  readonly inert: boolean;
  /** Clears the timer and the listener on the caller's signal. */
  dispose(): void;
}

/**
 * Shared by every attempt that nothing can abort. Its signal never aborts (its controller is
 * private and never used); made on first use, since creating an AbortController at import time
 * loads Node's event_target internals (~2 ms of cold start).
 */
let inertScope: AttemptScope | undefined;

function inert(): AttemptScope {
  return (inertScope ??= Object.freeze({
    signal: new AbortController().signal,
    cause: undefined,
    inert: true,
    dispose() {},
  }));
}

/**
 * Opens the signal for one attempt. Its abort reason is the package error the
 * loop will raise: `AbortError` (cause = caller's reason), `TimeoutError('attempt')`
 * or `TimeoutError('total')`; `fetch` rejects with that same reason.
 * Only one timer runs: the earlier of the attempt timeout and the remaining
 * budget (a budget that ends first makes the attempt's own timeout moot).
 * Built by hand rather than with `AbortSignal.any`/`AbortSignal.timeout` so the
 * timers stay injectable. With none of the three (no caller signal, attempt timeout or
 * budget) it returns a shared inert scope and allocates nothing.
 */
export function openAttemptScope(options: {
  attempt: number;
  callerSignal: AbortSignal | undefined;
  attemptTimeoutMs: number | undefined;
  remainingBudgetMs: number | undefined;
  totalBudgetMs: number | undefined;
  timers: Timers;
}): AttemptScope {
  const { attempt, callerSignal, attemptTimeoutMs, remainingBudgetMs, timers } = options;
  // The default AWS policy without a `signal` option: an AbortController (which Node 20 makes
  // transferable on creation) and a listener per attempt cost about 12 µs for a signal that
  // cannot fire (BENCHMARKS.md, "The retry loop").
  if (
    callerSignal === undefined &&
    attemptTimeoutMs === undefined &&
    remainingBudgetMs === undefined
  )
    return inert();
  const controller = new AbortController();
  let cause: AttemptAbortCause | undefined;
  const fire = (which: AttemptAbortCause, reason: unknown): void => {
    if (cause !== undefined) return;
    cause = which;
    controller.abort(reason);
  };

  const onCallerAbort = (): void => fire('caller', abortErrorFor(callerSignal!));
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

  let handle: unknown;
  const budgetFirst =
    remainingBudgetMs !== undefined &&
    (attemptTimeoutMs === undefined || remainingBudgetMs <= attemptTimeoutMs);
  if (budgetFirst) {
    handle = timers.setTimeout(
      () =>
        fire(
          'total',
          new TimeoutError(
            `The call did not finish within its ${options.totalBudgetMs} ms budget`,
            'total',
          ),
        ),
      remainingBudgetMs,
    );
  } else if (attemptTimeoutMs !== undefined) {
    handle = timers.setTimeout(
      () =>
        fire(
          'attempt',
          new TimeoutError(`Attempt ${attempt} timed out after ${attemptTimeoutMs} ms`, 'attempt'),
        ),
      attemptTimeoutMs,
    );
  }

  return {
    signal: controller.signal,
    get cause() {
      return cause;
    },
    inert: false,
    dispose() {
      if (handle !== undefined) timers.clearTimeout(handle);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/**
 * Runs `run` but settles as soon as `signal` aborts (rejecting with its
 * reason), even when `run` ignores the signal; a late result is dropped.
 */
export function raceWithSignal<T>(run: () => Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    let pending: Promise<T>;
    try {
      pending = Promise.resolve(run());
    } catch (error) {
      pending = Promise.reject(error);
    }
    void pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
