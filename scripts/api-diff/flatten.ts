/**
 * One spec -> a flat map of the elements a user of the generated client sees, keyed by the path a
 * reader would look for (`ListStreamingSessions.output.sessions[].backupMode`,
 * `components.schemas.StreamingSessionState.enum.READY`). Each element carries its facts
 * (required, type, constraints, docs...) so that comparing two specs is comparing two maps.
 * Pure: no file system. Reads the `x-` vocabulary of specs/README.md.
 *
 * $refs are followed inline, so a change in a shared schema is reported where each operation uses
 * it (the place a caller reads it); a $ref already on the current walk (a recursive schema) is not
 * entered again.
 */
export type Json = Record<string, any>;
export type Fact = string | number | boolean;
export type Direction = 'input' | 'output';

export type ElementKind =
  | 'client'
  | 'setting'
  | 'endpoint'
  | 'operation'
  | 'member'
  | 'error'
  | 'operation-error'
  | 'paginator'
  | 'schema'
  | 'enum-value';

export interface Element {
  path: string;
  kind: ElementKind;
  /** Members and inline enum values: whether the caller sends it or reads it. */
  direction?: Direction;
  /** The element this one is part of: an added or removed parent is reported alone. */
  parent?: string;
  facts: Record<string, Fact>;
}

export type ElementMap = Map<string, Element>;

/** JSON Schema keywords compared as constraints (validated before sending, src/client/validate.ts). */
export const CONSTRAINTS = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'pattern',
] as const;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export function flattenSpec(spec: Json): ElementMap {
  const out: ElementMap = new Map();
  const schemas: Json = spec.components?.schemas ?? {};
  const add = (e: Element): void => {
    out.set(e.path, e);
  };
  flattenSettings(spec, add);
  for (const httpPath of Object.keys(spec.paths ?? {}).sort()) {
    for (const method of METHODS) {
      const op = spec.paths[httpPath]?.[method];
      if (op) flattenOperation(httpPath, method, op, schemas, add);
    }
  }
  for (const name of Object.keys(schemas).sort()) flattenComponent(name, schemas[name], add);
  return out;
}

function facts(entries: Record<string, unknown>): Record<string, Fact> {
  const result: Record<string, Fact> = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined || value === null) continue;
    result[key] =
      typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
  }
  return result;
}

function flattenSettings(spec: Json, add: (e: Element) => void): void {
  add({
    path: 'protocol',
    kind: 'setting',
    facts: facts({ protocol: spec['x-protocol'], targetPrefix: spec['x-aws-target-prefix'] }),
  });
  add({ path: 'auth', kind: 'setting', facts: facts(spec['x-auth'] ?? { scheme: 'none' }) });
  add({ path: 'retry', kind: 'setting', facts: facts({ family: spec['x-retry'] ?? 'aws' }) });
  add({
    path: 'requestIdHeader',
    kind: 'setting',
    facts: facts({ header: String(spec['x-request-id-header'] ?? '').toLowerCase() }),
  });
  const endpoints: Json = spec['x-endpoints'] ?? { partitions: 'none' };
  add({ path: 'endpoints', kind: 'setting', facts: facts({ partitions: endpoints.partitions }) });
  for (const variant of Object.keys(endpoints).sort()) {
    if (variant === 'partitions') continue;
    add({
      path: `endpoints.${variant}`,
      kind: 'endpoint',
      parent: 'endpoints',
      facts: facts({ template: endpoints[variant] }),
    });
  }
}

function refName(ref: string): string {
  return ref.replace(/^#\/components\/schemas\//, '');
}

function flattenOperation(
  httpPath: string,
  method: string,
  op: Json,
  schemas: Json,
  add: (e: Element) => void,
): void {
  const name = String(op.operationId ?? `${method.toUpperCase()} ${httpPath}`);
  add({
    path: name,
    kind: 'operation',
    facts: facts({
      httpMethod: method.toUpperCase(),
      httpPath,
      summary: op.summary,
      description: op.description,
    }),
  });
  const walker = new SchemaWalker(schemas, add);
  const body = firstContentSchema(op.requestBody?.content);
  if (body) walker.properties(body, `${name}.input`, 'input', name, new Set());
  for (const param of op.parameters ?? []) {
    const member = param['x-member'] ?? param.name;
    walker.member(param.schema ?? {}, `${name}.input.${member}`, 'input', name, new Set(), {
      location: param.in,
      wireName: param['x-member'] ? param.name : undefined,
      required: Boolean(param.required),
      description: param.description,
    });
  }
  const ok = op.responses?.['200'] ?? op.responses?.['201'] ?? op.responses?.['204'];
  const outBody = firstContentSchema(ok?.content);
  if (outBody?.type === 'array') {
    walker.properties(outBody.items ?? {}, `${name}.output[]`, 'output', name, new Set());
  } else if (outBody) {
    walker.properties(outBody, `${name}.output`, 'output', name, new Set());
  }
  for (const [header, h] of Object.entries<Json>(ok?.headers ?? {}).sort()) {
    if (!h['x-member']) continue;
    walker.member(h.schema ?? {}, `${name}.output.${h['x-member']}`, 'output', name, new Set(), {
      location: 'header',
      wireName: header.toLowerCase(),
      required: false,
      description: h.description,
    });
  }
  for (const status of Object.keys(op.responses ?? {}).sort()) {
    if (status.startsWith('2')) continue;
    const schema = firstContentSchema(op.responses[status].content);
    const code = schema?.$ref ? refName(schema.$ref) : `HTTP ${status}`;
    add({
      path: `${name}.errors.${code}`,
      kind: 'operation-error',
      parent: name,
      facts: facts({ status, description: op.responses[status].description }),
    });
  }
  const pag = op['x-paginated'];
  if (pag) {
    add({
      path: `${name}.paginator`,
      kind: 'paginator',
      parent: name,
      facts: facts({
        inputToken: pag.inputToken,
        outputToken: pag.outputToken,
        resultKey: pag.resultKey,
        limitKey: pag.limitKey,
      }),
    });
  }
}

function firstContentSchema(content: Json | undefined): Json | undefined {
  if (!content) return undefined;
  const key = Object.keys(content)[0];
  return key === undefined ? undefined : content[key]?.schema;
}

class SchemaWalker {
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
function typeText(schema: Json, resolved: Json): string {
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

function flattenComponent(name: string, schema: Json, add: (e: Element) => void): void {
  const x = schema['x-error'];
  if (x) {
    add({
      path: `errors.${name}`,
      kind: 'error',
      facts: facts({
        code: x.code ?? name,
        status: x.status,
        fault: x.fault,
        retryable: x.retryable,
        throttling: x.throttling,
        description: schema.description,
      }),
    });
    for (const prop of Object.keys(schema.properties ?? {}).sort()) {
      const p = schema.properties[prop];
      add({
        path: `errors.${name}.${prop}`,
        kind: 'member',
        direction: 'output',
        parent: `errors.${name}`,
        facts: facts({ type: typeText(p, p), description: p.description, required: false }),
      });
    }
    return;
  }
  const path = `components.schemas.${name}`;
  add({
    path,
    kind: 'schema',
    facts: facts({ type: typeText(schema, schema), description: schema.description }),
  });
  for (const value of Array.isArray(schema.enum) ? schema.enum : []) {
    add({ path: `${path}.enum.${String(value)}`, kind: 'enum-value', parent: path, facts: {} });
  }
}
