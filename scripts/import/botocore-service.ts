/**
 * One botocore model (service-2.json + paginators-1.json) and a list of operations -> an
 * OpenAPI 3.1 document in the specs' vocabulary, before the overlay. Pure.
 *
 * awsJson paths follow APIs.guru's aws2openapi (`/#X-Amz-Target=<prefix>.<Operation>`);
 * restJson1 members go where their `location` says (botocore/serialize.py RestJSONSerializer).
 */
import { docText, firstSentence } from './docs.js';
import { ImportInputError, UnsupportedModelFeatureError } from './errors.js';
import { chooseProtocol, jsonContentType, type ImportedProtocol } from './protocol.js';
import {
  addComponent,
  memberSchema,
  structureSchema,
  type BotocoreShape,
  type Json,
  type ShapeContext,
} from './botocore-shapes.js';

export interface BotocoreInput {
  service: string;
  api: Json;
  paginators: Json;
  operations: string[];
}

export interface ImportNotes {
  notes: string[];
}

const COMPONENT = '#/components/schemas/';

export function importBotocore(input: BotocoreInput, log: ImportNotes = { notes: [] }): Json {
  const { api, service } = input;
  const metadata = api.metadata ?? {};
  const protocol = chooseProtocol(metadata, service);
  const ctx: ShapeContext = { shapes: api.shapes ?? {}, components: new Map() };
  const errors = new Map<string, Json>();
  const paths: Json = {};
  for (const opName of input.operations) {
    const op = api.operations?.[opName];
    if (!op) throw new ImportInputError(`${service}: the model has no operation ${opName}`);
    const { path, method, operation } = importOperation(ctx, protocol, metadata, op, errors);
    const pagination = input.paginators?.pagination?.[opName];
    if (pagination) {
      const paginated = paginatorExtension(pagination, opName, log);
      if (paginated) operation['x-paginated'] = paginated;
    }
    paths[path] = { ...(paths[path] ?? {}), [method]: operation };
  }
  const schemas: Json = {};
  for (const [name, schema] of ctx.components) schemas[name] = schema;
  for (const name of [...errors.keys()].sort()) schemas[name] = errors.get(name);
  const doc: Json = {
    openapi: '3.1.0',
    info: { title: metadata.serviceFullName ?? service, version: metadata.apiVersion },
    'x-client': { serviceId: metadata.serviceId ?? service },
    'x-protocol': protocol,
  };
  if (protocol !== 'restJson1') doc['x-aws-target-prefix'] = metadata.targetPrefix;
  doc['x-auth'] = { scheme: 'sigv4', signingName: metadata.signingName ?? metadata.endpointPrefix };
  doc.paths = paths;
  doc.components = { schemas };
  return doc;
}

function importOperation(
  ctx: ShapeContext,
  protocol: ImportedProtocol,
  metadata: Json,
  op: Json,
  errors: Map<string, Json>,
): { path: string; method: string; operation: Json } {
  const name: string = op.name;
  // `endpoint.hostPrefix` ("management.", "{AccountId}.") changes the host per operation;
  // the generated clients send every operation to the service's one endpoint.
  if (op.endpoint?.hostPrefix !== undefined) {
    throw new UnsupportedModelFeatureError(name, `a host prefix "${op.endpoint.hostPrefix}"`);
  }
  const content = jsonContentType(protocol);
  const operation: Json = { operationId: name };
  const text = docText(op.documentation);
  if (text !== undefined) {
    operation.summary = firstSentence(text);
    if (text !== operation.summary) operation.description = text;
  }
  if (op.deprecated) operation.deprecated = true;
  const ok = String(op.http?.responseCode ?? 200);
  const response: Json = { description: 'Success.' };
  let path: string;
  let method: string;
  if (protocol === 'restJson1') {
    path = restPath(name, op.http?.requestUri ?? '/');
    method = String(op.http?.method ?? 'POST').toLowerCase();
    if (op.input) Object.assign(operation, restInput(ctx, op.input.shape, content));
    if (op.output) Object.assign(response, restOutput(ctx, op.output.shape, content));
  } else {
    path = `/#X-Amz-Target=${metadata.targetPrefix}.${name}`;
    method = 'post';
    // awsJson always sends a body, `{}` at least (botocore/serialize.py JSONSerializer).
    const input = op.input?.shape;
    if (input) addComponent(ctx, input);
    operation.requestBody = {
      required: true,
      content: { [content]: { schema: input ? { $ref: COMPONENT + input } : { type: 'object' } } },
    };
    if (op.output) {
      addComponent(ctx, op.output.shape);
      response.content = { [content]: { schema: { $ref: COMPONENT + op.output.shape } } };
    }
  }
  operation.responses = { [ok]: response, ...errorResponses(ctx, protocol, op, errors, content) };
  return { path, method, operation };
}

function restPath(op: string, requestUri: string): string {
  if (requestUri.includes('?'))
    throw new UnsupportedModelFeatureError(
      op,
      `a literal query string in requestUri "${requestUri}"`,
    );
  if (requestUri.includes('+}'))
    throw new UnsupportedModelFeatureError(op, `a greedy URI label in "${requestUri}"`);
  return requestUri;
}

const PARAM_IN: Record<string, string> = { uri: 'path', querystring: 'query', header: 'header' };

function restInput(ctx: ShapeContext, shapeName: string, content: string): Json {
  const shape: BotocoreShape = ctx.shapes[shapeName]!;
  if (shape.payload)
    throw new UnsupportedModelFeatureError(shapeName, 'an explicit HTTP payload member');
  const members = Object.entries<Json>(shape.members ?? {});
  const parameters: Json[] = [];
  const ordered = [
    ...members.filter(([, m]) => m.location === 'uri'),
    ...members.filter(([, m]) => m.location !== undefined && m.location !== 'uri'),
  ];
  for (const [memberName, member] of ordered) {
    const where = PARAM_IN[member.location];
    if (!where)
      throw new UnsupportedModelFeatureError(
        `${shapeName}.${memberName}`,
        `location "${member.location}"`,
      );
    const { description, ...schema } = memberSchema(
      ctx,
      member,
      member.location,
      `${shapeName}.${memberName}`,
    );
    const wireName = member.locationName ?? memberName;
    const param: Json = { name: wireName, in: where };
    if (wireName !== memberName) param['x-member'] = memberName;
    if (where === 'path' || (shape.required ?? []).includes(memberName)) param.required = true;
    if (description !== undefined) param.description = description;
    param.schema = schema;
    parameters.push(param);
  }
  const result: Json = {};
  if (parameters.length) result.parameters = parameters;
  if (members.some(([, m]) => m.location === undefined)) {
    ctx.components.set(shapeName, {});
    ctx.components.set(
      shapeName,
      structureSchema(ctx, shapeName, shape, (m) => !shape.members[m].location),
    );
    result.requestBody = {
      required: true,
      content: { [content]: { schema: { $ref: COMPONENT + shapeName } } },
    };
  }
  return result;
}

function restOutput(ctx: ShapeContext, shapeName: string, content: string): Json {
  const shape: BotocoreShape = ctx.shapes[shapeName]!;
  if (shape.payload)
    throw new UnsupportedModelFeatureError(shapeName, 'an explicit HTTP payload member');
  const result: Json = {};
  const headers: Json = {};
  for (const [memberName, member] of Object.entries<Json>(shape.members ?? {})) {
    if (member.location === undefined) continue;
    if (member.location !== 'header')
      throw new UnsupportedModelFeatureError(
        `${shapeName}.${memberName}`,
        `output location "${member.location}"`,
      );
    const { description, ...schema } = memberSchema(
      ctx,
      member,
      'header',
      `${shapeName}.${memberName}`,
    );
    headers[member.locationName ?? memberName] = {
      'x-member': memberName,
      ...(description !== undefined ? { description } : {}),
      schema,
    };
  }
  if (Object.keys(headers).length) result.headers = headers;
  ctx.components.set(shapeName, {});
  ctx.components.set(
    shapeName,
    structureSchema(ctx, shapeName, shape, (m) => !shape.members[m].location),
  );
  result.content = { [content]: { schema: { $ref: COMPONENT + shapeName } } };
  return result;
}

/**
 * Error responses grouped by status. awsJson matches errors by code, so its statuses are nominal
 * and the descriptions generic; restJson1 statuses are modelled, so each carries the error's doc.
 */
function errorResponses(
  ctx: ShapeContext,
  protocol: ImportedProtocol,
  op: Json,
  errors: Map<string, Json>,
  content: string,
): Json {
  const byStatus = new Map<number, string[]>();
  for (const ref of op.errors ?? []) {
    const name: string = ref.shape;
    if (!errors.has(name)) {
      const shape = ctx.shapes[name];
      if (!shape) throw new UnsupportedModelFeatureError(name, 'a reference to a missing shape');
      errors.set(name, structureSchema(ctx, name, { ...shape, exception: true }));
    }
    const status: number = errors.get(name)!['x-error'].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), name]);
  }
  const responses: Json = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const names = byStatus.get(status)!.sort();
    const schema =
      names.length === 1
        ? { $ref: COMPONENT + names[0] }
        : { oneOf: names.map((n) => ({ $ref: COMPONENT + n })) };
    const description =
      protocol !== 'restJson1'
        ? status >= 500
          ? 'A server error.'
          : 'A client error.'
        : names.length === 1
          ? (errors.get(names[0]!)!.description ?? `${names[0]}.`)
          : `One of: ${names.join(', ')}.`;
    responses[String(status)] = { description, content: { [content]: { schema } } };
  }
  return responses;
}

/** botocore paginator -> `x-paginated`; shapes it cannot express are left out with a note. */
export function paginatorExtension(p: Json, op: string, log: ImportNotes): Json | undefined {
  const simple = (v: unknown) => typeof v === 'string' && !/[.|[\s]/.test(v);
  if (
    ![p.input_token, p.output_token, p.result_key].every(simple) ||
    (p.limit_key && !simple(p.limit_key))
  ) {
    log.notes.push(`${op}: botocore paginator with several or nested tokens/result keys left out`);
    return undefined;
  }
  const x: Json = {
    inputToken: p.input_token,
    outputToken: p.output_token,
    resultKey: p.result_key,
  };
  if (p.limit_key) x.limitKey = p.limit_key;
  x.source = 'botocore';
  return x;
}
