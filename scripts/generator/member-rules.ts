/**
 * Input member rules and enum types from JSON Schema: what the runtime's validation
 * (src/client/validate.ts) checks and how generated types spell an enum. Pure.
 */
import type { Json } from './spec-model.js';

/**
 * An open enum: the known values plus any other string, as AWS SDK v3 types enums, so a value
 * the service adds later still type-checks and passes through. `string & {}` rather than
 * `string` keeps the known values in editor completion (a plain `| string` absorbs them).
 */
export function openEnumType(values: readonly unknown[]): string {
  return [...values.map((v) => JSON.stringify(v)), '(string & {})'].join(' | ');
}

/**
 * JSON Schema keywords -> the runtime's MemberRule (src/client/validate.ts), nested members
 * included: `items` of a list, `properties` (and `required`) of a structure,
 * `additionalProperties` of a map. A schema that refers back to itself is cut at the second
 * visit to keep only its own type there (the runtime walks values, not schemas, so a deep value
 * is still checked up to that depth).
 */
export function ruleOf(
  schema: Json,
  isRequired: boolean,
  resolve: (s: Json) => Json,
  visiting: ReadonlySet<string> = new Set(),
): Json {
  const ref = schema?.$ref as string | undefined;
  const s = resolve(schema) ?? {};
  // A timestamp is a `Date` in the input whatever JSON type carries it on the wire.
  const rule: Json = {
    type: isTimestamp(schema, resolve) ? 'timestamp' : (s.type ?? impliedType(s)),
  };
  if (isRequired) rule.required = true;
  for (const key of RULE_KEYWORDS) if (s[key] !== undefined) rule[key] = s[key];
  if (s.pattern !== undefined) rule.pattern = s.pattern;
  if (Array.isArray(s.enum)) rule.enum = s.enum;
  if (ref !== undefined && visiting.has(ref)) return rule;
  const inside = ref === undefined ? visiting : new Set([...visiting, ref]);
  const nested = (child: Json, required: boolean) =>
    isTimestamp(child, resolve) ? undefined : ruleOf(child, required, resolve, inside);
  if (rule.type === 'array' && s.items) {
    const items = nested(s.items, false);
    if (items) rule.items = items;
  }
  if (rule.type === 'object') {
    const props: Json = s.properties ?? {};
    const needed: string[] = s.required ?? [];
    const members = Object.keys(props).flatMap((name) => {
      const member = nested(props[name], needed.includes(name));
      return member ? [[name, member] as const] : [];
    });
    if (members.length > 0) rule.members = Object.fromEntries(members);
    const values = s.additionalProperties;
    if (values && typeof values === 'object') {
      const valueRule = nested(values, false);
      if (valueRule) rule.values = valueRule;
    }
  }
  return rule;
}

/**
 * Nested `x-timestamp` members get no rule here: callers pass a `Date` where the wire has a
 * number or a string, and input timestamp serialisation (issue 12) owns how those are checked.
 */
function isTimestamp(schema: Json, resolve: (s: Json) => Json): boolean {
  return Boolean((resolve(schema) ?? {})['x-timestamp']);
}

/** The type a schema without `type` describes by its other keywords (string by default). */
function impliedType(s: Json): string {
  if (s.properties || s.additionalProperties) return 'object';
  if (s.items) return 'array';
  return 'string';
}

const RULE_KEYWORDS = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
] as const;
