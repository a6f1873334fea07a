import { parseHttpDate } from './http-date.js';

const DELTA_SECONDS = /^\d+$/;
const MILLISECONDS = /^\d+(?:\.\d+)?$/;

/**
 * How long the server asked us to wait, in milliseconds.
 *
 * - `retry-after-ms` (non-negative milliseconds, fractions allowed) wins when
 *   present and valid: it is the more precise form, sent by some gateways and
 *   read first by openai-node (peers.md §3).
 * - `retry-after` is `delta-seconds` (`1*DIGIT`) or an HTTP-date
 *   (RFC 9110 §10.2.3; IMF-fixdate, RFC 850 and asctime per §5.6.7).
 *   An HTTP-date is measured against the response's own `Date` header when it
 *   has one, so a skewed local clock does not stretch or shrink the wait;
 *   otherwise against `now`. A date in the past means "now" (0).
 *
 * Negative numbers, fractions of seconds, and anything unparsable give
 * `undefined` (no hint). The result is clamped to `[0, maxMs]`.
 *
 * @param headers - response headers with lower-case names.
 * @param now - local epoch milliseconds.
 * @param maxMs - largest wait to return.
 */
export function parseRetryAfter(
  headers: Record<string, string>,
  now: number,
  maxMs: number,
): number | undefined {
  const clamp = (ms: number): number => Math.min(Math.max(ms, 0), Math.max(maxMs, 0));

  const precise = headers['retry-after-ms']?.trim();
  if (precise !== undefined && MILLISECONDS.test(precise)) return clamp(Number(precise));

  const value = headers['retry-after']?.trim();
  if (value === undefined || value === '') return undefined;
  if (DELTA_SECONDS.test(value)) return clamp(Number(value) * 1000);

  const until = parseHttpDate(value, now);
  if (until === undefined) return undefined;
  const reference = parseHttpDate(headers['date'], now) ?? now;
  return clamp(until - reference);
}
