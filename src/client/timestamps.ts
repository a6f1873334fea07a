/**
 * Timestamps in operation output: the plan types the generator emits and the parsers it
 * references. Parsing lives in timestamp-parsers.ts; applying a plan in output-timestamps.ts.
 */

/** How a timestamp is written on the wire (the spec's `x-timestamp`). */
export type TimestampFormat = 'epoch-seconds' | 'iso8601';

export { epochSeconds, iso8601, type TimestampParser } from './timestamp-parsers.js';
export {
  applyTimestamps,
  type TimestampPlan,
  type NestedPlan,
  type ResponseContext,
} from './output-timestamps.js';
