/**
 * Issue 15's throughput targets for the default client in Node (since then: the keep-alive
 * `node:http` transport), as ratios between contenders of the same run:
 * - per request and per page within 1.5x of raw `node:http` (unsigned, `JSON.parse`);
 * - at least 2x faster than AWS SDK v3 on all four workloads.
 * Per-page time is the inverse of items/s over the same pages, so the walk ratios are taken on
 * items/s with the operands swapped.
 */
import type { Service } from './contenders.js';
import type { ThroughputResult } from './throughput.js';

export interface RatioTarget {
  target: string;
  value: number;
  met: boolean;
}

type PairedRatio = (
  perRound: ThroughputResult['smallMicros'],
  service: string,
  a: string,
  b: string,
) => number;

const NAMES: Record<Service, string> = { athena: 'Athena', nimble: 'Nimble' };

export function runtimeTargets(
  t: ThroughputResult,
  services: readonly Service[],
  pairedRatio: PairedRatio,
): RatioTarget[] {
  const out: RatioTarget[] = [];
  for (const service of services) {
    const name = NAMES[service];
    const small = pairedRatio(t.smallMicros, service, 'ours', 'node-http');
    out.push({ target: `${name}: request <= 1.5x raw node:http`, value: small, met: small <= 1.5 });
    const page = pairedRatio(t.walkItemsPerSecond, service, 'node-http', 'ours');
    out.push({ target: `${name}: per page <= 1.5x raw node:http`, value: page, met: page <= 1.5 });
    const vsSdkSmall = pairedRatio(t.smallMicros, service, 'aws-sdk-v3', 'ours');
    out.push({
      target: `${name}: small request >= 2x faster than AWS SDK v3 (issue 15)`,
      value: vsSdkSmall,
      met: vsSdkSmall >= 2,
    });
    const vsSdkWalk = pairedRatio(t.walkItemsPerSecond, service, 'ours', 'aws-sdk-v3');
    out.push({
      target: `${name}: pages >= 2x faster than AWS SDK v3 (issue 15)`,
      value: vsSdkWalk,
      met: vsSdkWalk >= 2,
    });
  }
  return out;
}
