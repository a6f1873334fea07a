import { ConfigurationError } from '../errors/index.js';
import type { EmulatorFaults } from './options.js';
import { createPrng, type Prng } from './prng.js';

/** What happens to one request. */
export type FaultKind = 'none' | 'throttle' | 'internal' | 'reset' | 'truncate';

/** One drawn outcome. */
export interface FaultDecision {
  kind: FaultKind;
  /** Seconds for `Retry-After`, on some throttles only. */
  retryAfterSeconds?: number;
}

const RATE_KEYS = ['rate429', 'rate5xx', 'rateReset', 'rateTruncated'] as const;

/** Rejects rates outside [0, 1], a sum above 1 and negative latency. */
export function validateFaults(faults: EmulatorFaults): void {
  let sum = 0;
  for (const key of RATE_KEYS) {
    const rate = faults[key] ?? 0;
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
      throw new ConfigurationError(`faults.${key} must be a number in [0, 1]`);
    }
    sum += rate;
  }
  if (sum > 1 + 1e-9) throw new ConfigurationError('faults rates must not add up to more than 1');
  const { latencyMs = 0, retryAfterRate = 0.5, retryAfterSeconds = 1 } = faults;
  if (!(latencyMs >= 0)) throw new ConfigurationError('faults.latencyMs must be >= 0');
  if (!(retryAfterRate >= 0 && retryAfterRate <= 1)) {
    throw new ConfigurationError('faults.retryAfterRate must be a number in [0, 1]');
  }
  if (!(retryAfterSeconds >= 0))
    throw new ConfigurationError('faults.retryAfterSeconds must be >= 0');
}

/**
 * A seeded fault schedule: the n-th request always gets the same outcome for
 * the same seed, so a failing client test replays exactly.
 */
export class FaultSchedule {
  readonly #prng: Prng;
  readonly #faults: EmulatorFaults;

  constructor(faults: EmulatorFaults, seed: number) {
    validateFaults(faults);
    this.#faults = faults;
    this.#prng = createPrng(faults.seed ?? seed);
  }

  /** Draws the outcome of the next request. */
  next(): FaultDecision {
    const f = this.#faults;
    const r = this.#prng.next();
    let edge = 0;
    const kinds: Array<[number | undefined, FaultKind]> = [
      [f.rate429, 'throttle'],
      [f.rate5xx, 'internal'],
      [f.rateReset, 'reset'],
      [f.rateTruncated, 'truncate'],
    ];
    for (const [rate, kind] of kinds) {
      edge += rate ?? 0;
      if (r < edge) {
        if (kind !== 'throttle') return { kind };
        // The second draw happens only for throttles, so other outcomes stay aligned.
        const withHeader = this.#prng.next() < (f.retryAfterRate ?? 0.5);
        return withHeader ? { kind, retryAfterSeconds: f.retryAfterSeconds ?? 1 } : { kind };
      }
    }
    return { kind: 'none' };
  }
}
