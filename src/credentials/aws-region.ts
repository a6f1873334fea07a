import { ConfigurationError } from '../errors/index.js';

/**
 * True for a string usable as a region: one DNS host label, the check the Smithy endpoint
 * rules apply to `Region` (`isValidHostLabel`), since the region becomes part of the host name.
 */
export function isValidAwsRegion(region: string): boolean {
  return /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(region);
}

/** One place a region may come from, in order of precedence. */
export interface AwsRegionCandidate {
  /** Where the value came from, e.g. `AWS_REGION` or `profile "dev" in ~/.aws/config`. */
  source: string;
  /** The value there; `undefined` or empty when that place does not set one. */
  value: string | undefined;
}

/**
 * Picks the first candidate that sets a region and validates it. Raises
 * {@link ConfigurationError} naming the source of an invalid value, or every source tried when
 * none sets one. Candidates are checked in order, so pass a lazy list to avoid reading files
 * that a higher-precedence source makes unnecessary.
 */
export function pickAwsRegion(candidates: Iterable<AwsRegionCandidate>): string {
  const tried: string[] = [];
  for (const { source, value } of candidates) {
    const region = value?.trim();
    if (region === undefined || region === '') {
      tried.push(source);
      continue;
    }
    if (!isValidAwsRegion(region)) {
      throw new ConfigurationError(
        `AWS region ${JSON.stringify(region)} from ${source} is not valid: expected one DNS label ` +
          '(letters, digits and "-")',
      );
    }
    return region;
  }
  throw new ConfigurationError(
    `No AWS region configured. Tried: ${tried.join(', ')}. Pass \`region\` or set AWS_REGION.`,
  );
}
