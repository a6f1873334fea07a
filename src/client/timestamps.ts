/**
 * Where timestamps sit in an operation's output and how they are written on the wire. The
 * generator derives a plan from the spec's `x-timestamp` markers; `applyTimestamps` turns the
 * marked values into `Date` in place, so callers get `Date` at runtime and not only in types
 * (openapi-typescript#544, oracle/oci-typescript-sdk#327).
 */
import { rfc3339UtcMillis } from './rfc3339.js';

/** How a timestamp is written on the wire (the spec's `x-timestamp`). */
export type TimestampFormat = 'epoch-seconds' | 'iso8601';

/** Turns one wire value into a `Date`; anything that is not one of its format is returned as is. */
export type TimestampParser = (value: unknown) => unknown;

/**
 * Where timestamps are, with the parser of each. Parsers are functions, not format names, so
 * a client's bundle carries only the parsers its service uses (Athena's has no ISO 8601 code).
 */
export type TimestampPlan = { readonly [member: string]: TimestampParser | NestedPlan };

/** `items`: apply to every element of an array; `values`: to every value of a map. */
export interface NestedPlan {
  readonly items?: TimestampPlan | TimestampParser;
  readonly values?: TimestampPlan | TimestampParser;
  readonly fields?: TimestampPlan;
}

/** awsJson's default format: seconds since the epoch as a JSON number, possibly fractional. */
export const epochSeconds: TimestampParser = (value) =>
  typeof value === 'number' ? new Date(Math.round(value * 1000)) : value;

/** RFC 3339 date-time strings; offsets accepted as the AWS SDK's parseRfc3339DateTimeWithOffset does. */
export const iso8601: TimestampParser = (value) => {
  if (typeof value !== 'string') return value;
  const millis = rfc3339UtcMillis(value);
  if (millis !== undefined) return new Date(millis);
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date;
};

export function applyTimestamps(data: unknown, plan: TimestampPlan): void {
  if (typeof data !== 'object' || data === null) return;
  const record = data as Record<string, unknown>;
  for (const member in plan) {
    const value = record[member];
    if (value === undefined || value === null) continue;
    const rule = plan[member]!;
    if (typeof rule === 'function') record[member] = rule(value);
    else applyNested(record, member, rule);
  }
}

function applyNested(record: Record<string, unknown>, member: string, rule: NestedPlan): void {
  const value = record[member];
  if (rule.fields) applyTimestamps(value, rule.fields);
  if (rule.items && Array.isArray(value)) {
    const items = rule.items;
    for (let i = 0; i < value.length; i++) {
      if (typeof items === 'function') value[i] = items(value[i]);
      else applyTimestamps(value[i], items);
    }
  }
  if (rule.values && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const values = rule.values;
    const map = value as Record<string, unknown>;
    for (const key in map) {
      if (typeof values === 'function') map[key] = values(map[key]);
      else applyTimestamps(map[key], values);
    }
  }
}
