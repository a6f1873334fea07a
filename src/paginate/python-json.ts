/** A value that JSON can carry. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined };

/**
 * Serialises `value` exactly as Python's `json.dumps(value)` does with its default
 * arguments, which is what botocore uses for resume tokens (botocore/paginate.py,
 * `TokenEncoder.encode`). Byte-identical tokens need this rather than `JSON.stringify`:
 *
 * - separators are `", "` and `": "` (Python's defaults when `indent` is None);
 * - `ensure_ascii=True`: every UTF-16 code unit outside printable ASCII (space to `~`)
 *   is written as a lower-case `\uXXXX`, so astral characters become surrogate pairs and
 *   DEL (0x7f) is escaped, while `/` is not (CPython `Lib/json/encoder.py`, `ESCAPE_ASCII`);
 * - object keys keep insertion order; members whose value is `undefined` are skipped, and
 *   `undefined` array elements become `null`, as in `JSON.stringify`;
 * - safe integers print as Python ints (JSON.parse cannot tell `2` from `2.0`); other
 *   numbers use Python's float `repr` (`1e+16`, `1e-05`); NaN and infinities print as `NaN`/`Infinity`/
 *   `-Infinity` (`allow_nan=True`).
 */
export function pythonJsonDumps(value: JsonValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return pythonJsonString(value);
    case 'number':
      return pythonJsonNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
  }
  if (Array.isArray(value)) {
    const elements = (value as readonly (JsonValue | undefined)[]).map((element) =>
      element === undefined ? 'null' : pythonJsonDumps(element),
    );
    return `[${elements.join(', ')}]`;
  }
  const members: string[] = [];
  for (const [key, member] of Object.entries(value as Record<string, JsonValue | undefined>)) {
    if (member !== undefined) members.push(`${pythonJsonString(key)}: ${pythonJsonDumps(member)}`);
  }
  return `{${members.join(', ')}}`;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** Printable ASCII but `"` and `\`: written as is, so most tokens skip the loop below. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** A JSON string literal with Python's `ensure_ascii` escaping (see {@link pythonJsonDumps}). */
export function pythonJsonString(text: string): string {
  if (PLAIN.test(text)) return `"${text}"`;
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const char = text[i] as string;
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) out += short;
    else if (unit >= 0x20 && unit <= 0x7e) out += char;
    else out += `\\u${unit.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/**
 * A number as Python's `json.dumps` prints it: ints in full, floats as `float.__repr__`,
 * the shortest round-tripping digits, switching to exponent form when the decimal
 * exponent is below -4 or at least 16 (CPython `Python/pystrtod.c`, `format_float_short`
 * with mode 'r').
 */
export function pythonJsonNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Number.isSafeInteger(value)) return String(value + 0);
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const exponent = Number(exponentText);
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${digits[0]}${fraction}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1) || '0';
  return `${sign}${whole}.${fraction}`;
}
