/**
 * Turns the timestamps of an operation's output into `Date` in place, following the plan the
 * generator derived from the spec's `x-timestamp` markers, so callers get `Date` at runtime and
 * not only in types (openapi-typescript#544, oracle/oci-typescript-sdk#327). A marked value
 * that does not parse fails the call with an InvalidResponseError naming the operation and the
 * member path (issue 16): a silent raw string or `Invalid Date` would surface far from its cause.
 */
import { InvalidResponseError } from '../errors/index.js';
import type { TimestampParser } from './timestamp-parsers.js';

/** Where timestamps are, with the parser of each (functions, so bundles carry only the parsers used). */
export type TimestampPlan = { readonly [member: string]: TimestampParser | NestedPlan };

/** `items`: apply to every element of an array; `values`: to every value of a map. */
export interface NestedPlan {
  readonly items?: TimestampPlan | TimestampParser;
  readonly values?: TimestampPlan | TimestampParser;
  readonly fields?: TimestampPlan;
}

/** What an error about the response names: the operation and the body as received. */
export interface ResponseContext {
  readonly operation: string;
  readonly body?: string | undefined;
}

const NO_CONTEXT: ResponseContext = { operation: 'response' };

/**
 * Applies `plan` to `data`; `path` prefixes member paths in errors (an array output passes
 * the element index). `null` and absent members are left alone: absence is the spec's call.
 */
export function applyTimestamps(
  data: unknown,
  plan: TimestampPlan,
  context: ResponseContext = NO_CONTEXT,
  path = '',
): void {
  if (typeof data !== 'object' || data === null) return;
  const record = data as Record<string, unknown>;
  for (const member in plan) {
    const value = record[member];
    if (value === undefined || value === null) continue;
    const rule = plan[member]!;
    const at = path ? `${path}.${member}` : member;
    if (typeof rule === 'function') record[member] = parseOne(rule, value, context, at);
    else applyNested(value, rule, context, at);
  }
}

function applyNested(value: unknown, rule: NestedPlan, context: ResponseContext, at: string): void {
  if (rule.fields) applyTimestamps(value, rule.fields, context, at);
  if (rule.items && Array.isArray(value)) {
    const items = rule.items;
    for (let i = 0; i < value.length; i++) {
      if (typeof items === 'function') {
        if (value[i] !== null && value[i] !== undefined)
          value[i] = parseOne(items, value[i], context, `${at}.${i}`);
      } else applyTimestamps(value[i], items, context, `${at}.${i}`);
    }
  }
  if (rule.values && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const values = rule.values;
    const map = value as Record<string, unknown>;
    for (const key in map) {
      if (typeof values === 'function') {
        if (map[key] !== null && map[key] !== undefined)
          map[key] = parseOne(values, map[key], context, `${at}.${key}`);
      } else applyTimestamps(map[key], values, context, `${at}.${key}`);
    }
  }
}

function parseOne(
  parse: TimestampParser,
  value: unknown,
  context: ResponseContext,
  at: string,
): Date {
  const date = parse(value);
  if (date === undefined) {
    throw new InvalidResponseError(context.operation, at, value, parse.expected, context.body);
  }
  return date;
}
