/**
 * Reads an OpenAPI 3.1 spec with this project's `x-` vocabulary (specs/README.md) into the
 * model the emitters print. Pure: no file system, no formatting.
 */
import { timestampPlan, timestampPlanOf } from './timestamp-plan.js';
import { openEnumType, ruleOf } from './member-rules.js';

export { openEnumType } from './member-rules.js';

export type Json = Record<string, any>;

export interface MemberModel {
  /** Name in the generated input type (`x-member`, else the wire name). */
  name: string;
  wireName: string;
  location: 'body' | 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  /** TypeScript type text for rest parameters (body members come from openapi-typescript). */
  tsType: string;
  rule: Json;
}

export interface PaginatorModel {
  inputToken: string;
  outputToken: string;
  resultKey: string;
  limitKey?: string;
  limitRange?: [number, number];
}

export interface OperationModel {
  name: string;
  methodName: string;
  httpMethod: string;
  path: string;
  summary?: string;
  description?: string;
  /** awsJson: the request body schema name; rest: undefined (members come from parameters). */
  inputSchema?: string;
  members: MemberModel[];
  outputSchema?: string;
  /** The success body is a bare array of `outputSchema` (Jupyter's lists). */
  outputArray: boolean;
  outputHeaders: Array<{ member: string; header: string; description?: string }>;
  timestamps: Json | undefined;
  /** Where `Date` values sit in the input (by input member name) and their wire formats. */
  inputTimestamps: Json | undefined;
  paginator?: PaginatorModel;
}

export interface ErrorModel {
  code: string;
  status: number;
  fault: string;
  retryable: boolean;
  throttling: boolean;
  description?: string;
  members: Array<{ name: string; tsType: string; description?: string }>;
}

export interface ServiceModel {
  name: string;
  title: string;
  protocol: string;
  targetPrefix?: string;
  auth: Json;
  retry: string;
  requestIdHeader: string;
  endpoints: Json;
  operations: OperationModel[];
  errors: ErrorModel[];
  /** Component schemas that are string enums: name -> values. */
  enums: Array<{ name: string; values: string[]; description?: string }>;
  /** Component schemas exported as named types, with their descriptions. */
  schemas: Array<{ name: string; description?: string }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`spec: missing ${what}`);
  return value;
}

export function refName(ref: string): string {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new Error(`spec: unsupported $ref ${ref}`);
  return ref.slice(prefix.length);
}

export function buildServiceModel(spec: Json): ServiceModel {
  const schemas: Json = spec.components?.schemas ?? {};
  const resolve = (schema: Json): Json => (schema?.$ref ? schemas[refName(schema.$ref)] : schema);
  const client = required(spec['x-client'], 'x-client');
  const operations: OperationModel[] = [];
  for (const path of Object.keys(spec.paths ?? {}).sort()) {
    for (const method of METHODS) {
      const op = spec.paths[path][method];
      if (op) operations.push(buildOperation(path, method, op, schemas, resolve));
    }
  }
  const errors: ErrorModel[] = [];
  const enums: ServiceModel['enums'] = [];
  const namedSchemas: ServiceModel['schemas'] = [];
  for (const name of Object.keys(schemas).sort()) {
    const schema = schemas[name];
    if (schema['x-error']) errors.push(buildError(name, schema, resolve));
    else namedSchemas.push({ name, description: schema.description });
    if (schema.type === 'string' && Array.isArray(schema.enum)) {
      enums.push({ name, values: schema.enum, description: schema.description });
    }
  }
  return {
    name: required(client.name, 'x-client.name'),
    title: spec.info?.title ?? client.name,
    protocol: required(spec['x-protocol'], 'x-protocol'),
    targetPrefix: spec['x-aws-target-prefix'],
    auth: required(spec['x-auth'], 'x-auth'),
    retry: spec['x-retry'] ?? 'aws',
    requestIdHeader: String(spec['x-request-id-header'] ?? 'x-request-id').toLowerCase(),
    endpoints: spec['x-endpoints'] ?? { partitions: 'none' },
    operations,
    errors,
    enums,
    schemas: namedSchemas,
  };
}

function buildOperation(
  path: string,
  method: string,
  op: Json,
  schemas: Json,
  resolve: (s: Json) => Json,
): OperationModel {
  const name = required(op.operationId, `operationId of ${method} ${path}`);
  const members: MemberModel[] = [];
  let inputSchema: string | undefined;
  const inputTimestamps: Json = {};
  const bodySchema = firstContentSchema(op.requestBody?.content);
  if (bodySchema) {
    inputSchema = refName(required(bodySchema.$ref, `${name} request body $ref`));
    const schema = schemas[inputSchema];
    for (const prop of Object.keys(schema.properties ?? {})) {
      const propSchema = schema.properties[prop];
      const isRequired = (schema.required ?? []).includes(prop);
      members.push({
        name: prop,
        wireName: prop,
        location: 'body',
        required: isRequired,
        description: propSchema.description,
        tsType: tsTypeOf(propSchema, resolve),
        rule: ruleOf(propSchema, isRequired, resolve),
      });
    }
    Object.assign(inputTimestamps, timestampPlan(schema, resolve, new Set()) ?? {});
  }
  for (const param of op.parameters ?? []) {
    const isPath = param.in === 'path';
    const rule = ruleOf(param.schema ?? {}, Boolean(param.required), resolve);
    // An empty path label would change the URL's shape; Smithy clients reject it too.
    if (isPath && rule.minLength === undefined) rule.minLength = 1;
    const member: MemberModel = {
      name: param['x-member'] ?? param.name,
      wireName: param.name,
      location: param.in,
      required: Boolean(param.required),
      description: param.description,
      tsType: tsTypeOf(param.schema ?? {}, resolve),
      rule,
    };
    members.push(member);
    const plan = timestampPlanOf(param.schema ?? {}, resolve);
    if (plan !== undefined) inputTimestamps[member.name] = plan;
  }
  const ok = op.responses?.['200'] ?? op.responses?.['201'] ?? op.responses?.['204'];
  const outSchema = firstContentSchema(ok?.content);
  const outputArray = outSchema?.type === 'array' && Boolean(outSchema.items?.$ref);
  const outRef = outputArray ? outSchema!.items.$ref : outSchema?.$ref;
  const outputSchema = outRef ? refName(outRef) : undefined;
  const outputHeaders = Object.entries<Json>(ok?.headers ?? {})
    .filter(([, h]) => h['x-member'])
    .map(([header, h]) => ({
      member: h['x-member'],
      header: header.toLowerCase(),
      description: h.description,
    }));
  const pag = op['x-paginated'];
  let paginator: PaginatorModel | undefined;
  if (pag) {
    paginator = {
      inputToken: pag.inputToken,
      outputToken: pag.outputToken,
      resultKey: pag.resultKey,
      limitKey: pag.limitKey,
    };
    const limitMember = members.find((m) => m.name === pag.limitKey);
    // A bound the model leaves out is the runtime's default bound (src/paginate/config.ts).
    if (limitMember) {
      paginator.limitRange = [
        limitMember.rule.minimum ?? 1,
        limitMember.rule.maximum ?? Number.MAX_SAFE_INTEGER,
      ];
    }
  }
  return {
    name,
    methodName: lowerFirst(name),
    httpMethod: method.toUpperCase(),
    path,
    summary: op.summary,
    description: op.description,
    inputSchema,
    members,
    outputSchema,
    outputArray,
    outputHeaders,
    timestamps: outputSchema ? timestampPlan(schemas[outputSchema], resolve, new Set()) : undefined,
    inputTimestamps: Object.keys(inputTimestamps).length ? inputTimestamps : undefined,
    paginator,
  };
}

function firstContentSchema(content: Json | undefined): Json | undefined {
  if (!content) return undefined;
  const key = Object.keys(content)[0];
  return key === undefined ? undefined : content[key].schema;
}

/** The `x-timestamp` format of a schema, on it or on the schema its `$ref` names. */
function timestampFormatOf(schema: Json, resolve: (s: Json) => Json): string | undefined {
  return schema['x-timestamp'] ?? resolve(schema)?.['x-timestamp'];
}

function tsTypeOf(schema: Json, resolve: (s: Json) => Json): string {
  if (timestampFormatOf(schema, resolve)) return 'Date';
  if (schema.$ref) return `Schemas['${refName(schema.$ref)}']`;
  if (Array.isArray(schema.enum)) return openEnumType(schema.enum);
  switch (schema.type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return `Array<${tsTypeOf(schema.items ?? {}, resolve)}>`;
    case 'object':
      return 'Record<string, string>';
    default:
      return 'string';
  }
}

function buildError(name: string, schema: Json, resolve: (s: Json) => Json): ErrorModel {
  const x = schema['x-error'];
  const properties: Json = {};
  for (const part of schema.allOf ?? []) Object.assign(properties, resolve(part).properties ?? {});
  Object.assign(properties, schema.properties ?? {});
  return {
    code: x.code ?? name,
    status: required(x.status, `x-error.status of ${name}`),
    fault: x.fault ?? (x.status >= 500 ? 'server' : 'client'),
    retryable: Boolean(x.retryable),
    throttling: Boolean(x.throttling),
    description: schema.description,
    members: Object.keys(properties).map((prop) => ({
      name: prop,
      tsType: tsTypeOf(properties[prop], resolve),
      description: properties[prop].description,
    })),
  };
}
