import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { unsupportedFeatures } from '../../scripts/generator/spec-checks.js';
import { generateService } from '../../scripts/generator/generate-service.js';
import type { Json } from '../../scripts/generator/spec-model.js';

/** A one-operation spec whose request body schema is `member`. */
function specWith(member: Json, extra: Json = {}): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'T', version: '1' },
    'x-client': { name: 'T' },
    'x-protocol': 'awsJson1_0',
    'x-auth': { scheme: 'none' },
    paths: {
      '/#X-Amz-Target=T.ListThings': {
        post: {
          operationId: 'ListThings',
          requestBody: {
            content: {
              'application/x-amz-json-1.0': { schema: { $ref: '#/components/schemas/In' } },
            },
          },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: { schemas: { In: { type: 'object', properties: { Member: member } } } },
    ...extra,
  };
}

describe('unsupportedFeatures', () => {
  it.each([
    [
      { type: 'string', pattern: '^[a-z\\_]+$' },
      'components.schemas.In.Member: pattern "^[a-z\\\\_]+$" is not an ECMAScript',
    ],
    [
      { oneOf: [{ type: 'string' }, { type: 'number' }] },
      'components.schemas.In.Member: a union (oneOf)',
    ],
    [{ description: 'anything' }, 'components.schemas.In.Member: a document type'],
    [
      { type: 'string', format: 'binary' },
      'components.schemas.In.Member: a blob or streaming member',
    ],
    [
      { type: 'array', items: { type: 'string', pattern: 'a\\:b' } },
      'components.schemas.In.Member[]: pattern',
    ],
  ])('%j -> %s', (member, message) => {
    const problems = unsupportedFeatures(specWith(member));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('names a protocol the runtime does not speak', () => {
    expect(unsupportedFeatures(specWith({ type: 'string' }, { 'x-protocol': 'awsQuery' }))).toEqual(
      [expect.stringContaining('x-protocol awsQuery: not a protocol the runtime speaks')],
    );
  });

  it('names a streaming response', () => {
    const spec = specWith({ type: 'string' });
    spec.paths['/#X-Amz-Target=T.ListThings'].post.responses['200'].content = {
      'application/vnd.amazon.eventstream': { schema: { type: 'string' } },
    };
    expect(unsupportedFeatures(spec)).toEqual([
      'ListThings response: a streaming payload or event stream (application/vnd.amazon.eventstream)',
    ]);
  });

  it.each(readdirSync('specs').filter((f) => f.endsWith('.yaml')))('accepts specs/%s', (file) => {
    expect(unsupportedFeatures(parse(readFileSync(`specs/${file}`, 'utf8')))).toEqual([]);
  });

  it('makes generate refuse the spec, naming the member, instead of a client that throws at import', async () => {
    const { stringify } = await import('yaml');
    await expect(
      generateService('specs/t.yaml', stringify(specWith({ type: 'string', pattern: 'a\\:b' }))),
    ).rejects.toThrow(
      /specs\/t\.yaml: the generator cannot express:\n  - components\.schemas\.In\.Member: pattern/,
    );
  });
});
