/**
 * The one way a spec is written: keywords in a fixed order (the order the hand-written specs
 * used), names (paths, properties, schemas) in model order, YAML with `required` lists inline.
 * Whatever order the converter or the overlay left keys in, the bytes depend only on content.
 */
import YAML from 'yaml';
import type { Json } from './botocore-shapes.js';

const ORDER: Record<string, string[]> = {
  document: [
    'openapi',
    'info',
    'x-client',
    'x-protocol',
    'x-aws-target-prefix',
    'x-auth',
    'x-retry',
    'x-request-id-header',
    'x-endpoints',
    'servers',
    'paths',
    'components',
  ],
  info: ['title', 'version', 'description'],
  client: ['name', 'serviceId'],
  endpoints: ['partitions', 'default', 'fips', 'dualStack', 'fipsDualStack'],
  operation: [
    'operationId',
    'summary',
    'description',
    'deprecated',
    'x-paginated',
    'parameters',
    'requestBody',
    'responses',
  ],
  paginated: ['inputToken', 'outputToken', 'resultKey', 'limitKey', 'source'],
  parameter: ['name', 'in', 'x-member', 'required', 'description', 'schema'],
  response: ['description', 'headers', 'content'],
  header: ['x-member', 'description', 'schema'],
  error: ['code', 'status', 'fault', 'retryable', 'throttling'],
  schema: [
    'description',
    'type',
    'format',
    'x-timestamp',
    'x-error',
    'required',
    'minLength',
    'maxLength',
    'pattern',
    'minimum',
    'maximum',
    'minItems',
    'maxItems',
    'minProperties',
    'maxProperties',
    'enum',
    'items',
    'propertyNames',
    'additionalProperties',
    'properties',
    'allOf',
    'oneOf',
    'anyOf',
    '$ref',
    'deprecated',
  ],
};

function ordered(
  obj: Json,
  kind: string,
  child: (key: string, value: any) => any = (_k, v) => v,
): Json {
  const rank = ORDER[kind]!;
  const keys = Object.keys(obj).sort((a, b) => {
    const ra = rank.indexOf(a);
    const rb = rank.indexOf(b);
    return (ra === -1 ? rank.length : ra) - (rb === -1 ? rank.length : rb);
  });
  const out: Json = {};
  for (const key of keys) out[key] = child(key, obj[key]);
  return out;
}

const mapValues = (obj: Json | undefined, f: (v: any) => any): Json =>
  Object.fromEntries(Object.entries(obj ?? {}).map(([k, v]) => [k, f(v)]));

function schema(s: any): any {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return s;
  return ordered(s, 'schema', (key, v) => {
    if (key === 'properties') return mapValues(v, schema);
    if (key === 'items' || key === 'additionalProperties' || key === 'propertyNames')
      return schema(v);
    if (key === 'allOf' || key === 'oneOf' || key === 'anyOf') return v.map(schema);
    if (key === 'x-error') return ordered(v, 'error');
    return v;
  });
}

const content = (c: Json) =>
  mapValues(c, (media: Json) => ({ ...media, schema: schema(media.schema) }));

function operation(op: Json): Json {
  return ordered(op, 'operation', (key, v) => {
    if (key === 'x-paginated') return ordered(v, 'paginated');
    if (key === 'parameters')
      return v.map((p: Json) =>
        ordered(p, 'parameter', (k, pv) => (k === 'schema' ? schema(pv) : pv)),
      );
    if (key === 'requestBody') return { ...v, content: content(v.content ?? {}) };
    if (key === 'responses')
      return mapValues(v, (r: Json) =>
        ordered(r, 'response', (k, rv) => {
          if (k === 'content') return content(rv);
          if (k === 'headers')
            return mapValues(rv, (h: Json) =>
              ordered(h, 'header', (hk, hv) => (hk === 'schema' ? schema(hv) : hv)),
            );
          return rv;
        }),
      );
    return v;
  });
}

export function layoutSpec(doc: Json): Json {
  return ordered(doc, 'document', (key, v) => {
    if (key === 'info') return ordered(v, 'info');
    if (key === 'x-client') return ordered(v, 'client');
    if (key === 'x-endpoints') return ordered(v, 'endpoints');
    if (key === 'paths') return mapValues(v, (item: Json) => mapValues(item, operation));
    if (key === 'components') return { ...v, schemas: mapValues(v.schemas, schema) };
    return v;
  });
}

/**
 * YAML text of a laid-out spec: 100 columns, single quotes, `required: [a, b]`, long text as
 * folded blocks, and date-like strings quoted (YAML 1.1 readers would take `2017-05-18` for a
 * timestamp).
 */
export function specText(doc: Json): string {
  const document = new YAML.Document(layoutSpec(doc));
  YAML.visit(document, {
    Pair(_key, pair) {
      if (YAML.isScalar(pair.key) && pair.key.value === 'required' && YAML.isSeq(pair.value))
        pair.value.flow = true;
      if (
        YAML.isScalar(pair.key) &&
        YAML.isScalar(pair.value) &&
        typeof pair.value.value === 'string'
      ) {
        const text = pair.value.value;
        if (/^\d{4}-\d{2}-\d{2}$/.test(text)) pair.value.type = 'QUOTE_SINGLE';
        else if (text.includes('\n')) pair.value.type = 'BLOCK_LITERAL';
        else if (String(pair.key.value).length + text.length > 80) pair.value.type = 'BLOCK_FOLDED';
      }
    },
  });
  return document.toString({
    lineWidth: 100,
    minContentWidth: 40,
    singleQuote: true,
    flowCollectionPadding: false,
  });
}
