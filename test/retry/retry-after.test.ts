import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpDate } from '../../src/retry/http-date.js';
import { parseRetryAfter } from '../../src/retry/retry-after.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const MAX = 60_000;
const RFC9110_EXAMPLE = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('parseHttpDate', () => {
  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['RFC 850', 'Sunday, 06-Nov-94 08:49:37 GMT'],
    ['asctime with space-padded day', 'Sun Nov  6 08:49:37 1994'],
    ['IMF-fixdate with surrounding whitespace', '  Sun, 06 Nov 1994 08:49:37 GMT '],
  ])('reads the RFC 9110 §5.6.7 example in %s form', (_form, value) => {
    expect(parseHttpDate(value, NOW)).toBe(RFC9110_EXAMPLE);
  });

  it.each([
    ['94 as 1994', 'Sunday, 06-Nov-94 08:49:37 GMT', 1994],
    ['26 as 2026', 'Thursday, 15-Jan-26 12:00:00 GMT', 2026],
    ['30 as 2030 (less than 50 years ahead)', 'Tuesday, 15-Jan-30 12:00:00 GMT', 2030],
    [
      '80 as 1980 (2080 would be more than 50 years ahead)',
      'Tuesday, 15-Jan-80 12:00:00 GMT',
      1980,
    ],
    ['00 as 2000', 'Saturday, 01-Jan-00 00:00:00 GMT', 2000],
  ])('resolves the RFC 850 two-digit year %s', (_name, value, year) => {
    expect(new Date(parseHttpDate(value, NOW)!).getUTCFullYear()).toBe(year);
  });

  it('accepts a leap second', () => {
    expect(parseHttpDate('Wed, 31 Dec 2025 23:59:60 GMT', NOW)).toBe(Date.UTC(2026, 0, 1));
  });

  it.each([
    ['an impossible day', 'Thu, 31 Apr 2026 00:00:00 GMT'],
    ['29 February of a common year', 'Sun, 29 Feb 2026 00:00:00 GMT'],
    ['hour 24', 'Thu, 15 Jan 2026 24:00:00 GMT'],
    ['minute 60', 'Thu, 15 Jan 2026 12:60:00 GMT'],
    ['day 00', 'Thu, 00 Jan 2026 12:00:00 GMT'],
    ['a lower-case zone', 'Thu, 15 Jan 2026 12:00:00 gmt'],
    ['a zone other than GMT', 'Thu, 15 Jan 2026 12:00:00 UTC'],
    ['a numeric offset', 'Thu, 15 Jan 2026 12:00:00 +0000'],
    ['an unknown day name', 'Fun, 15 Jan 2026 12:00:00 GMT'],
    ['an unknown month', 'Thu, 15 Foo 2026 12:00:00 GMT'],
    ['a lower-case month', 'Thu, 15 jan 2026 12:00:00 GMT'],
    ['a short day name in RFC 850 form', 'Thu, 15-Jan-26 12:00:00 GMT'],
    ['a one-digit day in IMF-fixdate', 'Thu, 5 Jan 2026 12:00:00 GMT'],
    ['ISO 8601', '2026-01-15T12:00:00Z'],
    ['a bare number', '1'],
    ['an empty string', ''],
  ])('rejects %s', (_name, value) => {
    expect(parseHttpDate(value, NOW)).toBeUndefined();
  });

  it('returns undefined for a missing value', () => {
    expect(parseHttpDate(undefined, NOW)).toBeUndefined();
  });

  it('reads back every Date#toUTCString() output (IMF-fixdate) to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253402300799 }), (seconds) => {
        const ms = seconds * 1000;
        expect(parseHttpDate(new Date(ms).toUTCString(), NOW)).toBe(ms);
      }),
    );
  });
});

describe('parseRetryAfter', () => {
  const at = (ms: number) => new Date(ms).toUTCString();

  it.each<[string, Record<string, string>, number | undefined]>([
    ['delta-seconds', { 'retry-after': '5' }, 5_000],
    ['zero delta-seconds', { 'retry-after': '0' }, 0],
    ['delta-seconds with whitespace', { 'retry-after': ' 7 ' }, 7_000],
    ['negative delta-seconds as no hint', { 'retry-after': '-5' }, undefined],
    ['fractional seconds as no hint', { 'retry-after': '1.5' }, undefined],
    ['garbage as no hint', { 'retry-after': 'soon' }, undefined],
    ['an empty value as no hint', { 'retry-after': '' }, undefined],
    ['no header as no hint', {}, undefined],
    ['retry-after-ms', { 'retry-after-ms': '1500' }, 1_500],
    ['fractional retry-after-ms', { 'retry-after-ms': '2.5' }, 2.5],
    ['retry-after-ms before retry-after', { 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [
      'retry-after when retry-after-ms is garbage',
      { 'retry-after-ms': 'x', 'retry-after': '2' },
      2_000,
    ],
    ['negative retry-after-ms as no hint', { 'retry-after-ms': '-1' }, undefined],
    ['delta-seconds clamped to the maximum', { 'retry-after': '100' }, MAX],
    ['retry-after-ms clamped to the maximum', { 'retry-after-ms': '999999' }, MAX],
    ['a huge delta clamped to the maximum', { 'retry-after': '99999999999999999999' }, MAX],
    ['an IMF-fixdate 30 s ahead', { 'retry-after': at(NOW + 30_000) }, 30_000],
    ['an RFC 850 date 30 s ahead', { 'retry-after': 'Thursday, 15-Jan-26 12:00:30 GMT' }, 30_000],
    ['an asctime date 30 s ahead', { 'retry-after': 'Thu Jan 15 12:00:30 2026' }, 30_000],
    ['a date in the past as 0', { 'retry-after': at(NOW - 30_000) }, 0],
    ['a date far ahead clamped to the maximum', { 'retry-after': at(NOW + 3_600_000) }, MAX],
    ['an invalid date as no hint', { 'retry-after': 'Thu, 31 Apr 2026 00:00:00 GMT' }, undefined],
  ])('reads %s', (_name, headers, expected) => {
    expect(parseRetryAfter(headers, NOW, MAX)).toBe(expected);
  });

  it('measures an HTTP-date against the response Date header, not the skewed local clock', () => {
    const serverNow = NOW + 3_600_000;
    const headers = { date: at(serverNow), 'retry-after': at(serverNow + 10_000) };
    expect(parseRetryAfter(headers, NOW, MAX)).toBe(10_000);
  });

  it('falls back to the local clock when the Date header is unusable', () => {
    const headers = { date: 'yesterday', 'retry-after': at(NOW + 10_000) };
    expect(parseRetryAfter(headers, NOW, MAX)).toBe(10_000);
  });

  it('returns 0 for any hint when the maximum is 0', () => {
    expect(parseRetryAfter({ 'retry-after': '5' }, NOW, 0)).toBe(0);
  });

  it('turns any delta-seconds into min(seconds * 1000, max)', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(1_000_000), (seconds, max) => {
        expect(parseRetryAfter({ 'retry-after': String(seconds) }, NOW, max)).toBe(
          Math.min(seconds * 1000, max),
        );
      }),
    );
  });

  it('never returns a value outside [0, max] for arbitrary header text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (retryAfter, retryAfterMs) => {
        const result = parseRetryAfter(
          { 'retry-after': retryAfter, 'retry-after-ms': retryAfterMs },
          NOW,
          MAX,
        );
        if (result !== undefined) {
          expect(result).toBeGreaterThanOrEqual(0);
          expect(result).toBeLessThanOrEqual(MAX);
        }
      }),
    );
  });
});
