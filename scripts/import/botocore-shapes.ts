/**
 * botocore shapes -> JSON Schema in the specs' vocabulary (specs/README.md). Pure.
 *
 * Structures and string enums become named components (`$ref`); every other shape is inlined
 * where it is used, with its constraints, so a member reads as it does in the hand-written
 * specs. Shape semantics: botocore/model.py and the Smithy 1.0 JSON AST (`min`/`max` on
 * strings, lists, maps and numbers; `timestampFormat` on a member overrides its shape's).
 */
import { docText } from './docs.js';
import { UnsupportedModelFeatureError } from './errors.js';
import { javaPatternToEcmascript } from '../shared/java-pattern.js';

export type Json = Record<string, any>;

export interface BotocoreShape {
  type: string;
  [key: string]: any;
}

/** Where a member travels; decides a timestamp's default wire format. */
export type WireLocation = 'body' | 'querystring' | 'header' | 'uri';

export interface ShapeContext {
  shapes: Record<string, BotocoreShape>;
  /** Named components in discovery order (structures and enums). */
  components: Map<string, Json>;
}

const COMPONENT = '#/components/schemas/';

/**
 * Default timestamp formats, botocore/serialize.py and parsers.py: JSON bodies (json and
 * rest-json) use epoch seconds, a query string or URI label ISO 8601, a header RFC 7231 date.
 */
const DEFAULT_TIMESTAMP: Record<WireLocation, string> = {
  body: 'unixTimestamp',
  querystring: 'iso8601',
  uri: 'iso8601',
  header: 'rfc822',
};

/** A botocore timestampFormat -> the schema keywords of the specs' `x-timestamp`. */
export function timestampSchema(format: string, shapeName: string): Json {
  switch (format) {
    case 'unixTimestamp':
      return { type: 'number', 'x-timestamp': 'epoch-seconds' };
    case 'iso8601':
      return { type: 'string', format: 'date-time', 'x-timestamp': 'iso8601' };
    case 'rfc822':
      return { type: 'string', 'x-timestamp': 'http-date' };
    default:
      throw new UnsupportedModelFeatureError(shapeName, `timestampFormat "${format}"`);
  }
}

/** Shape features this project's runtime does not speak; each is refused by name. */
export function unsupportedFeature(shape: BotocoreShape): string | undefined {
  if (shape.streaming) return 'a streaming payload';
  if (shape.eventstream) return 'an event stream';
  if (shape.document) return 'a document type';
  if (shape.union) return 'a union';
  if (shape.type === 'blob') return 'a blob';
  return undefined;
}

/**
 * botocore's Java pattern as the specs' ECMAScript `u` pattern (scripts/shared/java-pattern.ts).
 * One that cannot be expressed is left out, so it cannot break a client, and kept, with the
 * reason, in `x-java-pattern` (the service still enforces it).
 */
export function patternKeywords(java: string): Json {
  const translated = javaPatternToEcmascript(java);
  if ('pattern' in translated) return { pattern: translated.pattern };
  return { 'x-java-pattern': { pattern: java, notEnforced: translated.unsupported } };
}

/** The inline schema of a scalar, list or map shape (no documentation, no components). */
export function scalarSchema(shape: BotocoreShape, shapeName: string, format?: string): Json {
  const feature = unsupportedFeature(shape);
  if (feature) throw new UnsupportedModelFeatureError(shapeName, feature);
  switch (shape.type) {
    case 'string': {
      const s: Json = { type: 'string' };
      if (shape.min !== undefined) s.minLength = shape.min;
      if (shape.max !== undefined) s.maxLength = shape.max;
      if (shape.pattern !== undefined) Object.assign(s, patternKeywords(shape.pattern));
      return s;
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const s: Json = {
        type: shape.type === 'integer' || shape.type === 'long' ? 'integer' : 'number',
      };
      if (shape.min !== undefined) s.minimum = shape.min;
      if (shape.max !== undefined) s.maximum = shape.max;
      return s;
    }
    case 'boolean':
      return { type: 'boolean' };
    case 'timestamp':
      return timestampSchema(format ?? shape.timestampFormat ?? 'unixTimestamp', shapeName);
    default:
      throw new UnsupportedModelFeatureError(shapeName, `shape type "${shape.type}"`);
  }
}

function shapeOf(ctx: ShapeContext, name: string): BotocoreShape {
  const shape = ctx.shapes[name];
  if (!shape) throw new UnsupportedModelFeatureError(name, 'a reference to a missing shape');
  return shape;
}

function isEnum(shape: BotocoreShape): boolean {
  return shape.type === 'string' && Array.isArray(shape.enum);
}

/**
 * The schema of one member: a `$ref` (structures, enums) with the member's documentation, or
 * the target shape inlined with the member's documentation (else the shape's own).
 */
export function memberSchema(
  ctx: ShapeContext,
  member: Json,
  location: WireLocation,
  owner: string,
): Json {
  const name: string = member.shape;
  const shape = shapeOf(ctx, name);
  const feature = unsupportedFeature(shape);
  if (feature) throw new UnsupportedModelFeatureError(`${owner} -> ${name}`, feature);
  const description = docText(member.documentation);
  let schema: Json;
  if (shape.type === 'structure' || isEnum(shape)) {
    addComponent(ctx, name);
    schema = { $ref: COMPONENT + name };
  } else {
    schema = inlineSchema(ctx, name, shape, location, member.timestampFormat);
    const fallback = docText(shape.documentation);
    if (
      description === undefined &&
      fallback !== undefined &&
      shape.type !== 'list' &&
      shape.type !== 'map'
    )
      schema = { description: fallback, ...schema };
  }
  if (description !== undefined) schema = { description, ...schema };
  if (member.deprecated || shape.deprecated) schema.deprecated = true;
  return schema;
}

function inlineSchema(
  ctx: ShapeContext,
  name: string,
  shape: BotocoreShape,
  location: WireLocation,
  memberFormat: string | undefined,
): Json {
  if (shape.type === 'list') {
    const s: Json = { type: 'array' };
    if (shape.min !== undefined) s.minItems = shape.min;
    if (shape.max !== undefined) s.maxItems = shape.max;
    s.items = elementSchema(ctx, shape.member, location, name);
    return s;
  }
  if (shape.type === 'map') {
    if (location !== 'body')
      throw new UnsupportedModelFeatureError(name, `a map in the ${location}`);
    const s: Json = { type: 'object' };
    if (shape.min !== undefined) s.minProperties = shape.min;
    if (shape.max !== undefined) s.maxProperties = shape.max;
    const key = scalarSchema(shapeOf(ctx, shape.key.shape), shape.key.shape);
    if (Object.keys(key).length > 1) s.propertyNames = key;
    s.additionalProperties = elementSchema(ctx, shape.value, location, name);
    return s;
  }
  const format =
    shape.type === 'timestamp'
      ? (memberFormat ?? shape.timestampFormat ?? DEFAULT_TIMESTAMP[location])
      : undefined;
  return scalarSchema(shape, name, format);
}

/** A list element or map value: documentation stays on the member that holds the list. */
function elementSchema(ctx: ShapeContext, ref: Json, location: WireLocation, owner: string): Json {
  const { documentation: _ignored, ...rest } = ref;
  return memberSchema(ctx, rest, location, owner);
}

/** Adds a structure or enum component (once; cycles end at the `$ref`). */
export function addComponent(
  ctx: ShapeContext,
  name: string,
  only?: (member: string) => boolean,
): void {
  if (ctx.components.has(name)) return;
  const shape = shapeOf(ctx, name);
  if (isEnum(shape)) {
    const s: Json = {};
    const description = docText(shape.documentation);
    if (description !== undefined) s.description = description;
    ctx.components.set(name, { ...s, type: 'string', enum: [...shape.enum] });
    return;
  }
  const feature = unsupportedFeature(shape);
  if (feature) throw new UnsupportedModelFeatureError(name, feature);
  const schema: Json = {};
  ctx.components.set(name, schema);
  Object.assign(schema, structureSchema(ctx, name, shape, only));
}

/** A structure's object schema; `only` keeps the members that travel in the JSON body. */
export function structureSchema(
  ctx: ShapeContext,
  name: string,
  shape: BotocoreShape,
  only: (member: string) => boolean = () => true,
): Json {
  const schema: Json = {};
  const description = docText(shape.documentation);
  if (description !== undefined) schema.description = description;
  schema.type = 'object';
  if (shape.exception) schema['x-error'] = errorExtension(name, shape);
  const members = Object.entries<Json>(shape.members ?? {}).filter(([m]) => only(m));
  const required = (shape.required ?? []).filter((m: string) => members.some(([k]) => k === m));
  if (required.length) schema.required = required;
  const properties: Json = {};
  for (const [memberName, member] of members) {
    const wireName = member.jsonName ?? member.locationName ?? memberName;
    properties[wireName] = memberSchema(ctx, member, 'body', `${name}.${memberName}`);
  }
  if (members.length) schema.properties = properties;
  return schema;
}

/**
 * `x-error` from botocore's exception traits. awsJson models often carry no httpStatusCode: the
 * runtime matches errors by code, so the status is only nominal: 500 for a server fault, else 400
 * (what the services answer; see specs/README.md).
 */
export function errorExtension(name: string, shape: BotocoreShape): Json {
  const fault = shape.fault === true;
  return {
    code: name,
    status: shape.error?.httpStatusCode ?? (fault ? 500 : 400),
    fault: fault ? 'server' : 'client',
    retryable: shape.retryable !== undefined,
    throttling: shape.retryable?.throttling === true,
  };
}
