/**
 * What a spec may say that the generated code cannot express. Each is a generate error naming
 * where it is and the feature, never a client that is silently wrong or that throws at import
 * (an uncompilable `pattern` would: `new RegExp` runs when the client module loads). Pure; the
 * importer refuses the same features in botocore models (scripts/import/botocore-shapes.ts).
 */
import type { Json } from './spec-model.js';

/** The protocols src/client speaks (error-parsing.ts, runtime.ts). */
export const PROTOCOLS = ['awsJson1_0', 'awsJson1_1', 'restJson1', 'ociRest', 'restJson'];

/** Content types of streamed bodies and event streams (Smithy @streaming, vnd.amazon.eventstream). */
const STREAMING_MEDIA =
  /^(application\/octet-stream|application\/vnd\.amazon\.eventstream|text\/event-stream)/;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** The problems of a spec, each naming its place; empty when the generator can express it all. */
export function unsupportedFeatures(spec: Json): string[] {
  const problems: string[] = [];
  const protocol = spec['x-protocol'];
  if (protocol !== undefined && !PROTOCOLS.includes(protocol)) {
    problems.push(
      `x-protocol ${protocol}: not a protocol the runtime speaks (${PROTOCOLS.join(', ')})`,
    );
  }
  for (const [name, schema] of Object.entries<Json>(spec.components?.schemas ?? {})) {
    checkSchema(schema, `components.schemas.${name}`, problems, true);
  }
  for (const [path, item] of Object.entries<Json>(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const where = op.operationId ?? `${method} ${path}`;
      for (const param of op.parameters ?? []) {
        checkSchema(param.schema ?? {}, `${where} parameter ${param.name}`, problems, false);
      }
      checkContent(op.requestBody?.content, `${where} request body`, problems);
      const ok = op.responses?.['200'] ?? op.responses?.['201'] ?? op.responses?.['204'];
      checkContent(ok?.content, `${where} response`, problems);
    }
  }
  return problems;
}

function checkContent(content: Json | undefined, where: string, problems: string[]): void {
  for (const [media, body] of Object.entries<Json>(content ?? {})) {
    if (STREAMING_MEDIA.test(media)) {
      problems.push(`${where}: a streaming payload or event stream (${media})`);
    } else if (body?.schema) checkSchema(body.schema, where, problems, false);
  }
}

function checkSchema(schema: Json, where: string, problems: string[], named: boolean): void {
  if (!schema || typeof schema !== 'object' || schema.$ref) return;
  // Error schemas are matched by code; the oneOf of an error response lists them.
  if (!schema['x-error']) {
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      if (schema[keyword]) problems.push(`${where}: a union (${keyword})`);
    }
  }
  if (schema.format === 'binary' || schema.contentEncoding !== undefined) {
    problems.push(
      `${where}: a blob or streaming member (${schema.format ?? schema.contentEncoding})`,
    );
  }
  const free = schema.type === undefined && !schema.enum && !schema.allOf && !schema.properties;
  if (free && !schema.oneOf && !schema.anyOf && !named) {
    problems.push(`${where}: a document type (a schema with no type)`);
  }
  if (typeof schema.pattern === 'string') {
    try {
      new RegExp(schema.pattern, 'u');
    } catch (error) {
      problems.push(
        `${where}: pattern ${JSON.stringify(schema.pattern)} is not an ECMAScript regular ` +
          `expression with the u flag (${(error as Error).message}); translate it ` +
          `(scripts/shared/java-pattern.ts) or leave it out`,
      );
    }
  }
  for (const [prop, sub] of Object.entries<Json>(schema.properties ?? {})) {
    checkSchema(sub, `${where}.${prop}`, problems, false);
  }
  if (schema.items) checkSchema(schema.items, `${where}[]`, problems, false);
  if (typeof schema.additionalProperties === 'object') {
    checkSchema(schema.additionalProperties, `${where}{}`, problems, false);
  }
  for (const part of schema.allOf ?? []) checkSchema(part, where, problems, false);
}
