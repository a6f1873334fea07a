import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateInput, type InputRules } from '../../src/client/validate.js';
import { applyTimestamps, epochSeconds, iso8601 } from '../../src/client/timestamps.js';
import { ValidationError } from '../../src/errors/index.js';

const rules: InputRules = {
  name: { type: 'string', required: true, minLength: 2, maxLength: 4 },
  mode: { type: 'string', enum: ['A', 'B'] },
  count: { type: 'integer', minimum: 0, maximum: 10 },
  flag: { type: 'boolean' },
};

describe('validateInput', () => {
  // [what, input, mode, member, rule]: no member = accepted.
  const table: Array<
    [string, unknown, 'default' | 'strict', string | undefined, string | undefined]
  > = [
    ['valid', { name: 'ab', mode: 'A', count: 3, flag: true }, 'strict', undefined, undefined],
    ['not an object', null, 'default', 'input', 'type object'],
    ['array input', [], 'default', 'input', 'type object'],
    ['enum miss, strict', { name: 'ab', mode: 'C' }, 'strict', 'mode', 'enum A|B'],
    [
      'enum miss passes by default (open enum)',
      { name: 'ab', mode: 'C' },
      'default',
      undefined,
      undefined,
    ],
    ['boolean type', { name: 'ab', flag: 'yes' }, 'default', 'flag', 'type boolean'],
    ['NaN', { name: 'ab', count: Number.NaN }, 'default', 'count', 'type integer'],
    [
      'length counts code points, not UTF-16 units',
      { name: '😀😀' },
      'strict',
      undefined,
      undefined,
    ],
    ['too long in code points, strict', { name: '😀😀😀😀😀' }, 'strict', 'name', 'maxLength 4'],
    ['too long passes by default', { name: '😀😀😀😀😀' }, 'default', undefined, undefined],
    ['too short in either mode', { name: '😀' }, 'default', 'name', 'minLength 2'],
  ];
  for (const [what, input, mode, parameter, rule] of table) {
    it(what, () => {
      if (!parameter) {
        expect(() => validateInput(input, rules, 'Op', mode)).not.toThrow();
        return;
      }
      try {
        validateInput(input, rules, 'Op', mode);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect(error).toMatchObject({ parameter, rule });
        expect((error as Error).message).toContain(parameter);
      }
    });
  }

  it('strict mode accepts every integer in range and rejects every one outside', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (count) => {
        const ok = count >= 0 && count <= 10;
        const run = () => validateInput({ name: 'ab', count }, rules, 'Op', 'strict');
        if (ok) expect(run).not.toThrow();
        else expect(run).toThrow(ValidationError);
      }),
    );
  });

  it('the default mode checks the minimum only', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (count) => {
        const run = () => validateInput({ name: 'ab', count }, rules, 'Op');
        if (count >= 0) expect(run).not.toThrow();
        else expect(run).toThrow(ValidationError);
      }),
    );
  });
});

describe('timestamps', () => {
  it('epoch seconds keep millisecond fractions', () => {
    expect((epochSeconds(1700000000.5) as Date).toISOString()).toBe('2023-11-14T22:13:20.500Z');
  });

  it('ISO 8601 with an offset is converted to the same instant', () => {
    expect(iso8601('2024-01-01T02:00:00+02:00')).toEqual(new Date('2024-01-01T00:00:00Z'));
  });

  it('refuses values that are not timestamps of their format (undefined; the caller throws)', () => {
    expect(iso8601('not a date')).toBeUndefined();
    expect(epochSeconds('1700000000')).toBeUndefined();
  });

  it('applies a plan through arrays, nested objects and maps', () => {
    const data = {
      list: [{ at: 1 }, { at: 2, other: 3 }],
      nested: { when: '2024-01-01T00:00:00Z' },
      map: { a: '2024-01-02T00:00:00Z' },
      missing: undefined,
    };
    applyTimestamps(data, {
      list: { items: { at: epochSeconds } },
      nested: { fields: { when: iso8601 } },
      map: { values: iso8601 },
      missing: iso8601,
    });
    expect(data.list[0]!.at).toEqual(new Date(1000));
    expect(data.list[1]!.other).toBe(3);
    expect(data.nested.when).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(data.map.a).toEqual(new Date('2024-01-02T00:00:00Z'));
    expect(data.missing).toBeUndefined();
  });
});
