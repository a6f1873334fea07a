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
  const table: Array<[string, unknown, string | undefined, string | undefined]> = [
    ['valid', { name: 'ab', mode: 'A', count: 3, flag: true }, undefined, undefined],
    ['not an object', null, 'input', 'type object'],
    ['array input', [], 'input', 'type object'],
    ['enum miss', { name: 'ab', mode: 'C' }, 'mode', 'enum A|B'],
    ['boolean type', { name: 'ab', flag: 'yes' }, 'flag', 'type boolean'],
    ['NaN', { name: 'ab', count: Number.NaN }, 'count', 'type integer'],
    ['length counts code points, not UTF-16 units', { name: '😀😀' }, undefined, undefined],
    ['too long in code points', { name: '😀😀😀😀😀' }, 'name', 'maxLength 4'],
  ];
  for (const [what, input, parameter, rule] of table) {
    it(what, () => {
      if (!parameter) {
        expect(() => validateInput(input, rules, 'Op')).not.toThrow();
        return;
      }
      try {
        validateInput(input, rules, 'Op');
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect(error).toMatchObject({ parameter, rule });
        expect((error as Error).message).toContain(parameter);
      }
    });
  }

  it('accepts every integer in range and rejects every one outside', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (count) => {
        const ok = count >= 0 && count <= 10;
        const run = () => validateInput({ name: 'ab', count }, rules, 'Op');
        if (ok) expect(run).not.toThrow();
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
