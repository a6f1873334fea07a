import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ConnectionError,
  CredentialsError,
  ServiceError,
  TimeoutError,
  ValidationError,
} from '../../src/errors/index.js';
import {
  AWS_THROTTLING_CODES,
  classify,
  type Classification,
  type RetryReason,
} from '../../src/retry/classify.js';

const NOW = new Date(Date.UTC(2026, 0, 15, 12, 0, 0));
const SKEWED = new Date(NOW.getTime() + 10 * 60_000);
const NEAR = new Date(NOW.getTime() + 4 * 60_000);
const aws = { family: 'aws' } as const;
const oci = { family: 'oci' } as const;

function serviceError(status: number, code: string, date?: Date): ServiceError {
  return new ServiceError({
    code,
    message: `${code} happened`,
    status,
    requestId: 'req-1',
    headers: date ? { date: date.toUTCString() } : {},
    body: undefined,
  });
}

const verdict = (retry: boolean, reason: RetryReason): Classification => ({ retry, reason });

describe('classify: package and raw errors (both families)', () => {
  const fetchFailed = new TypeError('fetch failed', {
    cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
  });
  const nockRaw = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

  it.each<[string, unknown, Classification]>([
    ['AbortError as aborted', new AbortError('stop'), verdict(false, 'aborted')],
    [
      'attempt TimeoutError as retryable',
      new TimeoutError('t', 'attempt'),
      verdict(true, 'timeout'),
    ],
    ['total TimeoutError as final', new TimeoutError('t', 'total'), verdict(false, 'timeout')],
    ['ConnectionError as network', new ConnectionError('cut short'), verdict(true, 'network')],
    ['undici TypeError "fetch failed" as network', fetchFailed, verdict(true, 'network')],
    ['a raw error with code ECONNRESET (nock 14) as network', nockRaw, verdict(true, 'network')],
    ['a thrown string as network', 'boom', verdict(true, 'network')],
    ['undefined as network', undefined, verdict(true, 'network')],
    [
      'a DOMException AbortError as aborted',
      new DOMException('aborted', 'AbortError'),
      verdict(false, 'aborted'),
    ],
    [
      'a DOMException TimeoutError as timeout',
      new DOMException('timed out', 'TimeoutError'),
      verdict(true, 'timeout'),
    ],
    [
      'ValidationError as final',
      new ValidationError('x', 'required'),
      verdict(false, 'not-retryable'),
    ],
    ['CredentialsError as final', new CredentialsError('no key'), verdict(false, 'not-retryable')],
  ])('treats %s', (_name, error, expected) => {
    expect(classify(error, aws, NOW)).toEqual(expected);
    expect(classify(error, oci, NOW)).toEqual(expected);
  });
});

describe('classify: AWS service errors', () => {
  it.each([...AWS_THROTTLING_CODES])('treats %s as throttling whatever the status', (code) => {
    expect(classify(serviceError(400, code), aws, NOW)).toEqual(verdict(true, 'throttling'));
  });

  it.each<[string, number, string, Classification]>([
    ['429 without a known code', 429, 'Whatever', verdict(true, 'throttling')],
    ['500', 500, 'InternalServerException', verdict(true, 'transient')],
    ['502', 502, 'BadGateway', verdict(true, 'transient')],
    ['503', 503, 'Unknown', verdict(true, 'transient')],
    ['504', 504, 'Unknown', verdict(true, 'transient')],
    ['RequestTimeout at 400', 400, 'RequestTimeout', verdict(true, 'transient')],
    ['RequestTimeoutException at 408', 408, 'RequestTimeoutException', verdict(true, 'transient')],
    ['InternalError at 400', 400, 'InternalError', verdict(true, 'transient')],
    ['InternalFailure at 400', 400, 'InternalFailure', verdict(true, 'transient')],
    [
      'a namespaced throttling code',
      400,
      'com.amazonaws.athena#ThrottlingException',
      verdict(true, 'throttling'),
    ],
    [
      'a throttling code with a URI suffix',
      400,
      'ThrottlingException:http://x/',
      verdict(true, 'throttling'),
    ],
    [
      '400 InvalidRequestException',
      400,
      'InvalidRequestException',
      verdict(false, 'not-retryable'),
    ],
    [
      '400 ResourceNotFoundException',
      400,
      'ResourceNotFoundException',
      verdict(false, 'not-retryable'),
    ],
    [
      '402 ServiceQuotaExceededException',
      402,
      'ServiceQuotaExceededException',
      verdict(false, 'not-retryable'),
    ],
    ['403 AccessDeniedException', 403, 'AccessDeniedException', verdict(false, 'not-retryable')],
    ['404', 404, 'ResourceNotFoundException', verdict(false, 'not-retryable')],
    ['408 without a transient code', 408, 'Whatever', verdict(false, 'not-retryable')],
    ['409 ConflictException', 409, 'ConflictException', verdict(false, 'not-retryable')],
    ['501', 501, 'NotImplemented', verdict(false, 'not-retryable')],
    ['OCI-only IncorrectState at 409', 409, 'IncorrectState', verdict(false, 'not-retryable')],
  ])('treats %s', (_name, status, code, expected) => {
    expect(classify(serviceError(status, code), aws, NOW)).toEqual(expected);
  });

  it.each(['RequestTimeTooSkewed', 'RequestExpired', 'RequestInTheFuture'])(
    'treats %s as clock skew with the server time, even within 5 minutes',
    (code) => {
      expect(classify(serviceError(403, code, NEAR), aws, NOW)).toEqual({
        retry: true,
        reason: 'clock-skew',
        clockSkew: { serverTime: NEAR },
      });
    },
  );

  it('treats RequestTimeTooSkewed without a Date header as clock skew it cannot fix', () => {
    expect(classify(serviceError(403, 'RequestTimeTooSkewed'), aws, NOW)).toEqual(
      verdict(false, 'clock-skew'),
    );
  });

  it.each(['InvalidSignatureException', 'SignatureDoesNotMatch', 'AuthFailure'])(
    'treats %s as clock skew when the Date header is more than 5 minutes away',
    (code) => {
      expect(classify(serviceError(403, code, SKEWED), aws, NOW)).toEqual({
        retry: true,
        reason: 'clock-skew',
        clockSkew: { serverTime: SKEWED },
      });
    },
  );

  it('treats a skew in the past the same way', () => {
    const past = new Date(NOW.getTime() - 6 * 60_000);
    expect(classify(serviceError(403, 'SignatureDoesNotMatch', past), aws, NOW).reason).toBe(
      'clock-skew',
    );
  });

  it.each<[string, Date | undefined]>([
    ['within 5 minutes', NEAR],
    ['exactly 5 minutes away', new Date(NOW.getTime() + 5 * 60_000)],
    ['absent', undefined],
  ])('treats a signature failure whose Date is %s as final', (_name, date) => {
    expect(classify(serviceError(403, 'InvalidSignatureException', date), aws, NOW)).toEqual(
      verdict(false, 'not-retryable'),
    );
  });

  it('ignores an unparsable Date header', () => {
    const error = serviceError(403, 'SignatureDoesNotMatch');
    error.headers['date'] = 'not a date';
    expect(classify(error, aws, NOW)).toEqual(verdict(false, 'not-retryable'));
  });
});

describe('classify: OCI service errors', () => {
  it.each<[string, number, string, Classification]>([
    ['500', 500, 'InternalServerError', verdict(true, 'transient')],
    ['502', 502, 'Whatever', verdict(true, 'transient')],
    ['503', 503, 'ServiceUnavailable', verdict(true, 'transient')],
    ['504', 504, 'Whatever', verdict(true, 'transient')],
    ['409 IncorrectState', 409, 'IncorrectState', verdict(true, 'transient')],
    ['409 Conflict', 409, 'Conflict', verdict(false, 'not-retryable')],
    ['429 TooManyRequests', 429, 'TooManyRequests', verdict(true, 'throttling')],
    ['429 with another code', 429, 'Throttled', verdict(false, 'not-retryable')],
    ['400 InvalidParameter', 400, 'InvalidParameter', verdict(false, 'not-retryable')],
    [
      '404 NotAuthorizedOrNotFound',
      404,
      'NotAuthorizedOrNotFound',
      verdict(false, 'not-retryable'),
    ],
    ['501', 501, 'Whatever', verdict(false, 'not-retryable')],
    ['AWS throttling code at 400', 400, 'ThrottlingException', verdict(false, 'not-retryable')],
  ])('treats %s', (_name, status, code, expected) => {
    expect(classify(serviceError(status, code), oci, NOW)).toEqual(expected);
  });

  it('treats 401 with a Date more than 5 minutes away as clock skew', () => {
    expect(classify(serviceError(401, 'NotAuthenticated', SKEWED), oci, NOW)).toEqual({
      retry: true,
      reason: 'clock-skew',
      clockSkew: { serverTime: SKEWED },
    });
  });

  it.each<[string, Date | undefined]>([
    ['within 5 minutes', NEAR],
    ['absent', undefined],
  ])('treats 401 whose Date is %s as final', (_name, date) => {
    expect(classify(serviceError(401, 'NotAuthenticated', date), oci, NOW)).toEqual(
      verdict(false, 'not-retryable'),
    );
  });

  it('does not treat a skewed Date on a 403 as clock skew', () => {
    expect(classify(serviceError(403, 'NotAllowed', SKEWED), oci, NOW)).toEqual(
      verdict(false, 'not-retryable'),
    );
  });
});

describe('classify: defaults', () => {
  it('compares the Date header with the current time when no time is given', () => {
    const farFuture = new Date(Date.now() + 60 * 60_000);
    expect(classify(serviceError(401, 'NotAuthenticated', farFuture), oci).reason).toBe(
      'clock-skew',
    );
  });
});
