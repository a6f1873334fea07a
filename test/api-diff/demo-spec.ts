/** A small spec using each part of the x- vocabulary the report compares; tests mutate copies. */
import type { Json } from '../../scripts/api-diff/flatten.js';

export function demoSpec(): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Demo', version: '1' },
    'x-client': { name: 'Demo', serviceId: 'demo' },
    'x-protocol': 'restJson1',
    'x-auth': { scheme: 'sigv4', signingName: 'demo' },
    'x-retry': 'aws',
    'x-request-id-header': 'x-amzn-RequestId',
    'x-endpoints': { partitions: 'aws', default: 'https://demo.{region}.{dnsSuffix}' },
    paths: {
      '/things/{thingId}': {
        get: {
          operationId: 'ListThings',
          summary: 'Lists things.',
          'x-paginated': {
            inputToken: 'next',
            outputToken: 'next',
            resultKey: 'things',
            limitKey: 'limit',
          },
          parameters: [
            {
              name: 'thingId',
              in: 'path',
              required: true,
              schema: { type: 'string', minLength: 1 },
            },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50 } },
            { name: 'ratio', in: 'query', schema: { type: 'number' } },
            { name: 'next', in: 'query', schema: { type: 'string' } },
            { name: 'mode', in: 'query', schema: { type: 'string', enum: ['FAST', 'SLOW'] } },
          ],
          responses: {
            '200': {
              description: 'OK',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/ListThingsResponse' } },
              },
            },
            '400': {
              description: 'Bad input.',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/ValidationException' },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        ListThingsResponse: {
          type: 'object',
          properties: {
            next: { type: 'string' },
            things: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
          },
        },
        Thing: {
          type: 'object',
          properties: {
            id: { type: 'string', description: 'The ID.' },
            name: { type: 'string', maxLength: 64 },
            count: { type: 'integer' },
            state: { $ref: '#/components/schemas/ThingState' },
            createdAt: { type: 'string', format: 'date-time', 'x-timestamp': 'iso8601' },
          },
        },
        ThingState: { type: 'string', enum: ['READY', 'STOPPED'] },
        ValidationException: {
          type: 'object',
          'x-error': {
            code: 'ValidationException',
            status: 400,
            fault: 'client',
            retryable: false,
            throttling: false,
          },
          properties: { message: { type: 'string' } },
        },
      },
    },
  };
}

/** A deep copy of the demo spec after `mutate`. */
export function mutated(mutate: (spec: Json) => void): Json {
  const spec = demoSpec();
  mutate(spec);
  return spec;
}

export const op = (spec: Json): Json => spec.paths['/things/{thingId}'].get;
export const param = (spec: Json, name: string): Json =>
  op(spec).parameters.find((p: Json) => p.name === name);
export const thing = (spec: Json): Json => spec.components.schemas.Thing;
