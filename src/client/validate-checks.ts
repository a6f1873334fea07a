/**
 * The constraint keywords local validation knows, one row each, and which validation mode
 * checks it. The split follows botocore (botocore/validate.py, `ParamValidator`): it checks
 * `required`, types and the model's `min` (string length, list length, numeric minimum) and
 * never `max`, `pattern` or enums, because those are the constraints a service relaxes without
 * a new API version (a wider id format, a larger page size, a new enum value). A client that
 * checked them would refuse input the service now accepts until it is regenerated (issue 14).
 * Strict mode checks every row, for callers who prefer an early error to a round trip.
 */
import type { MemberRule } from './validate.js';

/** `default`: botocore's rule set. `strict`: every constraint of the spec. */
export type ValidationMode = 'default' | 'strict';

/** The validation modes, for checking a configured value. */
export const VALIDATION_MODES: readonly ValidationMode[] = ['default', 'strict'];

/** A failed constraint: the rule as `ValidationError.rule` names it, and a sentence. */
export interface Violation {
  rule: string;
  detail: string;
}

/** One constraint keyword: the value kind it applies to, its mode, and its test. */
export interface ConstraintCheck {
  keyword: keyof MemberRule;
  /** The kind of value the row tests: a string, a number, a list or a map. */
  applies: 'string' | 'number' | 'array' | 'map';
  /** `default` rows run in both modes; `strict` rows only in strict mode. */
  mode: ValidationMode;
  /** A violation of `rule` by `value` (already type-checked), or undefined. */
  check(value: never, rule: MemberRule, name: string): Violation | undefined;
}

/** Unicode code points, as JSON Schema and Smithy count string length (not UTF-16 units). */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

type Sentence = (name: string, bound: number, got: number) => string;

const atLeast =
  (keyword: string, sentence: Sentence) =>
  (got: number, min: number, name: string): Violation | undefined =>
    got < min ? { rule: `${keyword} ${min}`, detail: sentence(name, min, got) } : undefined;

const atMost =
  (keyword: string, sentence: Sentence) =>
  (got: number, max: number, name: string): Violation | undefined =>
    got > max ? { rule: `${keyword} ${max}`, detail: sentence(name, max, got) } : undefined;

const lengthAtLeast = atLeast(
  'minLength',
  (name, min, got) => `${name} must be at least ${min} characters long (got ${got})`,
);
const lengthAtMost = atMost(
  'maxLength',
  (name, max, got) => `${name} must be at most ${max} characters long (got ${got})`,
);
const itemsAtLeast = atLeast(
  'minItems',
  (name, min, got) => `${name} must have at least ${min} items (got ${got})`,
);
const itemsAtMost = atMost(
  'maxItems',
  (name, max, got) => `${name} must have at most ${max} items (got ${got})`,
);
const entriesAtLeast = atLeast(
  'minProperties',
  (name, min, got) => `${name} must have at least ${min} entries (got ${got})`,
);
const entriesAtMost = atMost(
  'maxProperties',
  (name, max, got) => `${name} must have at most ${max} entries (got ${got})`,
);

/** Every constraint keyword, in the order they are checked (botocore reports min first). */
export const CONSTRAINT_CHECKS: readonly ConstraintCheck[] = [
  {
    keyword: 'minLength',
    applies: 'string',
    mode: 'default',
    // A string has at least length / 2 code points: most values pass without counting them.
    check: (value: string, rule, name) =>
      value.length >= 2 * rule.minLength!
        ? undefined
        : lengthAtLeast(codePointLength(value), rule.minLength!, name),
  },
  {
    keyword: 'maxLength',
    applies: 'string',
    mode: 'strict',
    // ... and at most length code points.
    check: (value: string, rule, name) =>
      value.length <= rule.maxLength!
        ? undefined
        : lengthAtMost(codePointLength(value), rule.maxLength!, name),
  },
  {
    keyword: 'pattern',
    applies: 'string',
    mode: 'strict',
    check: (value: string, rule, name) =>
      rule.pattern!.test(value)
        ? undefined
        : {
            rule: `pattern ${rule.pattern!.source}`,
            detail: `${name} must match the pattern ${rule.pattern!.source}`,
          },
  },
  {
    keyword: 'enum',
    applies: 'string',
    mode: 'strict',
    check: (value: string, rule, name) =>
      rule.enum!.includes(value)
        ? undefined
        : {
            rule: `enum ${rule.enum!.join('|')}`,
            detail: `${name} must be one of ${rule.enum!.join(', ')}`,
          },
  },
  {
    keyword: 'minimum',
    applies: 'number',
    mode: 'default',
    check: (value: number, rule, name) =>
      value < rule.minimum!
        ? {
            rule: `minimum ${rule.minimum}`,
            detail: `${name} must be >= ${rule.minimum} (got ${value})`,
          }
        : undefined,
  },
  {
    keyword: 'maximum',
    applies: 'number',
    mode: 'strict',
    check: (value: number, rule, name) =>
      value > rule.maximum!
        ? {
            rule: `maximum ${rule.maximum}`,
            detail: `${name} must be <= ${rule.maximum} (got ${value})`,
          }
        : undefined,
  },
  {
    keyword: 'minItems',
    applies: 'array',
    mode: 'default',
    check: (value: unknown[], rule, name) => itemsAtLeast(value.length, rule.minItems!, name),
  },
  {
    keyword: 'maxItems',
    applies: 'array',
    mode: 'strict',
    check: (value: unknown[], rule, name) => itemsAtMost(value.length, rule.maxItems!, name),
  },
  // botocore checks no map size at all (`_validate_map`), so both bounds are strict only.
  {
    keyword: 'minProperties',
    applies: 'map',
    mode: 'strict',
    check: (value: object, rule, name) =>
      entriesAtLeast(Object.keys(value).length, rule.minProperties!, name),
  },
  {
    keyword: 'maxProperties',
    applies: 'map',
    mode: 'strict',
    check: (value: object, rule, name) =>
      entriesAtMost(Object.keys(value).length, rule.maxProperties!, name),
  },
];

type Applies = ConstraintCheck['applies'];

const rowsOf = (applies: Applies, mode: ValidationMode): readonly ConstraintCheck[] =>
  CONSTRAINT_CHECKS.filter(
    (row) => row.applies === applies && (mode === 'strict' || row.mode === 'default'),
  );

// Filtered once: validation runs before every call and should not allocate per member.
const ROWS: Readonly<
  Record<ValidationMode, Readonly<Record<Applies, readonly ConstraintCheck[]>>>
> = Object.fromEntries(
  VALIDATION_MODES.map((mode) => [
    mode,
    Object.fromEntries(
      (['string', 'number', 'array', 'map'] as const).map((applies) => [
        applies,
        rowsOf(applies, mode),
      ]),
    ),
  ]),
) as never;

/** The rows that run for values of kind `applies` in `mode`. */
export function checksFor(applies: Applies, mode: ValidationMode): readonly ConstraintCheck[] {
  return ROWS[mode][applies];
}
