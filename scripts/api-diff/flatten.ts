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
import { facts, refName, SchemaWalker, typeText } from './schema-walker.js';

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
