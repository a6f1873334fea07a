/**
 * botocore's `pattern`s are java.util.regex patterns (the services validate with Java); the
 * specs and the runtime use ECMAScript with the `u` flag (specs/README.md). This translates one
 * into the other, keeping Java's meaning, or says which construct it cannot express. Pure: the
 * importer calls it for every pattern it writes; test/shared/java-pattern.test.ts checks it on
 * every pattern of botocore's data, against Java itself when a JDK is installed.
 *
 * Java semantics kept (java.util.regex.Pattern, JDK 17 docs):
 * - identity escapes of any non-letter (`\_`, `\:`, `\-`), invalid with `u`, become the character;
 * - `.` excludes Java's line terminators (`\n \r \u0085 \u2028 \u2029`), unless `(?s)`;
 * - `$` also matches before one final line terminator (or `\r\n`), `\Z` likewise, `\z` only at
 *   the end;
 * - `\s` is ASCII whitespace `[ \t\n\x0B\f\r]`, not ECMAScript's Unicode set; `\h`, `\v`, `\R`;
 * - `\p{IsAlphabetic}`, `\p{IsLatin}`, POSIX classes (`\p{Alpha}`, `\p{Punct}`, US-ASCII only),
 *   `\p{all}`, `\p{LD}`; `\x{h..h}`, `\0ooo`, `\a`, `\e`, `\Q...\E`;
 * - nested classes are unions (`[a-z[0-9]]`); a negated nested class becomes an alternative;
 * - `(?i)` (ASCII case folding, Java's default) and `(?s)`, global or scoped `(?i:...)`.
 * - possessive quantifiers and atomic groups, as a lookahead that captures and a backreference;
 *   class intersection `&&`, as lookaheads.
 * Not expressible with `u` (the result names it): `(?x)`, `(?m)`, `(?u)`, `(?d)`, `\G`, `\X`,
 * Unicode blocks, possessive or atomic constructs in a pattern with numbered backreferences.
 */

export type JavaPatternResult = { pattern: string } | { unsupported: string };

const LINE_TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029';
const DOT = `[^${LINE_TERMINATORS}]`;
const ANY = '[\\s\\S]';
/** Java's `$` without MULTILINE: the end, or before a final terminator (not inside `\r\n`). */
const DOLLAR = '(?=(?:\\r\\n|[\\r\\u0085\\u2028\\u2029]|(?<!\\r)\\n)?$)';
const SPACE = ' \\t\\n\\x0B\\f\\r';
const HSPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const VSPACE = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';

/** A set of characters as the body of an ECMAScript class, possibly negated. */
interface CharSet {
  body: string;
  negated: boolean;
}

/** POSIX and java.lang.Character classes Java names in `\p{...}`, as class bodies. */
const NAMED_SETS: Record<string, CharSet> = {
  Lower: { body: 'a-z', negated: false },
  Upper: { body: 'A-Z', negated: false },
  ASCII: { body: '\\x00-\\x7F', negated: false },
  Alpha: { body: 'a-zA-Z', negated: false },
  Digit: { body: '0-9', negated: false },
  Alnum: { body: 'a-zA-Z0-9', negated: false },
  Punct: { body: '!-\\/:-@\\[-`{-~', negated: false },
  Graph: { body: '!-~', negated: false },
  Print: { body: ' -~', negated: false },
  Blank: { body: ' \\t', negated: false },
  Cntrl: { body: '\\x00-\\x1F\\x7F', negated: false },
  XDigit: { body: '0-9a-fA-F', negated: false },
  Space: { body: SPACE, negated: false },
  all: { body: '\\u{0}-\\u{10FFFF}', negated: false },
  LD: { body: '\\p{L}\\p{Nd}', negated: false },
  L1: { body: '\\x00-\\xFF', negated: false },
  javaLowerCase: { body: '\\p{Lowercase}', negated: false },
  javaUpperCase: { body: '\\p{Uppercase}', negated: false },
  javaMirrored: { body: '\\p{Bidi_M}', negated: false },
};

/** Java binary properties (`\p{IsAlphabetic}`) with their ECMAScript names. */
const BINARY_PROPERTIES: Record<string, string> = {
  alphabetic: 'Alphabetic',
  ideographic: 'Ideographic',
  letter: 'L',
  lowercase: 'Lowercase',
  uppercase: 'Uppercase',
  titlecase: 'Lt',
  punctuation: 'P',
  control: 'Cc',
  whitespace: 'White_Space',
  white_space: 'White_Space',
  digit: 'Nd',
  hexdigit: 'Hex_Digit',
  hex_digit: 'Hex_Digit',
  join_control: 'Join_Control',
  noncharacter_code_point: 'Noncharacter_Code_Point',
  emoji: 'Emoji',
};

const CATEGORIES = new Set(
  'L Lu Ll Lt Lm Lo LC M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Co Cs Cn'.split(
    ' ',
  ),
);

class Unsupported extends Error {}

function propertySet(name: string, negated: boolean): CharSet {
  const prop = (p: string): CharSet => ({ body: `\\${negated ? 'P' : 'p'}{${p}}`, negated: false });
  const named = NAMED_SETS[name];
  if (named) return { body: named.body, negated: negated !== named.negated };
  if (CATEGORIES.has(name)) return prop(name);
  const is = /^Is(.+)$/.exec(name)?.[1];
  if (is !== undefined) {
    if (CATEGORIES.has(is)) return prop(is);
    const binary = BINARY_PROPERTIES[is.toLowerCase()];
    if (binary) return prop(binary);
    if (/^[A-Z][a-z]+(_[A-Z][a-z]+)*$/.test(is)) return prop(`Script=${is}`);
  }
  const keyed = /^(gc|general_category|sc|script)=(.+)$/i.exec(name);
  if (keyed) {
    const key = keyed[1]!.toLowerCase();
    return prop(`${key === 'gc' || key === 'general_category' ? 'gc' : 'Script'}=${keyed[2]}`);
  }
  throw new Unsupported(
    `the property \\p{${name}} (Unicode blocks and this name have no ECMAScript equivalent)`,
  );
}

/** A code point as an escape that is valid anywhere in a `u`-mode pattern. */
function codePoint(cp: number): string {
  return `\\u{${cp.toString(16).toUpperCase()}}`;
}

/** The character, escaped as `u` mode requires outside (`inClass` false) or inside a class. */
function literalChar(ch: string, inClass: boolean): string {
  if (inClass) return /[\\\]\[\-^]/.test(ch) ? `\\${ch}` : ch;
  return /[\^$\\.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** ASCII case variants of a range, for `(?i)`: Java folds US-ASCII only by default. */
function foldedRanges(from: number, to: number): string {
  const extra: string[] = [];
  const add = (lo: number, hi: number, shift: number) => {
    const a = Math.max(from, lo);
    const b = Math.min(to, hi);
    if (a <= b) extra.push(`${codePoint(a + shift)}-${codePoint(b + shift)}`);
  };
  add(0x41, 0x5a, 0x20);
  add(0x61, 0x7a, -0x20);
  return extra.join('');
}

interface Flags {
  i: boolean;
  s: boolean;
}

/** Whether an atom matches no characters: `^`, `$`, `\b`, `\A`, `\z`, `\Z`, a lookaround. */
function isAssertion(java: string, translated: string): boolean {
  return (
    /^(?:\^|\$|\\[bBAzZG])$/.test(java) ||
    (/^\(\?<?[=!]/.test(translated) && /^\(\?<?[=!]/.test(java))
  );
}

/** One character of any of the sets: a class, or an alternation when some are negated. */
function unionOf(positive: string[], negatedParts: string[]): string {
  if (negatedParts.length === 0) return `[${positive.join('')}]`;
  const parts = positive.length ? [`[${positive.join('')}]`] : [];
  for (const body of negatedParts) parts.push(`[^${body}]`);
  return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
}

class Translator {
  #pos = 0;
  #synthetic = 0;
  readonly #src: string;
  readonly #hasNumberedBackreference: boolean;

  constructor(src: string) {
    this.#src = src;
    this.#hasNumberedBackreference = /\\[1-9]/.test(src);
  }

  translate(): string {
    const out = this.#sequence({ i: false, s: false }, false);
    if (this.#pos < this.#src.length) throw new Unsupported(`an unmatched ")" at ${this.#pos}`);
    return out;
  }

  #peek(offset = 0): string | undefined {
    return this.#src[this.#pos + offset];
  }

  /** Reads a whole code point (patterns may hold astral characters). */
  #next(): string {
    const cp = this.#src.codePointAt(this.#pos);
    if (cp === undefined) throw new Unsupported('a pattern that ends too early');
    const ch = String.fromCodePoint(cp);
    this.#pos += ch.length;
    return ch;
  }

  /** Until `)` (in a group) or the end. Inline `(?is)` changes `flags` for the rest. */
  #sequence(outer: Flags, inGroup: boolean): string {
    const flags = { ...outer };
    let out = '';
    while (this.#pos < this.#src.length) {
      const ch = this.#peek()!;
      if (ch === ')') {
        if (!inGroup) throw new Unsupported(`an unmatched ")" at ${this.#pos}`);
        return out;
      }
      if (ch === '|') {
        this.#pos++;
        out += '|';
        continue;
      }
      const start = this.#pos;
      const atom = this.#atom(flags);
      if (atom === undefined) continue; // an inline flag group
      out += this.#quantified(atom, isAssertion(this.#src.slice(start, this.#pos), atom));
    }
    if (inGroup) throw new Unsupported('an unclosed group');
    return out;
  }

  /** The atom with the quantifiers that follow it (Java allows `X{2}{0,3}`: stacked). */
  #quantified(atom: string, assertion: boolean): string {
    let out = atom;
    for (let stacked = 0; ; stacked++) {
      const q = this.#quantifier();
      if (q === undefined) return out;
      if (stacked > 0 && !q.text.startsWith('{')) {
        throw new Unsupported(`a dangling ${q.text} at ${this.#pos - q.text.length}`);
      }
      if (assertion) {
        // `u` mode refuses quantified assertions; Java repeats a zero-width match: once is
        // the same, and an optional one always succeeds.
        if (q.min === 0) out = '';
        continue;
      }
      const base = stacked > 0 ? `(?:${out})` : out;
      if (q.possessive) {
        // No possessive quantifiers or atomic groups in ECMAScript; a lookahead is atomic, so
        // `(?=(?<g>X*))\k<g>` matches what `X*+` does (the usual emulation).
        if (this.#hasNumberedBackreference) {
          throw new Unsupported(`the possessive quantifier ${q.text} with numbered backreferences`);
        }
        const name = `_j${++this.#synthetic}`;
        out = `(?=(?<${name}>${base}${q.text.slice(0, -1)}))\\k<${name}>`;
      } else out = base + q.text;
    }
  }

  #quantifier(): { text: string; min: number; possessive: boolean } | undefined {
    const ch = this.#peek();
    let text: string;
    let min: number;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.#pos++;
      text = ch;
      min = ch === '+' ? 1 : 0;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.#src.slice(this.#pos));
      if (!m)
        throw new Unsupported(`"{" at ${this.#pos} that is not a repetition (Java rejects it too)`);
      this.#pos += m[0].length;
      text = m[0];
      min = Number(m[1]);
    } else return undefined;
    let possessive = false;
    if (this.#peek() === '+') {
      this.#pos++;
      possessive = true;
      text += '+';
    } else if (this.#peek() === '?') {
      this.#pos++;
      text += '?';
    }
    return { text, min, possessive };
  }

  /** One atom; undefined for an inline flag group `(?i)` that only changes `flags`. */
  #atom(flags: Flags): string | undefined {
    const ch = this.#next();
    switch (ch) {
      case '\\':
        return this.#escape(flags);
      case '[': {
        const set = this.#class(flags);
        return set;
      }
      case '(':
        return this.#group(flags);
      case '.':
        return flags.s ? ANY : DOT;
      case '$':
        return DOLLAR;
      case '^':
        return '^';
      case '*':
      case '+':
      case '?':
        throw new Unsupported(`a quantifier ${ch} with nothing to repeat at ${this.#pos - 1}`);
      case '{':
        throw new Unsupported(
          `"{" at ${this.#pos - 1} that is not a repetition (Java rejects it too)`,
        );
      default:
        return this.#literal(ch, flags);
    }
  }

  #literal(ch: string, flags: Flags): string {
    if (flags.i && /[a-zA-Z]/.test(ch)) return `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    return literalChar(ch, false);
  }

  #group(flags: Flags): string | undefined {
    const rest = this.#src.slice(this.#pos);
    let open = '(';
    let inner = flags;
    const flagGroup = /^\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(rest);
    if (rest.startsWith('?>')) {
      if (this.#hasNumberedBackreference) {
        throw new Unsupported('an atomic group (?>...) with numbered backreferences');
      }
      this.#pos += 2;
      const body = this.#sequence(flags, true);
      this.#pos++; // ')'
      const name = `_j${++this.#synthetic}`;
      return `(?=(?<${name}>${body}))\\k<${name}>`;
    }
    if (/^\?(?:[:=!]|<[=!])/.test(rest)) {
      const m = /^\?(?:[:=!]|<[=!])/.exec(rest)![0];
      this.#pos += m.length;
      open = `(${m}`;
    } else if (/^\?<[a-zA-Z][a-zA-Z0-9]*>/.test(rest)) {
      const m = /^\?<[a-zA-Z][a-zA-Z0-9]*>/.exec(rest)![0];
      this.#pos += m.length;
      open = `(${m}`;
    } else if (flagGroup) {
      this.#pos += flagGroup[0].length;
      const next = { ...flags };
      for (const [letters, on] of [
        [flagGroup[1] ?? '', true],
        [flagGroup[2] ?? '', false],
      ] as const) {
        for (const f of letters) {
          if (f === 'i' || f === 's') next[f] = on;
          else throw new Unsupported(`the inline flag (?${f})`);
        }
      }
      if (flagGroup[3] === ')') {
        Object.assign(flags, next);
        return undefined;
      }
      open = '(?:';
      inner = next;
    } else if (rest.startsWith('?')) {
      throw new Unsupported(`the group construct (${rest.slice(0, 3)}`);
    }
    const body = this.#sequence(inner, true);
    this.#pos++; // ')'
    return `${open}${body})`;
  }

  /** An escape outside a class. */
  #escape(flags: Flags): string {
    const set = this.#setEscape();
    if (set) return set.negated ? `[^${set.body}]` : `[${set.body}]`;
    const ch = this.#peek();
    switch (ch) {
      case 'b':
      case 'B':
        this.#pos++;
        return `\\${ch}`;
      case 'A':
        this.#pos++;
        return '^';
      case 'z':
        this.#pos++;
        return '(?![\\s\\S])';
      case 'Z':
        this.#pos++;
        return DOLLAR;
      case 'R':
        this.#pos++;
        return `(?:\\r\\n|[${VSPACE}])`;
      case 'Q':
        return this.#quoted((c) => this.#literal(c, flags));
      case 'k': {
        const m = /^k<[a-zA-Z][a-zA-Z0-9]*>/.exec(this.#src.slice(this.#pos));
        if (!m) throw new Unsupported('a malformed \\k<name>');
        this.#pos += m[0].length;
        return `\\${m[0]}`;
      }
    }
    if (ch !== undefined && /[1-9]/.test(ch)) {
      this.#pos++;
      return `\\${ch}`;
    }
    const cp = this.#charEscape();
    return this.#literal(String.fromCodePoint(cp), flags);
  }

  /** `\Q...\E`: every character literal. */
  #quoted(emit: (ch: string) => string): string {
    this.#pos++; // Q
    const end = this.#src.indexOf('\\E', this.#pos);
    const text = this.#src.slice(this.#pos, end === -1 ? undefined : end);
    this.#pos = end === -1 ? this.#src.length : end + 2;
    return [...text].map(emit).join('');
  }

  /** `\d \w \s \h \v \p{..}` and their negations; undefined when the escape is not a set. */
  #setEscape(): CharSet | undefined {
    const ch = this.#peek();
    switch (ch) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        this.#pos++;
        return { body: `\\${ch}`, negated: false };
      case 's':
      case 'S':
        this.#pos++;
        return { body: SPACE, negated: ch === 'S' };
      case 'h':
      case 'H':
        this.#pos++;
        return { body: HSPACE, negated: ch === 'H' };
      case 'v':
      case 'V':
        this.#pos++;
        return { body: VSPACE, negated: ch === 'V' };
      case 'p':
      case 'P': {
        this.#pos++;
        const m = /^(?:\{([^}]*)\}|([A-Za-z]))/.exec(this.#src.slice(this.#pos));
        if (!m) throw new Unsupported('a malformed \\p');
        this.#pos += m[0].length;
        let name = m[1] ?? m[2]!;
        let negated = ch === 'P';
        if (name.startsWith('^')) {
          name = name.slice(1);
          negated = !negated;
        }
        return propertySet(name, negated);
      }
    }
    return undefined;
  }

  /** A single-character escape (after `\`): its code point. */
  #charEscape(): number {
    const ch = this.#next();
    const simple: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, a: 7, e: 27 };
    if (simple[ch] !== undefined) return simple[ch]!;
    const rest = this.#src.slice(this.#pos);
    let m: RegExpExecArray | null;
    if (ch === 'x' && (m = /^\{([0-9a-fA-F]+)\}/.exec(rest))) {
      this.#pos += m[0].length;
      return parseInt(m[1]!, 16);
    }
    if (ch === 'x' && (m = /^[0-9a-fA-F]{2}/.exec(rest))) {
      this.#pos += 2;
      return parseInt(m[0], 16);
    }
    if (ch === 'u' && (m = /^[0-9a-fA-F]{4}/.exec(rest))) {
      this.#pos += 4;
      const unit = parseInt(m[0], 16);
      // Java reads an escaped surrogate pair (`\uD800\uDC00`) as one supplementary code point.
      const low = /^\\u(d[c-f][0-9a-f]{2})/i.exec(this.#src.slice(this.#pos));
      if (unit >= 0xd800 && unit <= 0xdbff && low) {
        this.#pos += 6;
        return 0x10000 + ((unit - 0xd800) << 10) + (parseInt(low[1]!, 16) - 0xdc00);
      }
      return unit;
    }
    if (ch === '0' && (m = /^(?:[0-3][0-7]{2}|[0-7]{1,2})/.exec(rest))) {
      this.#pos += m[0].length;
      return parseInt(m[0], 8);
    }
    if (ch === 'c' && (m = /^[@-_a-z?]/.exec(rest))) {
      this.#pos++;
      return m[0].charCodeAt(0) ^ 64;
    }
    if (/[a-zA-Z0-9]/.test(ch)) throw new Unsupported(`the escape \\${ch}`);
    return ch.codePointAt(0)!; // Java: a backslash before a non-letter quotes it
  }

  /**
   * A character class (after `[`), as one ECMAScript class, or an alternation of classes when
   * it holds a negated set, or lookaheads when it intersects (`[a-z&&[^aeiou]]`).
   */
  #class(flags: Flags): string {
    const negated = this.#peek() === '^';
    if (negated) this.#pos++;
    const operands: Array<{ positive: string[]; negatedParts: string[] }> = [];
    let positive: string[] = [];
    let negatedParts: string[] = [];
    const addSet = (set: CharSet) =>
      set.negated ? negatedParts.push(set.body) : positive.push(set.body);
    let first = true;
    while (true) {
      const ch = this.#peek();
      if (ch === undefined) throw new Unsupported('an unclosed character class');
      if (ch === ']' && !first) {
        this.#pos++;
        break;
      }
      first = false;
      if (ch === '&' && this.#peek(1) === '&') {
        this.#pos += 2;
        operands.push({ positive, negatedParts });
        positive = [];
        negatedParts = [];
        continue;
      }
      if (ch === '[') {
        this.#pos++;
        const nested = this.#classParts(flags);
        positive.push(...nested.positive);
        negatedParts.push(...nested.negatedParts);
        continue;
      }
      if (ch === '\\') {
        this.#pos++;
        if (this.#peek() === 'Q') {
          positive.push(
            this.#quoted((c) => this.#classChars(c.codePointAt(0)!, c.codePointAt(0)!, flags)),
          );
          continue;
        }
        const set = this.#setEscape();
        if (set) {
          addSet(set);
          continue;
        }
        this.#range(this.#charEscape(), positive, flags);
        continue;
      }
      this.#range(this.#next().codePointAt(0)!, positive, flags);
    }
    operands.push({ positive, negatedParts });
    if (operands.length > 1) {
      if (negated) throw new Unsupported('a negated class with an intersection &&');
      // One character in every operand: look ahead for all but the last, then consume it.
      const [last, ...rest] = operands.reverse().map((o) => unionOf(o.positive, o.negatedParts));
      return `(?:${rest.map((o) => `(?=${o})`).join('')}${last})`;
    }
    if (negatedParts.length === 0) return `[${negated ? '^' : ''}${positive.join('')}]`;
    if (negated) {
      // [^a[^b]] = not (a or not b) = b and not a.
      const exclude = positive.length ? `(?![${positive.join('')}])` : '';
      if (negatedParts.length === 1) return `(?:${exclude}[${negatedParts[0]}])`;
      throw new Unsupported('a negated class containing several negated sets');
    }
    return unionOf(positive, negatedParts);
  }

  /** A nested class (after its `[`): its sets, to be merged into the enclosing class. */
  #classParts(flags: Flags): { positive: string[]; negatedParts: string[] } {
    const start = this.#pos - 1;
    const translated = this.#class(flags);
    if (translated.startsWith('[^'))
      return { positive: [], negatedParts: [translated.slice(2, -1)] };
    if (translated.startsWith('['))
      return { positive: [translated.slice(1, -1)], negatedParts: [] };
    throw new Unsupported(`a nested class with negated sets or an intersection at ${start}`);
  }

  /** A class member starting with code point `from`: a single character or `from-to`. */
  #range(from: number, out: string[], flags: Flags): void {
    let to = from;
    if (
      this.#peek() === '-' &&
      this.#peek(1) !== ']' &&
      this.#peek(1) !== undefined &&
      this.#peek(1) !== '['
    ) {
      const save = this.#pos;
      this.#pos++;
      if (this.#peek() === '\\') {
        this.#pos++;
        if (/[dDwWsShHvVpPQ]/.test(this.#peek() ?? '')) {
          this.#pos = save; // `a-\d`: the dash is a literal, as Java reads it
        } else to = this.#charEscape();
      } else to = this.#next().codePointAt(0)!;
      if (to < from) throw new Unsupported(`the reversed range at ${save}`);
    }
    out.push(this.#classChars(from, to, flags));
  }

  #classChars(from: number, to: number, flags: Flags): string {
    const one = (cp: number) =>
      cp < 0x20 || cp > 0x7e ? codePoint(cp) : literalChar(String.fromCodePoint(cp), true);
    const text = from === to ? one(from) : `${one(from)}-${one(to)}`;
    return flags.i ? text + foldedRanges(from, to) : text;
  }
}

/** Translates a Java pattern; never throws. */
export function javaPatternToEcmascript(java: string): JavaPatternResult {
  let pattern: string;
  try {
    pattern = new Translator(java).translate();
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.message };
    throw error;
  }
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return { unsupported: `the translation does not compile: ${(error as Error).message}` };
  }
  return { pattern };
}
