export {
  AWS_STANDARD,
  OCI_DEFAULT,
  NO_RETRIES,
  resolveRetryPolicy,
  type RetryPolicy,
  type RetryQuotaConfig,
} from './policy.js';
export {
  classify,
  AWS_THROTTLING_CODES,
  AWS_TRANSIENT_CODES,
  AWS_CLOCK_SKEW_CODES,
  AWS_SIGNATURE_CODES,
  CLOCK_SKEW_THRESHOLD_MS,
  type Classification,
  type RetryReason,
} from './classify.js';
export { parseRetryAfter } from './retry-after.js';
export { parseHttpDate } from './http-date.js';
export { delay } from './delay.js';
export { RetryQuota, createRetryQuota } from './quota.js';
export { sleep, defaultTimers, abortErrorFor, type Timers } from './sleep.js';
export { withRetries, type AttemptContext, type RetryInfo, type RetryOptions } from './run.js';
