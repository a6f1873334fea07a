/**
 * Property tests for the botocore shape -> JSON Schema mapping (scripts/import/botocore-shapes.ts):
 * random botocore models in, components out; every type, constraint, enum, requirement and
 * timestamp format must survive, through the YAML layout too.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { javaPatternToEcmascript } from '../../scripts/shared/java-pattern.js';
import YAML from 'yaml';
import {
  addComponent,
  type BotocoreShape,
  type Json,
  type ShapeContext,
} from '../../scripts/import/botocore-shapes.js';
import { specText } from '../../scripts/import/layout.js';

const X_TIMESTAMP: Record<string, [string, string]> = {
  unixTimestamp: ['number', 'epoch-seconds'],
  iso8601: ['string', 'iso8601'],
  rfc822: ['string', 'http-date'],
};
const timestampFormat = fc.option(fc.constantFrom('unixTimestamp', 'iso8601', 'rfc822'), {
  nil: undefined,
});
const bound = fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined });
const clean = (o: Json): Json =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const scalar: fc.Arbitrary<BotocoreShape> = fc.oneof(
  fc
    .record({
      min: bound,
      max: bound,
      pattern: fc.option(fc.constantFrom('^[a-z]+$', '[A-Za-z0-9._-]{1,128}', '.*'), {
        nil: undefined,
      }),
    })
    .map((c) => clean({ type: 'string', ...c }) as BotocoreShape),
  fc
    .record({ type: fc.constantFrom('integer', 'long', 'float', 'double'), min: bound, max: bound })
    .map((c) => clean(c) as BotocoreShape),
  fc.constant<BotocoreShape>({ type: 'boolean' }),
  timestampFormat.map((f) => clean({ type: 'timestamp', timestampFormat: f }) as BotocoreShape),
  fc
    .uniqueArray(fc.stringMatching(/^[A-Z][A-Z_]{0,8}$/), { minLength: 1, maxLength: 5 })
    .map((values) => ({ type: 'string', enum: values })),
);

/** A model: shapes S0..Sn, each referring only to earlier ones, and a structure `Root` over them. */
const model = fc
  .array(
    fc.tuple(
      fc.nat(),
      scalar,
      fc.nat(),
      fc.constantFrom('scalar', 'list', 'map', 'structure'),
      bound,
      bound,
      timestampFormat,
    ),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .chain((steps) => {
    const shapes: Record<string, BotocoreShape> = {};
    steps.forEach(([pick, base, pick2, kind, min, max], i) => {
      const earlier = Object.keys(shapes);
      const ref = earlier.length ? earlier[pick % earlier.length]! : undefined;
      const name = `S${i}`;
      if (kind === 'scalar' || !ref) shapes[name] = base;
      else if (kind === 'list')
        shapes[name] = clean({ type: 'list', member: { shape: ref }, min, max }) as BotocoreShape;
      else if (kind === 'map')
        shapes[name] = { type: 'map', key: { shape: 'Key' }, value: { shape: ref } };
      else {
        const other = earlier[pick2 % earlier.length]!;
        shapes[name] = {
          type: 'structure',
          required: ['a'],
          members: { a: { shape: ref }, b: { shape: other } },
        };
      }
    });
    shapes.Key = { type: 'string' };
    const names = Object.keys(shapes).filter((n) => n !== 'Key');
    return fc.record({
      shapes: fc.constant(shapes),
      members: fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: names.length }),
      formats: fc.array(timestampFormat, { minLength: names.length, maxLength: names.length }),
      required: fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
    });
  })
  .map(({ shapes, members, formats, required }) => {
    const root: BotocoreShape = { type: 'structure', members: {}, required: [] };
    members.forEach((target, i) => {
      root.members[`m${i}`] = clean({
        shape: target,
        timestampFormat: formats[i],
        documentation: i % 2 ? `<p>member <code>${i}</code></p>` : undefined,
      });
      if (required[i]) root.required.push(`m${i}`);
    });
    return { ...shapes, Root: root } as Record<string, BotocoreShape>;
  });

/** Asserts that `schema` says what botocore shape `name` says (member-level timestamp format first). */
function expectFaithful(
  ctx: ShapeContext,
  schema: Json,
  name: string,
  memberFormat?: string,
): void {
  const shape = ctx.shapes[name]!;
  if (shape.type === 'structure' || (shape.type === 'string' && shape.enum)) {
    expect(schema.$ref).toBe(`#/components/schemas/${name}`);
    const component = ctx.components.get(name)!;
    if (shape.enum) expect(component).toMatchObject({ type: 'string', enum: shape.enum });
    else {
      expect(component.type).toBe('object');
      expect(Object.keys(component.properties ?? {})).toEqual(Object.keys(shape.members));
      expect(component.required ?? []).toEqual(shape.required ?? []);
    }
    return;
  }
  const expected: Record<string, string> = {
    string: 'string',
    integer: 'integer',
    long: 'integer',
    float: 'number',
    double: 'number',
    boolean: 'boolean',
    list: 'array',
    map: 'object',
  };
  if (shape.type === 'timestamp') {
    const [type, marker] = X_TIMESTAMP[memberFormat ?? shape.timestampFormat ?? 'unixTimestamp']!;
    expect(schema).toMatchObject({ type, 'x-timestamp': marker });
    return;
  }
  expect(schema.type).toBe(expected[shape.type]);
  const keys: Record<string, [string, string]> = {
    string: ['minLength', 'maxLength'],
    list: ['minItems', 'maxItems'],
    map: ['minProperties', 'maxProperties'],
  };
  const [minKey, maxKey] = keys[shape.type] ?? ['minimum', 'maximum'];
  expect(schema[minKey]).toBe(shape.min);
  expect(schema[maxKey]).toBe(shape.max);
  // Java patterns arrive translated to ECMAScript `u` (test/shared/java-pattern.test.ts).
  if (shape.type === 'string') {
    const translated =
      shape.pattern === undefined ? undefined : javaPatternToEcmascript(shape.pattern);
    expect(schema.pattern).toBe(
      translated && 'pattern' in translated ? translated.pattern : undefined,
    );
  }
  if (shape.type === 'list') expectFaithful(ctx, schema.items, shape.member.shape);
  if (shape.type === 'map') expectFaithful(ctx, schema.additionalProperties, shape.value.shape);
}

describe('botocore shapes -> JSON Schema', () => {
  test('types, constraints, enums, required members and timestamp formats are preserved', () => {
    fc.assert(
      fc.property(model, (shapes) => {
        const ctx: ShapeContext = { shapes, components: new Map() };
        addComponent(ctx, 'Root');
        const root = ctx.components.get('Root')!;
        expect(root.required ?? []).toEqual(shapes.Root!.required);
        for (const [member, ref] of Object.entries<Json>(shapes.Root!.members)) {
          expectFaithful(ctx, root.properties[member], ref.shape, ref.timestampFormat);
          if (ref.documentation)
            expect(root.properties[member].description).toBe(`member \`${member.slice(1)}\``);
        }
        for (const [name, component] of ctx.components) {
          const shape = shapes[name]!;
          if (shape.type !== 'structure') continue;
          for (const [member, ref] of Object.entries<Json>(shape.members))
            expectFaithful(ctx, component.properties[member], ref.shape, ref.timestampFormat);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the YAML layout loses nothing: parsing the spec text gives the schemas back', () => {
    fc.assert(
      fc.property(model, (shapes) => {
        const ctx: ShapeContext = { shapes, components: new Map() };
        addComponent(ctx, 'Root');
        const schemas = Object.fromEntries(ctx.components);
        const doc = {
          openapi: '3.1.0',
          info: { title: 't', version: '2020-01-01' },
          paths: {},
          components: { schemas },
        };
        expect(YAML.parse(specText(doc))).toEqual(doc);
      }),
      { numRuns: 200 },
    );
  });
});
