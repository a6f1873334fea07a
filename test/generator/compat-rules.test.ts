/**
 * What the generator emits for forward compatibility (issue 14): nested member rules for the
 * runtime's two validation modes, and open enum types.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildServiceModel, openEnumType, type Json } from '../../scripts/generator/spec-model.js';
import { generateService } from '../../scripts/generator/generate-service.js';

function spec(): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Search', version: '1' },
    'x-client': { name: 'Search' },
    'x-protocol': 'awsJson1_1',
    'x-aws-target-prefix': 'Search',
    'x-auth': { scheme: 'sigv4', signingName: 'search' },
    paths: {
      '/#X-Amz-Target=Search.Find': {
        post: {
          operationId: 'Find',
          requestBody: {
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/FindRequest' } },
            },
          },
          responses: { '200': { description: 'ok' } },
        },
      },
      '/things': {
        get: {
          operationId: 'ListThings',
          parameters: [
            { name: 'state', in: 'query', schema: { type: 'string', enum: ['NEW', 'OLD'] } },
          ],
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: {
      schemas: {
        FindRequest: {
          type: 'object',
          required: ['Filters'],
          properties: {
            Filters: {
              type: 'array',
              minItems: 1,
              maxItems: 10,
              items: { $ref: '#/components/schemas/Filter' },
            },
            Tags: {
              type: 'object',
              maxProperties: 50,
              additionalProperties: { type: 'string', maxLength: 256 },
            },
            Order: { $ref: '#/components/schemas/Order' },
            Tree: { $ref: '#/components/schemas/Node' },
          },
        },
        Filter: {
          type: 'object',
          required: ['Name'],
          properties: {
            Name: { type: 'string', minLength: 1, pattern: '^[A-Za-z]+$' },
            Values: { type: 'array', items: { type: 'string', enum: ['ON', 'OFF'] } },
            Since: { type: 'number', 'x-timestamp': 'epoch-seconds' },
          },
        },
        Order: { type: 'string', enum: ['ASC', 'DESC'] },
        Node: {
          type: 'object',
          properties: { Children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
        },
      },
    },
  };
}

describe('member rules', () => {
  const members = buildServiceModel(spec()).operations.find((op) => op.name === 'Find')!.members;
  const rule = (name: string) => members.find((m) => m.name === name)!.rule;

  it('describe a list of structures down to its members, with required and constraints', () => {
    expect(rule('Filters')).toEqual({
      type: 'array',
      required: true,
      minItems: 1,
      maxItems: 10,
      items: {
        type: 'object',
        members: {
          Name: { type: 'string', required: true, minLength: 1, pattern: '^[A-Za-z]+$' },
          Values: { type: 'array', items: { type: 'string', enum: ['ON', 'OFF'] } },
        },
      },
    });
  });

  it('leave nested timestamps (a Date in the input) to input timestamp serialisation', () => {
    expect(Object.keys(rule('Filters').items.members)).toEqual(['Name', 'Values']);
  });

  it('describe a map by its size and value rule', () => {
    expect(rule('Tags')).toEqual({
      type: 'object',
      maxProperties: 50,
      values: { type: 'string', maxLength: 256 },
    });
  });

  it('cut a recursive schema at its second visit', () => {
    expect(rule('Tree')).toEqual({
      type: 'object',
      members: { Children: { type: 'array', items: { type: 'object' } } },
    });
  });
});

describe('generated code', () => {
  it('types enums open, keeping the known values, and compiles nested patterns to RegExps', async () => {
    const files = await generateService('specs/search.yaml', stringify(spec()));
    expect(files.get('types.ts')).toContain(`Order: 'ASC' | 'DESC' | (string & {});`);
    expect(files.get('types.ts')).toContain(`Values?: ('ON' | 'OFF' | (string & {}))[];`);
    expect(files.get('client.ts')).toContain(`pattern: new RegExp('^[A-Za-z]+$', 'u')`);
    // Parameters too, in `paths` (the typed call) and in the input interface.
    expect(files.get('types.ts')).toContain(`state?: 'NEW' | 'OLD' | (string & {});`);
    expect(files.get('client.ts')).toContain(`state?: 'NEW' | 'OLD' | (string & {});`);
    // The runtime's rule keeps the closed list, for strict mode.
    expect(files.get('client.ts')).toContain(`state: { type: 'string', enum: ['NEW', 'OLD'] }`);
  });

  it('inline enums on parameters are open too', () => {
    expect(openEnumType(['a', 'b'])).toBe('"a" | "b" | (string & {})');
  });
});
