import { PaginationError, ValidationError } from '../errors/index.js';
import type { PaginatorSpec } from './contract.js';
import { pythonInt } from './python-int.js';
import { decodeStartingToken, type ResumePosition } from './resume-token.js';
import type { RetryPolicy } from '../retry/policy.js';
import type { ValidationMode } from '../client/validate-checks.js';

/**
 * boto3's `PaginationConfig`, in this package's casing. The semantics are botocore's
 * (botocore/paginate.py); see `resolvePaginationConfig` (src/paginate/config.ts) for the checks.
 */
export interface PaginationConfig {
  /**
   * Total number of result items to yield across all pages. When the limit falls inside a
   * page, that page is cut and `resumeToken` points into it. `0` still requests one page and
   * yields it emptied, with a resume token for its first item, as botocore does.
   */
  maxItems?: number;
  /** A `resumeToken` from an earlier run (or, as in botocore, a raw service token). */
  startingToken?: string;
  /** Items per request, sent in the operation's page-size member; rejected when it has none. */
  pageSize?: number;
  /** Aborts the page in flight and stops before the next one with an `AbortError`. */
  signal?: AbortSignal;
  /**
   * Retry policy overrides for every page request (as a call's `retry` option); `false` turns
   * retries off. Unset: the client's policy. Not a botocore option.
   */
  retry?: Partial<RetryPolicy> | false;
  /** Extra request headers for every page request (as a call's `headers` option). Not a botocore option. */
  headers?: Record<string, string>;
  /**
   * Validation mode for `pageSize` and every page request (as a call's `validation` option).
   * Unset: `pageSize` is checked against the page-size member's minimum only, and each request
   * in the client's mode. Not a botocore option.
   */
  validation?: ValidationMode;
}

/** A {@link PaginationConfig} after validation. */
export interface ResolvedPaginationConfig {
  readonly maxItems: number | undefined;
  readonly pageSize: number | undefined;
  /** Where the run starts when a `startingToken` was given. */
  readonly start: (ResumePosition & { readonly truncateAmount: number }) | undefined;
  readonly signal: AbortSignal | undefined;
}

/**
 * Validates `config` before any request is sent.
 *
 * - `maxItems` goes through Python's `int()` like botocore's (`2.7` -> 2, `'5'` -> 5). Where
 *   `int()` raises (NaN, infinity, `'abc'`, objects) this throws a `ValidationError` on
 *   `config.maxItems`. Negative values are rejected too: botocore accepts them and then
 *   cuts `-n` items off the first page's end, emitting a negative `boto_truncate_amount`.
 * - `pageSize` without a `limitKey` is botocore's `PaginationError` ("PageSize parameter is
 *   not supported for the pagination interface for this operation."); otherwise it goes
 *   through `int()` and must be at least `limitRange`'s minimum, and, with `validation:
 *   'strict'`, at most its maximum (`ValidationError` on `config.pageSize`). The maximum is
 *   the service's to enforce otherwise, as botocore leaves it: services raise page-size limits
 *   without a new API version (issue 14). A strict client still refuses the request itself.
 * - `startingToken` is decoded now rather than on the first request (botocore defers it),
 *   so a bad token fails before anything is sent.
 */
export function resolvePaginationConfig(
  spec: PaginatorSpec,
  inputTokens: readonly string[],
  config: PaginationConfig | undefined,
): ResolvedPaginationConfig {
  return {
    maxItems: resolveMaxItems(config?.maxItems),
    pageSize: resolvePageSize(spec, config?.pageSize, config?.validation ?? 'default'),
    start: resolveStart(spec, inputTokens, config?.startingToken),
    signal: config?.signal,
  };
}

function resolveMaxItems(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = pythonInt(value);
  if (!parsed.ok) throw new ValidationError('config.maxItems', 'integer', parsed.reason);
  if (parsed.value < 0) {
    throw new ValidationError('config.maxItems', '>= 0', `must be 0 or more, got ${parsed.value}`);
  }
  return parsed.value;
}

function resolvePageSize(
  spec: PaginatorSpec,
  value: unknown,
  mode: ValidationMode,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (spec.limitKey === undefined) {
    throw new PaginationError(
      'PageSize parameter is not supported for the pagination interface for this operation.',
    );
  }
  const parsed = pythonInt(value);
  if (!parsed.ok) throw new ValidationError('config.pageSize', 'integer', parsed.reason);
  const [min = 1, max = Number.MAX_SAFE_INTEGER] = spec.limitRange ?? [];
  if (mode === 'default' && parsed.value < min) {
    throw new ValidationError(
      'config.pageSize',
      `minimum ${min}`,
      `must be ${min} or more (${spec.operation} ${spec.limitKey}), got ${parsed.value}`,
    );
  }
  if (mode === 'strict' && (parsed.value < min || parsed.value > max)) {
    throw new ValidationError(
      'config.pageSize',
      `range ${min}..${max}`,
      `must be between ${min} and ${max} (${spec.operation} ${spec.limitKey}), got ${parsed.value}`,
    );
  }
  return parsed.value;
}

function resolveStart(
  spec: PaginatorSpec,
  inputTokens: readonly string[],
  token: unknown,
): ResolvedPaginationConfig['start'] {
  if (token === undefined || token === null) return undefined;
  if (typeof token !== 'string') {
    throw new ValidationError(
      'config.startingToken',
      'string',
      `must be a string, got ${typeof token}`,
    );
  }
  return decodeStartingToken(token, inputTokens, spec.operation);
}
