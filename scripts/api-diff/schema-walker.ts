/**
 * Walks a schema for flatten.ts: an object's properties become members, arrays (`[]`) and maps
 * (`{}`) their items' members, inline enums their values. $refs are followed; one already on the
 * current walk (a recursive schema) is not entered again.
 */
import { CONSTRAINTS } from './constraints.js';
import type { Direction, Element, Fact, Json } from './flatten.js';

export function facts(entries: Record<string, unknown>): Record<string, Fact> {
  const result: Record<string, Fact> = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined || value === null) continue;
    result[key] =
      typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
  }
  return result;
}

export function refName(ref: string): string {
  return ref.replace(/^#\/components\/schemas\//, '');
}

export class SchemaWalker {
  constructor(
    private readonly schemas: Json,
    private readonly add: (e: Element) => void,
  ) {}

  resolve(schema: Json): Json {
    return schema?.$ref ? (this.schemas[refName(schema.$ref)] ?? {}) : (schema ?? {});
  }

  /** The properties of an object schema, as members under `prefix`. */
  properties(schema: Json, prefix: string, dir: Direction, parent: string, seen: Set<string>) {
    const inner = this.enter(schema, seen);
    if (!inner) return;
    const s = this.resolve(schema);
    const required: string[] = s.required ?? [];
    for (const prop of Object.keys(s.properties ?? {}).sort()) {
      const propSchema = s.properties[prop];
      this.member(propSchema, `${prefix}.${prop}`, dir, parent, inner, {
        required: required.includes(prop),
        description: propSchema.description,
      });
    }
  }

  member(
    schema: Json,
    path: string,
    dir: Direction,
    parent: string,
    seen: Set<string>,
    extra: Json,
  ) {
    const s = this.resolve(schema);
    const own: Json = { ...extra, type: typeText(schema, s) };
    if (extra.description === undefined && !schema.$ref) own.description = s.description;
    own.format = s.format;
    own.timestamp = s['x-timestamp'];
    for (const key of CONSTRAINTS) own[key] = s[key];
    if (s.type === 'array') {
      const items = this.resolve(s.items ?? {});
      for (const key of CONSTRAINTS)
        if (key !== 'minItems' && key !== 'maxItems') own[`items.${key}`] = items[key];
      own['items.timestamp'] = items['x-timestamp'];
    }
    this.add({ path, kind: 'member', direction: dir, parent, facts: facts(own) });
    // A $ref'd enum is a component (its values are listed once, under components.schemas).
    if (Array.isArray(s.enum) && !schema.$ref) this.enumValues(s.enum, path, dir);
    if (s.type === 'array' && s.items) this.nested(s.items, `${path}[]`, dir, path, seen);
    else if (isObject(s) && s.additionalProperties && typeof s.additionalProperties === 'object') {
      this.nested(s.additionalProperties, `${path}{}`, dir, path, seen);
    } else if (isObject(s)) this.properties(schema, path, dir, path, seen);
  }

  private nested(schema: Json, prefix: string, dir: Direction, parent: string, seen: Set<string>) {
    const s = this.resolve(schema);
    if (isObject(s) && s.properties) this.properties(schema, prefix, dir, parent, seen);
    else if (Array.isArray(s.enum) && !schema.$ref) this.enumValues(s.enum, prefix, dir);
  }

  private enumValues(values: unknown[], path: string, dir: Direction) {
    for (const value of values) {
      this.add({
        path: `${path}.enum.${String(value)}`,
        kind: 'enum-value',
        direction: dir,
        parent: path,
        facts: {},
      });
    }
  }

  /** The refs on the walk including this schema's, or undefined when it is already on it. */
  private enter(schema: Json, seen: Set<string>): Set<string> | undefined {
    if (!schema?.$ref) return seen;
    if (seen.has(schema.$ref)) return undefined;
    return new Set([...seen, schema.$ref]);
  }
}

function isObject(s: Json): boolean {
  return s.type === 'object' || (s.type === undefined && (s.properties || s.additionalProperties));
}

/** The member's type as a reader names it: a component name, or the JSON Schema type. */
export function typeText(schema: Json, resolved: Json): string {
  if (schema.$ref) return refName(schema.$ref);
  const s = resolved;
  // The generated type is `Date` whatever the wire format (specs/README.md, x-timestamp).
  if (s['x-timestamp']) return 'timestamp';
  const type = Array.isArray(s.type)
    ? s.type.join('|')
    : (s.type ?? (s.properties ? 'object' : 'any'));
  if (type === 'array') return `${typeText(s.items ?? {}, s.items?.$ref ? {} : (s.items ?? {}))}[]`;
  if (type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') {
    const v = s.additionalProperties;
    return `map<${typeText(v, v.$ref ? {} : v)}>`;
  }
  return type;
}
