/**
 * Unknown input members are refused, as botocore's ParamValidator does ("Unknown parameter in
 * input: ..., must be one of: ..."): forwarded, a typo such as `ownedby` for `ownedBy` silently
 * becomes "no filter"; dropped (SDK v3), it is just as silent (issue 16).
 */
import { ValidationError } from '../errors/index.js';
import type { InputRules } from './validate.js';

export function checkUnknownKeys(input: object, rules: InputRules, operation: string): void {
  for (const key in input) {
    // `undefined` values are never sent, so an optional member spread as undefined is harmless.
    if (Object.hasOwn(rules, key) || (input as Record<string, unknown>)[key] === undefined)
      continue;
    const accepted = Object.keys(rules);
    throw new ValidationError(
      key,
      'known member',
      `unknown parameter ${JSON.stringify(key)} in ${operation} input, must be one of: ${
        accepted.length ? accepted.join(', ') : '(none: this operation takes no input)'
      }`,
    );
  }
}
