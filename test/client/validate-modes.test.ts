import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateInput, type InputRules } from '../../src/client/validate.js';
import { CONSTRAINT_CHECKS, checksFor } from '../../src/client/validate-checks.js';
import { checkValidationMode } from '../../src/client/validation-mode.js';
import { ConfigurationError, ValidationError } from '../../src/errors/index.js';
import { AthenaClient } from 'cloud-sessions/athena';

/** A list of filter structures and a map of tags, as create and search operations take them. */
const rules: InputRules = {
  Filters: {
    type: 'array',
    minItems: 1,
    maxItems: 2,
    items: {
      type: 'object',
      members: {
        Name: { type: 'string', required: true, minLength: 1, maxLength: 8, pattern: /^[a-z]+$/u },
        Values: { type: 'array', items: { type: 'string', enum: ['A', 'B'] } },
        Limit: { type: 'integer', minimum: 1, maximum: 5 },
      },
    },
  },
  Tags: {
    type: 'object',
    maxProperties: 2,
    values: { type: 'string', minLength: 1, maxLength: 4 },
  },
};

type Row = [what: string, input: object, member: string | undefined, rule: string | undefined];

/** Refused in both modes: what botocore's ParamValidator refuses (validate.py). */
const BOTH: Row[] = [
  ['valid', { Filters: [{ Name: 'abc', Values: ['A'] }], Tags: { k: 'v' } }, undefined, undefined],
  ['empty list below minItems', { Filters: [] }, 'Filters', 'minItems 1'],
  ['nested required member', { Filters: [{ Values: ['A'] }] }, 'Filters[0].Name', 'required'],
  ['nested type', { Filters: [{ Name: 7 }] }, 'Filters[0].Name', 'type string'],
  [
    'nested minLength',
    { Filters: [{ Name: 'a' }, { Name: '' }] },
    'Filters[1].Name',
    'minLength 1',
  ],
  ['nested minimum', { Filters: [{ Name: 'a', Limit: 0 }] }, 'Filters[0].Limit', 'minimum 1'],
  [
    'list element type',
    { Filters: [{ Name: 'a', Values: [1] }] },
    'Filters[0].Values[0]',
    'type string',
  ],
  ['null list element', { Filters: [null] }, 'Filters[0]', 'type object'],
  ['map value type', { Tags: { team: 5 } }, 'Tags.team', 'type string'],
  ['map value minLength', { Tags: { team: '' } }, 'Tags.team', 'minLength 1'],
  ['structure given a list', { Filters: [[]] }, 'Filters[0]', 'type object'],
];

/** Accepted by default, refused in strict mode. */
const STRICT_ONLY: Row[] = [
  [
    'too many items',
    { Filters: [{ Name: 'a' }, { Name: 'b' }, { Name: 'c' }] },
    'Filters',
    'maxItems 2',
  ],
  ['nested maxLength', { Filters: [{ Name: 'abcdefghi' }] }, 'Filters[0].Name', 'maxLength 8'],
  ['nested pattern', { Filters: [{ Name: 'ABC' }] }, 'Filters[0].Name', 'pattern ^[a-z]+$'],
  [
    'nested enum',
    { Filters: [{ Name: 'a', Values: ['A', 'C'] }] },
    'Filters[0].Values[1]',
    'enum A|B',
  ],
  ['nested maximum', { Filters: [{ Name: 'a', Limit: 6 }] }, 'Filters[0].Limit', 'maximum 5'],
  ['map size', { Tags: { a: 'x', b: 'y', c: 'z' } }, 'Tags', 'maxProperties 2'],
  ['map value maxLength', { Tags: { a: 'xxxxx' } }, 'Tags.a', 'maxLength 4'],
];

function outcome(input: object, mode: 'default' | 'strict'): [string, string] | undefined {
  try {
    validateInput(input, rules, 'Search', mode);
    return undefined;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    expect(error.message).toContain(error.parameter);
    return [error.parameter, error.rule];
  }
}

describe('nested members', () => {
  for (const [what, input, member, rule] of BOTH) {
    it(`${what}: ${member ?? 'accepted'} in both modes`, () => {
      const expected = member === undefined ? undefined : [member, rule];
      expect(outcome(input, 'default')).toEqual(expected);
      expect(outcome(input, 'strict')).toEqual(expected);
    });
  }
  for (const [what, input, member, rule] of STRICT_ONLY) {
    it(`${what}: accepted by default, ${member} ${rule} in strict mode`, () => {
      expect(outcome(input, 'default')).toBeUndefined();
      expect(outcome(input, 'strict')).toEqual([member, rule]);
    });
  }

  it('the default mode never refuses a value only a pattern, maximum or enum rejects', () => {
    const name = fc.string({ minLength: 1, maxLength: 40 });
    const filter = fc.record({
      Name: name,
      Values: fc.array(fc.string(), { maxLength: 4 }),
      Limit: fc.integer({ min: 1, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(filter, { minLength: 1, maxLength: 6 }),
        fc.dictionary(fc.string(), fc.string({ minLength: 1 }), { maxKeys: 5 }),
        (Filters, Tags) => {
          expect(outcome({ Filters, Tags }, 'default')).toBeUndefined();
        },
      ),
    );
  });
});

describe('the constraint table', () => {
  it('the default rows are exactly botocore’s: min length, min items, minimum', () => {
    const defaults = CONSTRAINT_CHECKS.filter((row) => row.mode === 'default').map(
      (r) => r.keyword,
    );
    expect(defaults.sort()).toEqual(['minItems', 'minLength', 'minimum']);
  });

  it('strict mode runs every row, the default mode only the default rows', () => {
    for (const applies of ['string', 'number', 'array', 'map'] as const) {
      expect(checksFor(applies, 'strict')).toEqual(
        CONSTRAINT_CHECKS.filter((r) => r.applies === applies),
      );
      expect(checksFor(applies, 'default').every((r) => r.mode === 'default')).toBe(true);
    }
  });
});

describe('checkValidationMode', () => {
  it.each(['default', 'strict', undefined])('accepts %s', (mode) => {
    expect(checkValidationMode(mode, 'validation')).toBe(mode);
  });
  it.each(['Strict', 'strcit', '', 1, true])('refuses %j naming the option', (mode) => {
    expect(() => checkValidationMode(mode, 'options.validation')).toThrowError(ConfigurationError);
    expect(() => checkValidationMode(mode, 'options.validation')).toThrowError(
      /options\.validation must be one of 'default', 'strict'/,
    );
  });
});

describe('the validation option of a client', () => {
  it('an unknown mode on the client is a ConfigurationError at construction', () => {
    expect(
      () => new AthenaClient({ region: 'us-east-1', validation: 'paranoid' as never }),
    ).toThrowError(/validation must be one of 'default', 'strict' \(got 'paranoid'\)/);
  });

  it('an unknown mode on a call is a ConfigurationError before anything is sent', async () => {
    let sent = 0;
    const client = new AthenaClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      fetch: async () => {
        sent++;
        return new Response('{}');
      },
    });
    const error = await client
      .listNotebookSessions({ NotebookId: 'nb' }, { validation: 'Strict' as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(sent).toBe(0);
  });
});

describe('string lengths', () => {
  it('minLength and maxLength count code points, whatever the mix of BMP and astral characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'é', '😀', '\u{10FFFF}'), maxLength: 30 }),
        fc.nat({ max: 20 }),
        fc.nat({ max: 40 }),
        (value, minLength, maxLength) => {
          const length = [...value].length;
          const expected =
            length < minLength
              ? `minLength ${minLength}`
              : length > maxLength
                ? `maxLength ${maxLength}`
                : undefined;
          let rule: string | undefined;
          try {
            validateInput(
              { s: value },
              { s: { type: 'string', minLength, maxLength } },
              'Op',
              'strict',
            );
          } catch (error) {
            rule = (error as ValidationError).rule;
          }
          expect(rule).toBe(expected);
        },
      ),
    );
  });
});
