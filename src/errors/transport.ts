import { CloudSessionsError } from './base.js';

/** The connection failed or the response body was cut short; no (complete) response arrived. */
export class ConnectionError extends CloudSessionsError {
  override name = 'ConnectionError';
  override retryable = true;
}

/** An attempt or the whole call ran out of time. */
export class TimeoutError extends CloudSessionsError {
  override name = 'TimeoutError';
  override retryable = true;
  constructor(
    message: string,
    /** `attempt`: one attempt exceeded its timeout; `total`: the call's time budget ran out. */
    readonly scope: 'attempt' | 'total',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The caller's AbortSignal fired. Never retried. */
export class AbortError extends CloudSessionsError {
  override name = 'AbortError';
}
