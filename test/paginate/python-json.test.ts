import fc from 'fast-check';
import { expect, test } from 'vitest';
import { pythonJsonDumps, type JsonValue } from '../../src/paginate/python-json.js';

// Expected strings are CPython 3.11 `json.dumps(value)` output.
test.each<[string, JsonValue, string]>([
  [
    'a resume dict with a null token',
    { nextToken: null, boto_truncate_amount: 2 },
    '{"nextToken": null, "boto_truncate_amount": 2}',
  ],
  [
    'nested nulls and empty containers',
    { a: null, b: [null, { c: null }], d: {}, e: [] },
    '{"a": null, "b": [null, {"c": null}], "d": {}, "e": []}',
  ],
  ['quotes and backslashes, slash unescaped', 'say "hi" \\ o/', '"say \\"hi\\" \\\\ o/"'],
  [
    'control characters and DEL',
    '\x00\x08\t\n\x0b\x0c\r\x1f\x7f',
    '"\\u0000\\b\\t\\n\\u000b\\f\\r\\u001f\\u007f"',
  ],
  ['Latin-1 as lower-case \\u escapes', 'café ÿ', '"caf\\u00e9 \\u00ff"'],
  [
    'BMP characters, line separators and BOM',
    '€ 中 \u2028\u2029 \ufeff',
    '"\\u20ac \\u4e2d \\u2028\\u2029 \\ufeff"',
  ],
  ['astral characters as surrogate pairs', '😀𝄞', '"\\ud83d\\ude00\\ud834\\udd1e"'],
  ['lone surrogates as they are', '\ud800x\udfff', '"\\ud800x\\udfff"'],
  [
    'literals and numbers in Python repr',
    [true, false, null, 0, -7, 0.5, -0.0001, 1e-5, 1.5e300, 12345.678, 2.5e-7],
    '[true, false, null, 0, -7, 0.5, -0.0001, 1e-05, 1.5e+300, 12345.678, 2.5e-07]',
  ],
  ['key order as inserted', { z: 1, a: 2, m: 3 }, '{"z": 1, "a": 2, "m": 3}'],
])('json.dumps formats %s', (_name, value, expected) => {
  expect(pythonJsonDumps(value)).toBe(expected);
});

test('json.dumps writes NaN and infinities as Python does with allow_nan', () => {
  expect(pythonJsonDumps([NaN, Infinity, -Infinity])).toBe('[NaN, Infinity, -Infinity]');
});

test('json.dumps prints integers beyond 2**53 as Python floats', () => {
  expect(pythonJsonDumps(1e16)).toBe('1e+16');
  expect(pythonJsonDumps(2 ** 53)).toBe('9007199254740992.0');
  expect(pythonJsonDumps(-0)).toBe('0');
});

test('json.dumps skips undefined members and writes undefined elements as null', () => {
  const value = { a: undefined, b: [undefined] } as unknown as JsonValue;
  expect(pythonJsonDumps(value)).toBe('{"b": [null]}');
});

test('json.dumps output is pure ASCII and parses back to the same value', () => {
  fc.assert(
    fc.property(
      fc.jsonValue({ noUnicodeString: false, maxDepth: 3 }) as fc.Arbitrary<JsonValue>,
      (generated) => {
        // JSON has no -0 (Python parses "-0" as the int 0), so compare what JSON can carry.
        const value = JSON.parse(JSON.stringify(generated)) as JsonValue;
        const text = pythonJsonDumps(value);
        expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
        expect(JSON.parse(text)).toEqual(value);
      },
    ),
    { numRuns: 300 },
  );
});

test('json.dumps of a string equals JSON.stringify once separators and escapes are normalised', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      const asciiOnly = JSON.stringify(text).replace(
        /[^\x20-\x7e]/g,
        (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      expect(pythonJsonDumps(text)).toBe(asciiOnly);
    }),
    { numRuns: 300 },
  );
});
