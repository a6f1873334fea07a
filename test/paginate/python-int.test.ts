import { expect, test } from 'vitest';
import { pythonInt } from '../../src/paginate/python-int.js';

// Expected values are CPython 3.11 `int(value)` results; null where it raises.
test.each<[string, unknown, number | null]>([
  ['a whole number', 5, 5],
  ['a fraction, truncated toward zero', 2.7, 2],
  ['a negative fraction, truncated toward zero', -2.5, -2],
  ['negative zero', -0, 0],
  ['NaN (ValueError)', NaN, null],
  ['infinity (OverflowError)', Infinity, null],
  ['True', true, 1],
  ['False', false, 0],
  ['a bigint', 12n, 12],
  ['a decimal string', '42', 42],
  ['surrounding ASCII whitespace', ' \t12\n ', 12],
  ['a plus sign', '+3', 3],
  ['a minus sign', '-3', -3],
  ['leading zeros', '0007', 7],
  ['single underscores between digits', '1_000', 1000],
  ['Arabic-Indic digits', '٣٤', 34],
  ['fullwidth digits', '１２', 12],
  ['mathematical digits from a run of five sets', '𝟗𝟎', 90],
  ['ideographic space around digits', '\u30005\u3000', 5],
  ['no-break space before digits', '\xa07', 7],
  ['a leading underscore', '_1', null],
  ['a trailing underscore', '1_', null],
  ['a double underscore', '1__0', null],
  ['a space after the sign', '- 1', null],
  ['information separators, which int() does not strip', '\x1c5\x1f', null],
  ['a byte order mark', '\ufeff1', null],
  ['a decimal point', '5.0', null],
  ['an exponent', '1e3', null],
  ['a hex prefix', '0x10', null],
  ['an empty string', '', null],
  ['null (TypeError)', null, null],
  ['an object (TypeError)', {}, null],
  ['an array (TypeError)', [1], null],
])('int() of %s', (_name, value, expected) => {
  const result = pythonInt(value);
  expect(result.ok ? result.value : null).toBe(expected);
});

test('int() failures carry a reason naming the literal', () => {
  expect(pythonInt('abc')).toEqual({
    ok: false,
    reason: 'invalid literal for int() with base 10: "abc"',
  });
});
