/**
 * Workload (c) for one contender and service, alone in its own process (`--expose-gc`): after
 * a warm-up walk, walk the listing again without keeping its items, and report the retained heap
 * growth over that walk (after full GC, before vs after), the highest heap seen while walking,
 * and the process's peak RSS.
 * Usage: memory.ts <contender> <service> <endpoint> <dataset>
 */
import { createContender, type ContenderId, type Service } from './contenders.js';
import { itemCount, type DatasetId } from './data.js';
import { collectGarbage } from './stats.js';

/**
 * Full GC, then a few event-loop turns so FinalizationRegistry callbacks (undici registers one
 * per request that has a signal) and other deferred cleanup can run, then GC again.
 */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  collectGarbage();
}

/** What one memory run reports. */
export interface MemoryResult {
  heapBeforeBytes: number;
  heapAfterBytes: number;
  /** Retained heap after the walk minus before it, both after full GC. */
  heapGrowthBytes: number;
  /** Highest `heapUsed` sampled during the walk (garbage included). */
  heapPeakBytes: number;
  /** Peak resident set size of the whole process. */
  peakRssBytes: number;
  items: number;
}

async function main(): Promise<MemoryResult> {
  const [id, service, endpoint, dataset] = process.argv.slice(2) as [
    ContenderId,
    Service,
    string,
    DatasetId,
  ];
  if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with --expose-gc');
  const contender = await createContender(id, service, endpoint);
  // One untimed walk of the same listing first: it loads and optimizes every code path, opens
  // the connection and lets V8 and undici size their one-time structures (about 0.5-1 MB for
  // every contender, the same after one walk as after three), so the measured walk shows only
  // what iterating retains.
  await contender.small();
  await contender.walk(dataset);
  await settle();
  const heapBeforeBytes = process.memoryUsage().heapUsed;
  let heapPeakBytes = heapBeforeBytes;
  const sampler = setInterval(() => {
    heapPeakBytes = Math.max(heapPeakBytes, process.memoryUsage().heapUsed);
  }, 5);
  const items = await contender.walk(dataset);
  clearInterval(sampler);
  if (items !== itemCount(dataset)) throw new Error(`walked ${items} items`);
  await settle();
  const heapAfterBytes = process.memoryUsage().heapUsed;
  return {
    heapBeforeBytes,
    heapAfterBytes,
    heapGrowthBytes: heapAfterBytes - heapBeforeBytes,
    heapPeakBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    items,
  };
}

main().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
