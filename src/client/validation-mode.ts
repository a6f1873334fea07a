import { ConfigurationError } from '../errors/index.js';
import { VALIDATION_MODES, type ValidationMode } from './validate-checks.js';

/**
 * The configured mode, or a ConfigurationError naming the option: a typo such as `'strcit'`
 * must not quietly mean the default mode.
 */
export function checkValidationMode(value: unknown, option: string): ValidationMode | undefined {
  if (value === undefined) return undefined;
  if ((VALIDATION_MODES as readonly unknown[]).includes(value)) return value as ValidationMode;
  throw new ConfigurationError(
    `${option} must be one of ${VALIDATION_MODES.map((m) => `'${m}'`).join(', ')} (got ${typeof value === 'string' ? `'${value}'` : typeof value})`,
  );
}
