/**
 * Checks and converts the values of single options (counts, output format, URLs), each
 * failure a {@link UsageError} naming the option and the rule it broke.
 */
import { OUTPUT_FORMATS, type OutputFormat } from './command-model.js';
import { VALIDATION_MODES, type ValidationMode } from '../client/validate-checks.js';
import { UsageError } from './usage-error.js';

/**
 * A count option: decimal digits only (no sign, exponent, fraction or hex), at least `min`,
 * at most `Number.MAX_SAFE_INTEGER`. Upper bounds of an API (Athena MaxResults <= 100) are the
 * service's to enforce, as in the clients' default validation mode; `--validation strict`
 * has the client check them (a `ValidationError`) before sending.
 */
export function parseCount(
  option: string,
  value: string | undefined,
  min: number,
  helpCommand = '',
): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const count = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(count) || count < min) {
    const rule = min === 0 ? 'a whole number, 0 or more' : `a whole number, ${min} or more`;
    throw new UsageError(
      option,
      rule,
      `Option ${option} must be ${rule}, got "${value}".`,
      helpCommand,
    );
  }
  return count;
}

export function parseOutput(value: string | undefined, helpCommand: string): OutputFormat {
  if (value === undefined) return 'table';
  const format = OUTPUT_FORMATS.find((candidate) => candidate === value);
  if (format === undefined) {
    throw new UsageError(
      '--output',
      `one of ${OUTPUT_FORMATS.join(', ')}`,
      `Option --output must be one of ${OUTPUT_FORMATS.join(', ')}, got "${value}".`,
      helpCommand,
    );
  }
  return format;
}

export function parseValidation(
  value: string | undefined,
  helpCommand: string,
): ValidationMode | undefined {
  if (value === undefined) return undefined;
  const mode = VALIDATION_MODES.find((candidate) => candidate === value);
  if (mode === undefined) {
    throw new UsageError(
      '--validation',
      `one of ${VALIDATION_MODES.join(', ')}`,
      `Option --validation must be one of ${VALIDATION_MODES.join(', ')}, got "${value}".`,
      helpCommand,
    );
  }
  return mode;
}

export function checkUrl(option: string, value: string, helpCommand: string): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new UsageError(
      option,
      'http(s) URL',
      `Option ${option} must be an http:// or https:// URL.`,
      helpCommand,
    );
  }
}
