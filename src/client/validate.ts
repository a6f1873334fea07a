import { ValidationError } from '../errors/index.js';
import { checksFor, type ConstraintCheck, type ValidationMode } from './validate-checks.js';

export type { ValidationMode } from './validate-checks.js';
import { isValidDate } from './timestamp-serialize.js';

/**
 * Constraints of one input member, transcribed by the generator from the spec's JSON Schema
 * keywords (OpenAPI 3.1 = JSON Schema 2020-12). Which ones a call checks depends on its
 * validation mode (src/client/validate-checks.ts).
 */
export interface MemberRule {
  /** `timestamp`: a `Date`, written in its `x-timestamp` format (timestamp-serialize.ts). */
  type: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'timestamp';
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  /** JSON Schema `pattern`: unanchored, like Smithy's `@pattern` (ECMA-262 `search`). */
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
  minItems?: number;
  maxItems?: number;
  /** A list's element rule. */
  items?: MemberRule;
  /** A structure's members (`properties`). */
  members?: InputRules;
  /** A map's value rule (`additionalProperties`). */
  values?: MemberRule;
  minProperties?: number;
  maxProperties?: number;
}

export type InputRules = Readonly<Record<string, MemberRule>>;

/**
 * Checks `input` against the operation's rules and throws a ValidationError naming the
 * member (a path such as `Filters[0].Name` when nested, as botocore names them) and the rule,
 * so bad input never reaches the wire. `default` mode checks what botocore checks; `strict`
 * mode every constraint of the spec.
 */
export function validateInput(
  input: unknown,
  rules: InputRules,
  operation: string,
  mode: ValidationMode = 'default',
): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError('input', 'type object', `${operation} input must be an object`);
  }
  checkMembers(input as Record<string, unknown>, rules, '', mode);
}

function checkMembers(
  record: Record<string, unknown>,
  rules: InputRules,
  prefix: string,
  mode: ValidationMode,
): void {
  for (const key in rules) {
    const rule = rules[key]!;
    const value = record[key];
    const name = prefix + key;
    if (value === undefined || value === null) {
      if (rule.required) throw new ValidationError(name, 'required', `${name} is required`);
      continue;
    }
    checkValue(name, value, rule, mode);
  }
}

function checkValue(name: string, value: unknown, rule: MemberRule, mode: ValidationMode): void {
  switch (rule.type) {
    case 'string':
      if (typeof value !== 'string') throw typeError(name, rule.type, value);
      return runChecks('string', value, rule, name, mode);
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || Number.isNaN(value)) throw typeError(name, rule.type, value);
      if (rule.type === 'integer' && !Number.isInteger(value)) {
        throw new ValidationError(
          name,
          'type integer',
          `${name} must be an integer (got ${value})`,
        );
      }
      return runChecks('number', value, rule, name, mode);
    case 'boolean':
      if (typeof value !== 'boolean') throw typeError(name, rule.type, value);
      return;
    case 'array':
      if (!Array.isArray(value)) throw typeError(name, rule.type, value);
      runChecks('array', value, rule, name, mode);
      if (rule.items) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          // botocore rejects a None element as an invalid type; so do we.
          if (item === undefined || item === null)
            throw typeError(`${name}[${i}]`, rule.items.type, item);
          checkValue(`${name}[${i}]`, item, rule.items, mode);
        }
      }
      return;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value))
        throw typeError(name, rule.type, value);
      const record = value as Record<string, unknown>;
      if (rule.members) checkMembers(record, rule.members, `${name}.`, mode);
      if (rule.values || rule.minProperties !== undefined || rule.maxProperties !== undefined) {
        runChecks('map', record, rule, name, mode);
        if (rule.values) {
          for (const key of Object.keys(record)) {
            const entry = record[key];
            if (entry === undefined) continue;
            if (entry === null) throw typeError(`${name}.${key}`, rule.values.type, entry);
            checkValue(`${name}.${key}`, entry, rule.values, mode);
          }
        }
      }
      return;
    }
    case 'timestamp':
      if (!isValidDate(value)) {
        throw new ValidationError(name, 'type timestamp', `${name} must be a valid Date`);
      }
      return;
  }
}

function runChecks(
  applies: ConstraintCheck['applies'],
  value: unknown,
  rule: MemberRule,
  name: string,
  mode: ValidationMode,
): void {
  for (const row of checksFor(applies, mode)) {
    if (rule[row.keyword] === undefined) continue;
    const violation = row.check(value as never, rule, name);
    if (violation) throw new ValidationError(name, violation.rule, violation.detail);
  }
}

function typeError(name: string, type: string, value: unknown): ValidationError {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return new ValidationError(name, `type ${type}`, `${name} must be of type ${type} (got ${got})`);
}
