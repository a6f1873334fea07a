import {
  AbortError,
  ConnectionError,
  ServiceError,
  TimeoutError,
  isCloudSessionsError,
} from '../errors/index.js';
import { parseHttpDate } from './http-date.js';
import type { RetryPolicy } from './policy.js';

/** Why an error is (or is not) retried. */
export type RetryReason =
  'throttling' | 'transient' | 'timeout' | 'network' | 'clock-skew' | 'not-retryable' | 'aborted';

/** The verdict on one failed attempt. */
export interface Classification {
  retry: boolean;
  reason: RetryReason;
  /** Set for `clock-skew` when the response carried a usable `Date` header. */
  clockSkew?: { serverTime: Date };
}

/**
 * Throttling error codes, retried whatever the status. Union of
 * `@smithy/service-error-classification` `THROTTLING_ERROR_CODES` and botocore
 * `retries/standard.py` `ThrottledRetryableChecker._THROTTLED_ERROR_CODES`
 * (identical lists).
 */
export const AWS_THROTTLING_CODES: ReadonlySet<string> = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);

/**
 * Transient error codes, retried whatever the status: `RequestTimeout`,
 * `RequestTimeoutException` (`TRANSIENT_ERROR_CODES`, botocore
 * `TransientRetryableChecker`), plus the server-fault codes AWS documents as
 * 500/503 ("Common Errors": `InternalFailure`, `ServiceUnavailable`; S3
 * `InternalError`; the modelled Athena/Nimble 500s, aws-contracts.md §1.5, §2.6)
 * so a proxy that rewrites the status does not hide them.
 */
export const AWS_TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalError',
  'InternalFailure',
  'InternalServerError',
  'InternalServerException',
  'InternalServerErrorException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);

/**
 * Codes that always mean the signing time was rejected
 * (`CLOCK_SKEW_ERROR_CODES` in `@smithy/service-error-classification`).
 */
export const AWS_CLOCK_SKEW_CODES: ReadonlySet<string> = new Set([
  'RequestTimeTooSkewed',
  'RequestExpired',
  'RequestInTheFuture',
]);

/**
 * Signature failures that are clock skew only when the server's `Date` is far
 * from ours; otherwise they are real credential/signing errors.
 */
export const AWS_SIGNATURE_CODES: ReadonlySet<string> = new Set([
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'AuthFailure',
]);

/** 429 plus the `TRANSIENT_ERROR_STATUS_CODES` of SDK v3 / botocore. */
const AWS_THROTTLING_STATUS = new Set([429]);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);

/** SigV4 and OCI signatures are valid for 5 minutes around the server's time. */
export const CLOCK_SKEW_THRESHOLD_MS = 5 * 60 * 1000;

const RETRY = (reason: RetryReason): Classification => ({ retry: true, reason });
const STOP = (reason: RetryReason): Classification => ({ retry: false, reason });

/**
 * Decides whether a failed attempt may be retried, and why.
 *
 * - `AbortError`: never (`aborted`). `TimeoutError`: scope `attempt` yes,
 *   `total` no (`timeout`). `ConnectionError`: yes (`network`).
 * - `ServiceError`: the family rules below.
 * - Anything else (undici's `TypeError('fetch failed')`, nock 14's raw
 *   errors with `code: 'ECONNRESET'`, peers.md §4): `network`, retried —
 *   except a DOMException-style `AbortError` (`aborted`) or `TimeoutError`
 *   (`timeout`, retried) as `fetch` throws for signals.
 *
 * AWS: clock skew first (see `AWS_CLOCK_SKEW_CODES`, `AWS_SIGNATURE_CODES`),
 * then throttling codes or 429, transient codes or 500/502/503/504; every other
 * status is final. OCI (oci-common `DefaultRetryCondition`, oci-contracts.md
 * §2.5): 500/502/503/504; 409 only with code `IncorrectState`; 429 only with
 * code `TooManyRequests`; 401 whose `Date` is more than 5 minutes from `now`
 * is clock skew.
 *
 * @param now - our (skew-corrected) current time, compared with the `Date` header.
 */
export function classify(
  error: unknown,
  policy: Pick<RetryPolicy, 'family'>,
  now: Date = new Date(),
): Classification {
  if (error instanceof AbortError) return STOP('aborted');
  if (error instanceof TimeoutError)
    return error.scope === 'attempt' ? RETRY('timeout') : STOP('timeout');
  if (error instanceof ConnectionError) return RETRY('network');
  if (error instanceof ServiceError) {
    return policy.family === 'aws' ? classifyAws(error, now) : classifyOci(error, now);
  }
  if (isCloudSessionsError(error)) return STOP('not-retryable');
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError') return STOP('aborted');
  if (name === 'TimeoutError') return RETRY('timeout');
  return RETRY('network');
}

function classifyAws(error: ServiceError, now: Date): Classification {
  const code = normaliseAwsCode(error.code);
  if (AWS_CLOCK_SKEW_CODES.has(code)) {
    const serverTime = serverDate(error, now);
    return serverTime
      ? { retry: true, reason: 'clock-skew', clockSkew: { serverTime } }
      : STOP('clock-skew');
  }
  if (AWS_SIGNATURE_CODES.has(code)) {
    const skew = skewedServerTime(error, now);
    if (skew) return skew;
  }
  if (AWS_THROTTLING_CODES.has(code)) return RETRY('throttling');
  if (AWS_TRANSIENT_CODES.has(code)) return RETRY('transient');
  if (AWS_THROTTLING_STATUS.has(error.status ?? 0)) return RETRY('throttling');
  if (TRANSIENT_STATUS.has(error.status ?? 0)) return RETRY('transient');
  return STOP('not-retryable');
}

function classifyOci(error: ServiceError, now: Date): Classification {
  const status = error.status ?? 0;
  if (TRANSIENT_STATUS.has(status)) return RETRY('transient');
  if (status === 409 && error.code === 'IncorrectState') return RETRY('transient');
  if (status === 429 && error.code === 'TooManyRequests') return RETRY('throttling');
  if (status === 401) {
    const skew = skewedServerTime(error, now);
    if (skew) return skew;
  }
  return STOP('not-retryable');
}

/**
 * A clock-skew verdict when the response `Date` is more than
 * `CLOCK_SKEW_THRESHOLD_MS` away from `now`, else `undefined`.
 */
function skewedServerTime(error: ServiceError, now: Date): Classification | undefined {
  const serverTime = serverDate(error, now);
  if (!serverTime) return undefined;
  if (Math.abs(serverTime.getTime() - now.getTime()) <= CLOCK_SKEW_THRESHOLD_MS) return undefined;
  return { retry: true, reason: 'clock-skew', clockSkew: { serverTime } };
}

function serverDate(error: ServiceError, now: Date): Date | undefined {
  const ms = parseHttpDate(error.headers?.['date'], now.getTime());
  return ms === undefined ? undefined : new Date(ms);
}

/**
 * `aws.protocols` error codes may arrive as `ns#Name` or `Name:uri`
 * (`x-amzn-ErrorType`); clients keep the part after the last `#` and before
 * the first `:` (aws-contracts.md §1.5).
 */
function normaliseAwsCode(code: string): string {
  const afterHash = code.slice(code.lastIndexOf('#') + 1);
  const colon = afterHash.indexOf(':');
  return colon === -1 ? afterHash : afterHash.slice(0, colon);
}
