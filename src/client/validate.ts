import { ValidationError } from '../errors/index.js';
import { isValidDate } from './timestamp-serialize.js';

/**
 * Constraints of one input member, transcribed by the generator from the spec's JSON Schema
 * keywords (OpenAPI 3.1 = JSON Schema 2020-12).
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
}

export type InputRules = Readonly<Record<string, MemberRule>>;

/** Unicode code points, as JSON Schema and Smithy count string length (not UTF-16 units). */
function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/**
 * Checks `input` against the operation's rules and throws a ValidationError naming the
 * member and the rule, so bad input never reaches the wire.
 */
export function validateInput(input: unknown, rules: InputRules, operation: string): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError('input', 'type object', `${operation} input must be an object`);
  }
  const record = input as Record<string, unknown>;
  for (const name in rules) {
    const rule = rules[name]!;
    const value = record[name];
    if (value === undefined || value === null) {
      if (rule.required) throw new ValidationError(name, 'required', `${name} is required`);
      continue;
    }
    checkMember(name, value, rule);
  }
}

function checkMember(name: string, value: unknown, rule: MemberRule): void {
  switch (rule.type) {
    case 'string': {
      if (typeof value !== 'string') throw typeError(name, rule.type, value);
      const length =
        rule.minLength !== undefined || rule.maxLength !== undefined ? codePointLength(value) : 0;
      if (rule.minLength !== undefined && length < rule.minLength) {
        throw new ValidationError(
          name,
          `minLength ${rule.minLength}`,
          `${name} must be at least ${rule.minLength} characters long (got ${length})`,
        );
      }
      if (rule.maxLength !== undefined && length > rule.maxLength) {
        throw new ValidationError(
          name,
          `maxLength ${rule.maxLength}`,
          `${name} must be at most ${rule.maxLength} characters long (got ${length})`,
        );
      }
      if (rule.pattern && !rule.pattern.test(value)) {
        throw new ValidationError(
          name,
          `pattern ${rule.pattern.source}`,
          `${name} must match the pattern ${rule.pattern.source}`,
        );
      }
      if (rule.enum && !rule.enum.includes(value)) {
        throw new ValidationError(
          name,
          `enum ${rule.enum.join('|')}`,
          `${name} must be one of ${rule.enum.join(', ')}`,
        );
      }
      return;
    }
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || Number.isNaN(value)) throw typeError(name, rule.type, value);
      if (rule.type === 'integer' && !Number.isInteger(value)) {
        throw new ValidationError(
          name,
          'type integer',
          `${name} must be an integer (got ${value})`,
        );
      }
      if (rule.minimum !== undefined && value < rule.minimum) {
        throw new ValidationError(
          name,
          `minimum ${rule.minimum}`,
          `${name} must be >= ${rule.minimum} (got ${value})`,
        );
      }
      if (rule.maximum !== undefined && value > rule.maximum) {
        throw new ValidationError(
          name,
          `maximum ${rule.maximum}`,
          `${name} must be <= ${rule.maximum} (got ${value})`,
        );
      }
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw typeError(name, rule.type, value);
      return;
    case 'array':
      if (!Array.isArray(value)) throw typeError(name, rule.type, value);
      return;
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value))
        throw typeError(name, rule.type, value);
      return;
    case 'timestamp':
      if (!isValidDate(value)) {
        throw new ValidationError(name, 'type timestamp', `${name} must be a valid Date`);
      }
      return;
  }
}

function typeError(name: string, type: string, value: unknown): ValidationError {
  const got = Array.isArray(value) ? 'array' : typeof value;
  return new ValidationError(name, `type ${type}`, `${name} must be of type ${type} (got ${got})`);
}
