/** Outcome of {@link pythonInt}: the integer, or why Python's `int()` would raise. */
export type PythonIntResult = { ok: true; value: number } | { ok: false; reason: string };

/**
 * Coerces `value` the way Python's `int(value)` does, because botocore passes
 * `PaginationConfig.MaxItems` and `PageSize` through `int()` (botocore/paginate.py,
 * `Paginator._extract_paging_params`) and the legacy `___` token's skip count too.
 *
 * - numbers truncate toward zero (`int(2.7) == 2`, `int(-2.5) == -2`); NaN raises
 *   ValueError and infinities raise OverflowError, both reported as `ok: false`;
 * - booleans are 0 and 1 (`bool` is an `int` subclass); bigints convert;
 * - strings follow `int(str)` in base 10: surrounding whitespace, one optional sign,
 *   digits with single underscores between them, and any Unicode decimal digit (`'٣'` is 3);
 *   `'5.0'`, `'1e3'`, `'0x10'` and `''` are rejected;
 * - anything else is a TypeError in Python, reported as `ok: false`.
 */
export function pythonInt(value: unknown): PythonIntResult {
  switch (typeof value) {
    case 'number':
      if (Number.isNaN(value)) return { ok: false, reason: 'cannot convert NaN to an integer' };
      if (!Number.isFinite(value)) {
        return { ok: false, reason: 'cannot convert infinity to an integer' };
      }
      return { ok: true, value: Math.trunc(value) + 0 };
    case 'boolean':
      return { ok: true, value: value ? 1 : 0 };
    case 'bigint':
      return { ok: true, value: Number(value) };
    case 'string':
      return parseIntLiteral(value);
    default:
      return { ok: false, reason: `expected an integer, got ${describe(value)}` };
  }
}

/**
 * Python 3.11 `int(str)` first maps non-ASCII whitespace to a space and Unicode decimal
 * digits to ASCII (`_PyUnicode_TransformDecimalAndSpaceToASCII`); the parser then skips
 * only ASCII whitespace, so `\x1c`-`\x1f` (which `str.isspace()` accepts) still fail.
 */
const NON_ASCII_SPACE = /[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
const ASCII_LITERAL = /^[ \t\n\v\f\r]*([+-]?)([0-9](?:_?[0-9])*)[ \t\n\v\f\r]*$/;

function parseIntLiteral(text: string): PythonIntResult {
  let ascii = '';
  for (const char of text) {
    if (NON_ASCII_SPACE.test(char)) ascii += ' ';
    else if (char > '\x7f' && DECIMAL_DIGIT.test(char)) ascii += String(decimalValue(char));
    else ascii += char;
  }
  const match = ASCII_LITERAL.exec(ascii);
  if (!match)
    return { ok: false, reason: `invalid literal for int() with base 10: ${JSON.stringify(text)}` };
  const magnitude = Number(BigInt((match[2] as string).replaceAll('_', '')));
  return { ok: true, value: match[1] === '-' ? -magnitude + 0 : magnitude };
}

/**
 * Unicode encodes every set of decimal digits as consecutive code points 0..9 (The Unicode
 * Standard, §4.6 Numeric Value), so a digit's value is its distance from the start of its run, modulo 10
 * (runs such as U+1D7CE..U+1D7FF hold several sets back to back).
 */
function decimalValue(char: string): number {
  const codePoint = char.codePointAt(0) as number;
  let start = codePoint;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
