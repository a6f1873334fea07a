import { describe, expect, it } from 'vitest';
import { buildServiceModel, type Json } from '../../scripts/generator/spec-model.js';

/** A small spec exercising each part of the x- vocabulary. */
function spec(overrides: Json = {}): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Demo', version: '1' },
    'x-client': { name: 'Demo' },
    'x-protocol': 'restJson1',
    'x-auth': { scheme: 'sigv4', signingName: 'demo' },
    'x-request-id-header': 'X-Amzn-RequestId',
    paths: {
      '/things/{thingId}': {
        get: {
          operationId: 'ListThings',
          'x-paginated': {
            inputToken: 'next',
            outputToken: 'next',
            resultKey: 'things',
            limitKey: 'limit',
          },
          parameters: [
            { name: 'thingId', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50 } },
            { name: 'next', in: 'query', schema: { type: 'string' } },
            { name: 'x-trace-id', in: 'header', 'x-member': 'traceId', schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              headers: { 'X-Next': { 'x-member': 'nextFromHeader', schema: { type: 'string' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Page' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Page: {
          type: 'object',
          properties: {
            things: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
            next: { type: 'string' },
          },
        },
        Thing: {
          type: 'object',
          properties: {
            at: { type: 'number', 'x-timestamp': 'epoch-seconds' },
            history: {
              type: 'object',
              additionalProperties: { type: 'string', 'x-timestamp': 'iso8601' },
            },
            color: { $ref: '#/components/schemas/Color' },
          },
        },
        Color: { type: 'string', enum: ['RED', 'BLUE'] },
        Oops: {
          type: 'object',
          'x-error': { code: 'Oops', status: 418 },
          properties: { detail: { type: 'string' } },
        },
        ...(overrides.schemas ?? {}),
      },
    },
  };
}

describe('buildServiceModel', () => {
  const model = buildServiceModel(spec());
  const op = model.operations[0]!;

  it('names the operation and method from operationId', () => {
    expect([op.name, op.methodName, op.httpMethod]).toEqual(['ListThings', 'listThings', 'GET']);
  });

  it('takes member names from x-member and keeps the wire name', () => {
    expect(op.members.find((m) => m.wireName === 'x-trace-id')).toMatchObject({
      name: 'traceId',
      location: 'header',
    });
    expect(op.outputHeaders).toEqual([
      { member: 'nextFromHeader', header: 'x-next', description: undefined },
    ]);
  });

  it('makes path labels non-empty and copies JSON Schema constraints into rules', () => {
    expect(op.members.find((m) => m.name === 'thingId')!.rule).toEqual({
      type: 'string',
      required: true,
      minLength: 1,
    });
    expect(op.members.find((m) => m.name === 'limit')!.rule).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 50,
    });
  });

  it('derives the timestamp plan through arrays, refs and maps', () => {
    expect(op.timestamps).toEqual({
      things: { items: { at: 'epoch-seconds', history: { values: 'iso8601' } } },
    });
  });

  it('reads the paginator and its limit range', () => {
    expect(op.paginator).toEqual({
      inputToken: 'next',
      outputToken: 'next',
      resultKey: 'things',
      limitKey: 'limit',
      limitRange: [1, 50],
    });
  });

  it('separates modelled errors, enums and named shapes', () => {
    expect(model.errors).toEqual([
      expect.objectContaining({ code: 'Oops', status: 418, fault: 'client', retryable: false }),
    ]);
    expect(model.enums).toEqual([
      { name: 'Color', values: ['RED', 'BLUE'], description: undefined },
    ]);
    expect(model.schemas.map((s) => s.name)).toEqual(['Color', 'Page', 'Thing']);
    expect(model.requestIdHeader).toBe('x-amzn-requestid');
  });

  it('refuses a spec without x-client or x-protocol', () => {
    const bad = spec();
    delete bad['x-protocol'];
    expect(() => buildServiceModel(bad)).toThrow(/x-protocol/);
  });

  it('refuses timestamps in nested arrays it cannot plan', () => {
    const nested = spec({
      schemas: {
        Thing: {
          type: 'object',
          properties: {
            grid: {
              type: 'array',
              items: { type: 'array', items: { type: 'number', 'x-timestamp': 'epoch-seconds' } },
            },
          },
        },
      },
    });
    expect(() => buildServiceModel(nested)).toThrow(/nested arrays/);
  });
});
