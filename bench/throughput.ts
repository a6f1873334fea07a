/**
 * Workloads (a) and (b) in one child process (`--expose-gc`): per round, every contender runs
 * the workload once, in an order rotated each round, after a warm-up of every contender.
 * Reports raw per-round figures over IPC; `run.ts` takes medians and ratios.
 */
import { createContender, type Contender, type ContenderId, type Service } from './contenders.js';
import { itemCount, type DatasetId } from './data.js';
import { collectGarbage, rotate, timed } from './stats.js';

/** What `run.ts` asks of this process. */
export interface ThroughputPlan {
  endpoint: string;
  services: Service[];
  contenders: ContenderId[];
  rounds: number;
  /** Small-page requests per contender per round (workload a). */
  smallRequests: number;
  warmupRequests: number;
  /** Listing walked per contender per round (workload b). */
  walkDataset: DatasetId;
  warmupWalkDataset: DatasetId;
}

/** Per service and contender, one figure per round. */
export type PerRound = Record<string, Record<string, number[]>>;

/** What this process reports. */
export interface ThroughputResult {
  /** Workload (a): microseconds per request. */
  smallMicros: PerRound;
  /** Workload (b): items per second. */
  walkItemsPerSecond: PerRound;
}

function log(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

async function smallRun(contender: Contender, requests: number): Promise<number> {
  collectGarbage();
  const { ms } = await timed(async () => {
    for (let i = 0; i < requests; i++) {
      if ((await contender.small()) !== itemCount('small')) throw new Error('wrong item count');
    }
  });
  return (ms * 1000) / requests;
}

async function walkRun(contender: Contender, dataset: DatasetId): Promise<number> {
  collectGarbage();
  const { result, ms } = await timed(() => contender.walk(dataset));
  if (result !== itemCount(dataset))
    throw new Error(`walked ${result} items, not ${itemCount(dataset)}`);
  return (result / ms) * 1000;
}

async function main(plan: ThroughputPlan): Promise<ThroughputResult> {
  const result: ThroughputResult = { smallMicros: {}, walkItemsPerSecond: {} };
  for (const service of plan.services) {
    const contenders = new Map<ContenderId, Contender>();
    for (const id of plan.contenders) {
      contenders.set(id, await createContender(id, service, plan.endpoint));
    }
    const small: Record<string, number[]> = (result.smallMicros[service] = {});
    const walk: Record<string, number[]> = (result.walkItemsPerSecond[service] = {});
    log(`${service}: warm-up`);
    for (const [id, contender] of contenders) {
      await smallRun(contender, plan.warmupRequests);
      await walkRun(contender, plan.warmupWalkDataset);
      small[id] = [];
      walk[id] = [];
    }
    for (let round = 0; round < plan.rounds; round++) {
      for (const id of rotate(plan.contenders, round)) {
        small[id]!.push(await smallRun(contenders.get(id)!, plan.smallRequests));
      }
      for (const id of rotate(plan.contenders, round)) {
        walk[id]!.push(await walkRun(contenders.get(id)!, plan.walkDataset));
      }
      log(`${service}: round ${round + 1}/${plan.rounds} done`);
    }
  }
  return result;
}

const plan = JSON.parse(process.argv[2] ?? '{}') as ThroughputPlan;
main(plan).then(
  (result) => {
    process.send?.(result);
    process.disconnect?.();
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
