/**
 * The `Date` conversion plan of a schema (src/client/timestamps.ts for outputs,
 * src/client/timestamp-serialize.ts for inputs): which members carry `x-timestamp`, through
 * arrays, maps, `$ref`s and `allOf`.
 */
import type { Json } from './spec-model.js';

/** Walks an output schema for `x-timestamp` markers (see src/client/timestamps.ts). */
export function timestampPlan(
  schema: Json,
  resolve: (s: Json) => Json,
  seen: Set<Json>,
): Json | undefined {
  if (!schema || seen.has(schema)) return undefined;
  seen.add(schema);
  const plan: Json = {};
  const properties: Json = { ...(schema.properties ?? {}) };
  for (const part of schema.allOf ?? []) Object.assign(properties, resolve(part).properties ?? {});
  for (const prop of Object.keys(properties)) {
    const entry = planFor(properties[prop], resolve, seen);
    if (entry !== undefined) plan[prop] = entry;
  }
  seen.delete(schema);
  return Object.keys(plan).length ? plan : undefined;
}

/** The plan of one member's schema: a format name, or `items`/`values`/`fields`; undefined if none. */
export function timestampPlanOf(schema: Json, resolve: (s: Json) => Json): unknown {
  return planFor(schema, resolve, new Set());
}

function planFor(schema: Json, resolve: (s: Json) => Json, seen: Set<Json>): unknown {
  if (schema['x-timestamp']) return schema['x-timestamp'];
  const s = resolve(schema);
  if (s !== schema) return planFor(s, resolve, seen);
  if (s.type === 'array' && s.items) {
    const items = elementPlan(planFor(s.items, resolve, seen));
    return items === undefined ? undefined : { items };
  }
  if (s.type === 'object' && typeof s.additionalProperties === 'object') {
    const values = elementPlan(planFor(s.additionalProperties, resolve, seen));
    if (values !== undefined) return { values };
  }
  if (s.properties || s.allOf) {
    const fields = timestampPlan(s, resolve, seen);
    return fields === undefined ? undefined : { fields };
  }
  return undefined;
}

/** An array element or map value is either a timestamp or an object with its own plan. */
function elementPlan(plan: any): unknown {
  if (plan === undefined || typeof plan === 'string') return plan;
  if (plan.fields) return plan.fields;
  throw new Error('spec: timestamps inside nested arrays or maps are not supported');
}
