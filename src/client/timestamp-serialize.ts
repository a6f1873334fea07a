/**
 * Input timestamps: `Date` values in a call's input, written in the wire format the spec's
 * `x-timestamp` gives each member. The formats and their precision follow botocore's
 * serializer (botocore/serialize.py, default precision), the reference the wire tests compare
 * against (test/client/timestamp-serialize.test.ts runs it):
 *
 * - `epoch-seconds`: whole seconds since the epoch as a JSON number (`_timestamp_unixtimestamp`:
 *   `int(calendar.timegm(value.timetuple()))`, so milliseconds are dropped, rounding down).
 *   awsJson's default, and restJson1's default in a JSON body.
 * - `iso8601`: `2024-01-02T03:04:05Z`, or with six fraction digits when there is a fraction
 *   (`ISO8601_MICRO`, `%Y-%m-%dT%H:%M:%S.%fZ`). restJson1's default in a query string.
 * - `http-date`: IMF-fixdate, RFC 9110 §5.6.7 (`email.utils.formatdate(usegmt=True)`), whole
 *   seconds. restJson1's default in a header.
 *
 * Output timestamps are parsed in timestamps.ts; this module only writes.
 */
import { ValidationError } from '../errors/index.js';

/** Writes one valid `Date` as its wire value. */
export type TimestampFormatter = (date: Date) => string | number;

/**
 * Where `Date` values sit in an operation's input, keyed by input member name, with the
 * formatter of each: a formatter, or `items` / `values` / `fields` for lists, maps and
 * structures (the same shape as the output plan in timestamps.ts).
 */
export type InputTimestampPlan = {
  readonly [member: string]: TimestampFormatter | NestedInputPlan;
};

export interface NestedInputPlan {
  readonly items?: InputTimestampPlan | TimestampFormatter;
  readonly values?: InputTimestampPlan | TimestampFormatter;
  readonly fields?: InputTimestampPlan;
}

/** Whole seconds since the epoch, rounded down like botocore's `int(timegm(...))`. */
export const toEpochSeconds: TimestampFormatter = (date) => Math.floor(date.getTime() / 1000);

/** ISO 8601 in UTC, botocore's form: no fraction when it is zero, else microseconds. */
export const toIso8601: TimestampFormatter = (date) => {
  const iso = date.toISOString(); // 2024-01-02T03:04:05.678Z; six-digit years keep their sign
  const millis = date.getUTCMilliseconds();
  const seconds = iso.slice(0, iso.lastIndexOf('.'));
  return millis === 0 ? `${seconds}Z` : `${seconds}.${String(millis).padStart(3, '0')}000Z`;
};

/** IMF-fixdate (`Tue, 14 Nov 2023 22:13:20 GMT`); `toUTCString` is specified to produce it. */
export const toHttpDate: TimestampFormatter = (date) => date.toUTCString();

/** A `Date` whose time is a number (`new Date('x')` is a Date too, but an invalid one). */
export function isValidDate(value: unknown): value is Date {
  // Not instanceof: a Date from another realm (an iframe, a vm context) is still a Date.
  return (
    Object.prototype.toString.call(value) === '[object Date]' &&
    !Number.isNaN((value as Date).getTime())
  );
}

function format(value: unknown, formatter: TimestampFormatter, where: string): string | number {
  if (!isValidDate(value)) {
    const got =
      Object.prototype.toString.call(value) === '[object Date]' ? 'an invalid Date' : typeof value;
    throw new ValidationError(
      where,
      'type timestamp',
      `${where} must be a valid Date (got ${got})`,
    );
  }
  return formatter(value);
}

/**
 * A copy of `input` with every planned `Date` replaced by its wire value; members the plan does
 * not name are shared, not copied, and the caller's input is never changed (it may be reused
 * for the next call). Throws a ValidationError naming the member path (`Filter.CreatedAfter`,
 * `Times[2]`) when a planned value is not a valid Date, before anything is sent.
 */
export function serializeTimestamps<T extends object>(input: T, plan: InputTimestampPlan): T {
  return writeFields(input as Record<string, unknown>, plan, '') as T;
}

function writeFields(
  record: Record<string, unknown>,
  plan: InputTimestampPlan,
  prefix: string,
): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const member in plan) {
    const value = record[member];
    if (value === undefined || value === null) continue;
    const written = writeValue(value, plan[member]!, `${prefix}${member}`);
    if (written !== value) (copy ??= { ...record })[member] = written;
  }
  return copy ?? record;
}

function writeValue(
  value: unknown,
  rule: TimestampFormatter | NestedInputPlan | InputTimestampPlan,
  where: string,
): unknown {
  if (typeof rule === 'function') return format(value, rule, where);
  const nested = rule as NestedInputPlan;
  if (nested.items && Array.isArray(value)) {
    return value.map((item, i) =>
      item === undefined || item === null
        ? item
        : writeElement(item, nested.items!, `${where}[${i}]`),
    );
  }
  if (nested.values && isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const key in value) {
      const item = value[key];
      out[key] =
        item === undefined || item === null
          ? item
          : writeElement(item, nested.values, `${where}.${key}`);
    }
    return out;
  }
  if (nested.fields && isRecord(value)) return writeFields(value, nested.fields, `${where}.`);
  return value;
}

function writeElement(
  value: unknown,
  rule: InputTimestampPlan | TimestampFormatter,
  where: string,
): unknown {
  if (typeof rule === 'function') return format(value, rule, where);
  return isRecord(value) ? writeFields(value, rule, `${where}.`) : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
