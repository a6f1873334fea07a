import { CloudSessionsError } from './base.js';

/** The connection failed or the response body was cut short; no (complete) response arrived. */
export class ConnectionError extends CloudSessionsError {
  override name = 'ConnectionError';
  override retryable = true;
}

/**
 * A failure's message with the system error code when there is one, e.g.
 * `fetch failed (ECONNREFUSED)`: undici and nock put the code on `cause`.
 */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code =
    (error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
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
