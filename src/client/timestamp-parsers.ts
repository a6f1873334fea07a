/**
 * Output timestamp parsers: a wire value to a `Date`, or `undefined` when the value is not a
 * timestamp of the format or lies outside what `Date` can hold. Callers turn `undefined` into
 * an error (output-timestamps.ts): a member typed `Date` is a valid `Date` at runtime or the
 * call fails (issue 16), never the raw string, a number or `Invalid Date`.
 */
import { rfc3339UtcMillis } from './rfc3339.js';

/** A parser of one wire format; `expected` names the format in error messages. */
export interface TimestampParser {
  /** The `Date` the wire value stands for, or `undefined` when it is not one of this format. */
  (value: unknown): Date | undefined;
  /** What the format is, for error messages, e.g. `timestamp (epoch seconds)`. */
  readonly expected: string;
}

/** ECMAScript's time value range: ±100,000,000 days around the epoch (ECMA-262 §21.4.1.1). */
export const MAX_TIME_MS = 8.64e15;

function parser(expected: string, parse: (value: unknown) => Date | undefined): TimestampParser {
  return Object.assign(parse, { expected });
}

/**
 * awsJson's default format: seconds since the epoch as a JSON number, possibly fractional
 * (Smithy `epoch-seconds`). Strings, NaN, infinities and values past the `Date` range are refused.
 */
export const epochSeconds: TimestampParser = parser('timestamp (epoch seconds)', (value) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const millis = Math.round(value * 1000);
  return Math.abs(millis) <= MAX_TIME_MS ? new Date(millis) : undefined;
});

/**
 * RFC 3339 `date-time` (Smithy `date-time`): `T`/`t`, `Z`/`z` or a `±HH:MM` offset, any number
 * of fraction digits (the first three count, as in ECMAScript). Years are four digits or
 * ECMAScript's expanded `±YYYYYY` (ECMA-262 §21.4.1.32), so every `Date` written by
 * `toISOString()` reads back. Second 60 (a leap second, RFC 3339 §5.7) reads as the next
 * second, as the AWS SDK's `parseRfc3339DateTimeWithOffset` does; `24:00:00` reads as the
 * next midnight, as `Date.parse` does.
 */
export const iso8601: TimestampParser = parser('timestamp (RFC 3339 date-time)', (value) => {
  if (typeof value !== 'string') return undefined;
  const fast = rfc3339UtcMillis(value);
  if (fast !== undefined) return new Date(fast);
  const millis = rfc3339Millis(value);
  return millis === undefined ? undefined : new Date(millis);
});

const RFC3339 =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** Epoch milliseconds of any RFC 3339 date-time within the `Date` range, else `undefined`. */
export function rfc3339Millis(value: string): number | undefined {
  const m = RFC3339.exec(value);
  if (!m) return undefined;
  // ECMA-262 forbids -000000 (year 0 has one spelling).
  if (m[1] === '-000000') return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const endOfDay = hour === 24 && minute === 0 && second === 0 && millis === 0;
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    (hour > 23 && !endOfDay) ||
    minute > 59 ||
    second > 60
  ) {
    return undefined;
  }
  let offsetMinutes = 0;
  if (m[8] !== undefined) {
    const offsetHour = Number(m[9]);
    const offsetMinute = Number(m[10]);
    if (offsetHour > 23 || offsetMinute > 59) return undefined;
    offsetMinutes = (m[8] === '-' ? -1 : 1) * (offsetHour * 60 + offsetMinute);
  }
  // setUTCFullYear takes years as they are (Date.UTC would read 0-99 as 1900-1999).
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  const time = date.getTime() - offsetMinutes * 60_000;
  return Number.isFinite(time) && Math.abs(time) <= MAX_TIME_MS ? time : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}
