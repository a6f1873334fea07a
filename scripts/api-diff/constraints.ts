/** The JSON Schema constraints the report compares, and which way a change of one goes. */
import type { Change } from './compare.js';

/** JSON Schema keywords compared as constraints (validated before sending, src/client/validate.ts). */
export const CONSTRAINTS = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'pattern',
] as const;

const LOWER_BOUNDS = new Set(['minLength', 'minimum', 'exclusiveMinimum', 'minItems']);
const UPPER_BOUNDS = new Set(['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems']);
const CONSTRAINT_SET = new Set<string>(CONSTRAINTS);

/** `items.maxLength` -> `maxLength`: an array's item constraints follow the same rules. */
export function constraintOf(c: Change): string | undefined {
  const base = c.aspect?.replace(/^items\./, '');
  return base !== undefined && CONSTRAINT_SET.has(base) ? base : undefined;
}

/** Whether a constraint change refuses values the old one accepted. */
export function tightens(c: Change): boolean {
  const key = constraintOf(c);
  if (key === undefined) return false;
  if (c.after === undefined) return false; // removed: anything goes again
  if (c.before === undefined) return true; // added: a new limit
  if (key === 'pattern') return true; // no regex containment test; a changed pattern may refuse
  if (LOWER_BOUNDS.has(key)) return Number(c.after) > Number(c.before);
  if (UPPER_BOUNDS.has(key)) return Number(c.after) < Number(c.before);
  return true;
}
