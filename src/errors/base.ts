/**
 * One base class for every error this package throws, so callers can catch
 * `CloudSessionsError` (or test `isCloudSessionsError`, which also works across
 * realms and duplicated package copies, where `instanceof` does not).
 */
export class CloudSessionsError extends Error {
  override name = 'CloudSessionsError';
  /** True when sending the same request again may succeed. */
  retryable = false;
  /** HTTP status of the last response, when there was one. */
  status: number | undefined;
  /** Service request id (`x-amzn-RequestId` / `opc-request-id`) of the last response. */
  requestId: string | undefined;
  /** Attempts made before this error was raised (1 when nothing was retried). */
  attempts = 1;
  /** Milliseconds spent waiting between attempts. */
  totalRetryDelayMs = 0;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Subclasses also declare `name` as a literal, which wins over this: minifiers rename
    // classes, and users match on the name.
    this.name = new.target.name;
  }

  /** Brand read by {@link isCloudSessionsError}; survives realms and duplicated package copies. */
  get isCloudSessionsError(): true {
    return true;
  }
}

/**
 * True for any error this package throws. Prefer it to `instanceof CloudSessionsError` where the
 * error may come from another realm (an iframe, a worker) or another copy of the package.
 */
export function isCloudSessionsError(value: unknown): value is CloudSessionsError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { isCloudSessionsError?: unknown }).isCloudSessionsError === true
  );
}
