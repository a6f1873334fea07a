import { ConfigurationError } from '../errors/index.js';
import { validateFaults } from './faults.js';
import { NIMBLE_DEFAULT_PAGE_SIZE } from './nimble.js';
import {
  DEFAULT_EPOCH_MS,
  DEFAULT_SIZES,
  type EmulatorFaults,
  type EmulatorOptions,
  type ResolvedSizes,
} from './options.js';

/** Options with every default applied. */
export interface ResolvedOptions {
  port: number;
  seed: number;
  sizes: ResolvedSizes;
  nimblePageSize: number;
  region: string;
  faults: EmulatorFaults;
  verifySignatures: boolean;
  cors: boolean;
  clockSkewToleranceMs: number;
  clockOffsetMs: number;
  epochMs: number;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Applies defaults and rejects values that cannot work, naming the option. */
export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  const port = options.port ?? 0;
  if (!isCount(port) || port > 65535)
    throw new ConfigurationError('port must be an integer in [0, 65535]');
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) throw new ConfigurationError('seed must be a finite number');
  const sizes: ResolvedSizes = { ...DEFAULT_SIZES, ...options.sizes };
  for (const [name, size] of Object.entries(sizes)) {
    const ok = Array.isArray(size) ? size.every(isCount) : isCount(size);
    if (!ok)
      throw new ConfigurationError(
        `sizes.${name} must be a non-negative integer (or an array of them)`,
      );
  }
  const nimblePageSize = options.nimblePageSize ?? NIMBLE_DEFAULT_PAGE_SIZE;
  if (!isCount(nimblePageSize) || nimblePageSize < 1) {
    throw new ConfigurationError('nimblePageSize must be a positive integer');
  }
  const region = options.region ?? 'us-east-1';
  if (!/^[a-z0-9-]+$/.test(region)) throw new ConfigurationError('region must look like us-east-1');
  const faults = options.faults ?? {};
  validateFaults(faults);
  const clockSkewToleranceMs = options.clockSkewToleranceMs ?? 300_000;
  if (!(clockSkewToleranceMs >= 0))
    throw new ConfigurationError('clockSkewToleranceMs must be >= 0');
  const clockOffsetMs = options.clockOffsetMs ?? 0;
  if (!Number.isFinite(clockOffsetMs))
    throw new ConfigurationError('clockOffsetMs must be a finite number');
  const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS;
  if (!Number.isFinite(epochMs)) throw new ConfigurationError('epochMs must be a finite number');
  return {
    port,
    seed,
    sizes,
    nimblePageSize,
    region,
    faults,
    verifySignatures: options.verifySignatures ?? true,
    cors: options.cors ?? false,
    clockSkewToleranceMs,
    clockOffsetMs,
    epochMs,
  };
}
