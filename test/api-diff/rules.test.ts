import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../scripts/api-diff/index.js';
import { classify, RULES } from '../../scripts/api-diff/rules.js';
import type { Json } from '../../scripts/api-diff/flatten.js';
import { demoSpec, mutated, op, param, thing } from './demo-spec.js';

/**
 * One case per kind of change: the spec after `mutate`, the rules (path: rule) the report gives
 * going from the demo spec to it, and the rules going back. Every rule of RULES appears here.
 */
interface Case {
  name: string;
  mutate: (spec: Json) => void;
  forward: Record<string, string>;
  back: Record<string, string>;
}

const error409 = (s: Json) => {
  s.components.schemas.ConflictException = {
    type: 'object',
    'x-error': {
      code: 'ConflictException',
      status: 409,
      fault: 'client',
      retryable: false,
      throttling: false,
    },
  };
  op(s).responses['409'] = {
    description: 'Conflict.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ConflictException' } } },
  };
};

const CASES: Case[] = [
  {
    name: 'an operation',
    mutate: (s) => {
      s.paths['/other'] = { get: { operationId: 'GetOther', responses: {} } };
    },
    forward: { GetOther: 'operation-added' },
    back: { GetOther: 'operation-removed' },
  },
  {
    name: "an operation's HTTP path",
    mutate: (s) => {
      s.paths['/v2/things/{thingId}'] = s.paths['/things/{thingId}'];
      delete s.paths['/things/{thingId}'];
    },
    forward: { ListThings: 'operation-http-changed' },
    back: { ListThings: 'operation-http-changed' },
  },
  {
    name: 'a required input member',
    mutate: (s) =>
      op(s).parameters.push({
        name: 'owner',
        in: 'query',
        required: true,
        schema: { type: 'string' },
      }),
    forward: { 'ListThings.input.owner': 'input-required-added' },
    back: { 'ListThings.input.owner': 'input-removed' },
  },
  {
    name: 'an optional input member',
    mutate: (s) =>
      op(s).parameters.push({ name: 'owner', in: 'query', schema: { type: 'string' } }),
    forward: { 'ListThings.input.owner': 'input-optional-added' },
    back: { 'ListThings.input.owner': 'input-removed' },
  },
  {
    name: 'an optional output member',
    mutate: (s) => (thing(s).properties.color = { type: 'string' }),
    forward: { 'ListThings.output.things[].color': 'output-added' },
    back: { 'ListThings.output.things[].color': 'output-removed' },
  },
  {
    name: 'an input member becoming required',
    mutate: (s) => (param(s, 'limit').required = true),
    forward: { 'ListThings.input.limit': 'input-became-required' },
    back: { 'ListThings.input.limit': 'input-became-optional' },
  },
  {
    name: 'an output member becoming required',
    mutate: (s) => (thing(s).required = ['id']),
    forward: { 'ListThings.output.things[].id': 'output-became-required' },
    back: { 'ListThings.output.things[].id': 'output-became-optional' },
  },
  {
    name: 'an input number becoming an integer',
    mutate: (s) => (param(s, 'ratio').schema.type = 'integer'),
    forward: { 'ListThings.input.ratio': 'input-number-became-integer' },
    back: { 'ListThings.input.ratio': 'numeric-type-same-ts' },
  },
  {
    name: 'an output integer becoming a number',
    mutate: (s) => (thing(s).properties.count.type = 'number'),
    forward: { 'ListThings.output.things[].count': 'numeric-type-same-ts' },
    back: { 'ListThings.output.things[].count': 'numeric-type-same-ts' },
  },
  {
    name: "a member's type",
    mutate: (s) => (thing(s).properties.id.type = 'boolean'),
    forward: { 'ListThings.output.things[].id': 'type-changed' },
    back: { 'ListThings.output.things[].id': 'type-changed' },
  },
  {
    name: 'a string format',
    mutate: (s) => (thing(s).properties.id.format = 'uuid'),
    forward: { 'ListThings.output.things[].id': 'format-changed' },
    back: { 'ListThings.output.things[].id': 'format-changed' },
  },
  {
    name: "a timestamp's wire format",
    mutate: (s) =>
      (thing(s).properties.createdAt = { type: 'number', 'x-timestamp': 'epoch-seconds' }),
    forward: { 'ListThings.output.things[].createdAt': 'format-changed+timestamp-format-changed' },
    back: { 'ListThings.output.things[].createdAt': 'format-changed+timestamp-format-changed' },
  },
  {
    name: "an input member's location",
    mutate: (s) => (param(s, 'ratio').in = 'header'),
    forward: { 'ListThings.input.ratio': 'input-moved' },
    back: { 'ListThings.input.ratio': 'input-moved' },
  },
  {
    name: 'an input maximum',
    mutate: (s) => (param(s, 'limit').schema.maximum = 20),
    forward: { 'ListThings.input.limit': 'input-constraint-tightened' },
    back: { 'ListThings.input.limit': 'input-constraint-relaxed' },
  },
  {
    name: 'an input minimum',
    mutate: (s) => (param(s, 'thingId').schema.minLength = 3),
    forward: { 'ListThings.input.thingId': 'input-constraint-tightened' },
    back: { 'ListThings.input.thingId': 'input-constraint-relaxed' },
  },
  {
    name: 'an input pattern',
    mutate: (s) => (param(s, 'thingId').schema.pattern = '^[a-z]+$'),
    forward: { 'ListThings.input.thingId': 'input-constraint-tightened' },
    back: { 'ListThings.input.thingId': 'input-constraint-relaxed' },
  },
  {
    name: 'an output constraint',
    mutate: (s) => (thing(s).properties.name.maxLength = 32),
    forward: { 'ListThings.output.things[].name': 'output-constraint-changed' },
    back: { 'ListThings.output.things[].name': 'output-constraint-changed' },
  },
  {
    name: 'an output enum value',
    mutate: (s) => s.components.schemas.ThingState.enum.push('HIBERNATED'),
    forward: { 'components.schemas.ThingState.enum.HIBERNATED': 'enum-value-added' },
    back: { 'components.schemas.ThingState.enum.HIBERNATED': 'enum-value-removed' },
  },
  {
    name: 'an input enum value',
    mutate: (s) => param(s, 'mode').schema.enum.push('MEDIUM'),
    forward: { 'ListThings.input.mode.enum.MEDIUM': 'enum-value-added' },
    back: { 'ListThings.input.mode.enum.MEDIUM': 'enum-value-removed' },
  },
  {
    name: 'a named type',
    mutate: (s) => (s.components.schemas.Color = { type: 'string', enum: ['RED'] }),
    forward: { 'components.schemas.Color': 'schema-added' },
    back: { 'components.schemas.Color': 'schema-removed' },
  },
  {
    name: 'a modelled error',
    mutate: error409,
    forward: {
      'errors.ConflictException': 'error-added',
      'ListThings.errors.ConflictException': 'error-added',
    },
    back: {
      'errors.ConflictException': 'error-removed',
      'ListThings.errors.ConflictException': 'operation-error-removed',
    },
  },
  {
    name: "an error's retry default",
    mutate: (s) => (s.components.schemas.ValidationException['x-error'].retryable = true),
    forward: { 'errors.ValidationException': 'error-changed' },
    back: { 'errors.ValidationException': 'error-changed' },
  },
  {
    name: 'a paginator',
    mutate: (s) => delete op(s)['x-paginated'],
    forward: { 'ListThings.paginator': 'paginator-removed' },
    back: { 'ListThings.paginator': 'paginator-added' },
  },
  {
    name: "a paginator's result key",
    mutate: (s) => (op(s)['x-paginated'].resultKey = 'items'),
    forward: { 'ListThings.paginator': 'paginator-result-changed' },
    back: { 'ListThings.paginator': 'paginator-result-changed' },
  },
  {
    name: "a paginator's limit key",
    mutate: (s) => delete op(s)['x-paginated'].limitKey,
    forward: { 'ListThings.paginator': 'paginator-result-changed' },
    back: { 'ListThings.paginator': 'paginator-tokens-changed' },
  },
  {
    name: 'an endpoint variant',
    mutate: (s) => (s['x-endpoints'].fips = 'https://demo-fips.{region}.{dnsSuffix}'),
    forward: { 'endpoints.fips': 'endpoint-added' },
    back: { 'endpoints.fips': 'endpoint-removed-or-changed' },
  },
  {
    name: 'the auth scheme',
    mutate: (s) => (s['x-auth'] = { scheme: 'none' }),
    forward: { auth: 'setting-changed+setting-changed' },
    back: { auth: 'setting-changed+setting-changed' },
  },
  {
    name: 'a description',
    mutate: (s) => (thing(s).properties.id.description = 'The thing ID.'),
    forward: { 'ListThings.output.things[].id': 'docs' },
    back: { 'ListThings.output.things[].id': 'docs' },
  },
];

/** path -> rule ids joined with `+` (an element can change in more than one aspect). */
function rulesOf(before: Json, after: Json): Record<string, string> {
  const byPath: Record<string, string[]> = {};
  for (const c of diffSpecs({ demo: before }, { demo: after }, { version: '1.0.0' }).changes) {
    (byPath[c.path] ??= []).push(c.rule);
  }
  return Object.fromEntries(Object.entries(byPath).map(([p, r]) => [p, r.sort().join('+')]));
}

describe('classification rules', () => {
  for (const c of CASES) {
    it(`${c.name}: demo -> changed`, () => {
      expect(rulesOf(demoSpec(), mutated(c.mutate))).toEqual(c.forward);
    });
    it(`${c.name}: changed -> demo`, () => {
      expect(rulesOf(mutated(c.mutate), demoSpec())).toEqual(c.back);
    });
  }

  it('a client added is compatible; removed, breaking for code', () => {
    const added = diffSpecs({}, { demo: demoSpec() }, { version: '1.0.0' }).changes;
    const removed = diffSpecs({ demo: demoSpec() }, {}, { version: '1.0.0' }).changes;
    expect(added.map((c) => [c.path, c.rule, c.class])).toEqual([
      ['demo', 'client-added', 'compatible'],
    ]);
    expect(removed.map((c) => [c.path, c.rule, c.class])).toEqual([
      ['demo', 'client-removed', 'breaking-code'],
    ]);
  });

  it('a change no rule covers falls to the conservative catch-all', () => {
    const c = classify({
      client: 'demo',
      path: 'ListThings',
      kind: 'operation',
      change: 'changed',
      aspect: 'x-new',
    });
    expect([c.rule, c.class]).toEqual(['unclassified', 'breaking-wire']);
  });

  it('every rule has a case', () => {
    const covered = new Set<string>(['client-added', 'client-removed', 'unclassified']);
    for (const c of CASES) {
      for (const ids of [...Object.values(c.forward), ...Object.values(c.back)]) {
        for (const id of ids.split('+')) covered.add(id);
      }
    }
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('rule ids are unique', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('an unchanged spec gives no changes', () => {
    expect(diffSpecs({ demo: demoSpec() }, { demo: demoSpec() }).changes).toEqual([]);
  });
});
