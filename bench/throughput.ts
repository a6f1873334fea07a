/**
 * Workloads (a) and (b) in one child process (`--expose-gc`): per round, every contender runs
 * the workload once, in an order rotated each round, after a warm-up of every contender.
 * Reports raw per-round figures over IPC; `run.ts` takes medians and ratios.
 */
import { createContender, type Contender, type ContenderId, type Service } from './contenders.js';
import { DATASETS, itemCount, type DatasetId } from './data.js';
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
  /** Workload (a): CPU time of this process (user + system) per request, in microseconds. */
  smallCpuMicros: PerRound;
  /** Workload (b): items per second. */
  walkItemsPerSecond: PerRound;
  /** Workload (b): CPU time of this process per page, in microseconds. */
  walkCpuMicrosPerPage: PerRound;
}

/** Wall and CPU time of one run. */
interface RunTime {
  wallMs: number;
  cpuMicros: number;
}

function log(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

async function measured(task: () => Promise<number>): Promise<RunTime & { result: number }> {
  collectGarbage();
  const cpu = process.cpuUsage();
  const { result, ms } = await timed(task);
  const used = process.cpuUsage(cpu);
  return { result, wallMs: ms, cpuMicros: used.user + used.system };
}

async function smallRun(contender: Contender, requests: number): Promise<RunTime> {
  return measured(async () => {
    for (let i = 0; i < requests; i++) {
      if ((await contender.small()) !== itemCount('small')) throw new Error('wrong item count');
    }
    return requests;
  });
}

async function walkRun(contender: Contender, dataset: DatasetId): Promise<RunTime> {
  const run = await measured(() => contender.walk(dataset));
  if (run.result !== itemCount(dataset)) {
    throw new Error(`walked ${run.result} items, not ${itemCount(dataset)}`);
  }
  return run;
}

async function main(plan: ThroughputPlan): Promise<ThroughputResult> {
  const result: ThroughputResult = {
    smallMicros: {},
    smallCpuMicros: {},
    walkItemsPerSecond: {},
    walkCpuMicrosPerPage: {},
  };
  const { pages } = DATASETS[plan.walkDataset];
  const items = itemCount(plan.walkDataset);
  for (const service of plan.services) {
    const contenders = new Map<ContenderId, Contender>();
    for (const id of plan.contenders) {
      contenders.set(id, await createContender(id, service, plan.endpoint));
    }
    const figures = {
      small: (result.smallMicros[service] = {} as Record<string, number[]>),
      smallCpu: (result.smallCpuMicros[service] = {} as Record<string, number[]>),
      walk: (result.walkItemsPerSecond[service] = {} as Record<string, number[]>),
      walkCpu: (result.walkCpuMicrosPerPage[service] = {} as Record<string, number[]>),
    };
    log(`${service}: warm-up`);
    for (const [id, contender] of contenders) {
      await smallRun(contender, plan.warmupRequests);
      await walkRun(contender, plan.warmupWalkDataset);
      for (const list of Object.values(figures)) list[id] = [];
    }
    for (let round = 0; round < plan.rounds; round++) {
      for (const id of rotate(plan.contenders, round)) {
        const run = await smallRun(contenders.get(id)!, plan.smallRequests);
        figures.small[id]!.push((run.wallMs * 1000) / plan.smallRequests);
        figures.smallCpu[id]!.push(run.cpuMicros / plan.smallRequests);
      }
      for (const id of rotate(plan.contenders, round)) {
        const run = await walkRun(contenders.get(id)!, plan.walkDataset);
        figures.walk[id]!.push((items / run.wallMs) * 1000);
        figures.walkCpu[id]!.push(run.cpuMicros / pages);
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
