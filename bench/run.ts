/**
 * `npm run bench [-- --quick] [-- --only=abcdef]`: measures this package against plain fetch,
 * aws4fetch and the AWS SDK v3 on the workloads of issue 7, prints markdown tables and writes
 * bench/results.json. `--quick` is a smoke run (under a minute, small counts, one round) whose
 * numbers are not meant for comparison; targets are reported, never enforced.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBundles } from './bundle.js';
import { measureColdStart } from './cold-start.js';
import { CONTENDER_IDS, type Service } from './contenders.js';
import type { DatasetId } from './data.js';
import { measureGenerate } from './generate-time.js';
import type { MemoryResult } from './memory.js';
import { render, verdicts, figures, type Measurements } from './report.js';
import type { ThroughputPlan, ThroughputResult } from './throughput.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const TS_NODE = ['--conditions=source', '--import', 'tsx/esm'];
const SERVICES: Service[] = ['athena', 'nimble'];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? 'abcdef';

const MODE = quick
  ? {
      rounds: 1,
      smallRequests: 200,
      warmupRequests: 50,
      walkDataset: 'medium' as DatasetId,
      warmupWalkDataset: 'small' as DatasetId,
      memoryDataset: 'medium' as DatasetId,
      coldRuns: 3,
      generateRuns: 1,
    }
  : {
      rounds: 5,
      smallRequests: 2000,
      warmupRequests: 300,
      walkDataset: 'large' as DatasetId,
      warmupWalkDataset: 'medium' as DatasetId,
      memoryDataset: 'large' as DatasetId,
      coldRuns: 15,
      generateRuns: 3,
    };

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function startServer(): Promise<{ child: ChildProcess; endpoint: string }> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'server.ts'), [], { cwd: root, execArgv: TS_NODE });
    child.once('message', (message) => {
      resolve({ child, endpoint: `http://127.0.0.1:${(message as { port: number }).port}` });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

function runThroughput(plan: ThroughputPlan): Promise<ThroughputResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'throughput.ts'), [JSON.stringify(plan)], {
      cwd: root,
      execArgv: [...TS_NODE, '--expose-gc'],
    });
    let result: ThroughputResult | undefined;
    child.once('message', (message) => (result = message as ThroughputResult));
    child.once('exit', (code) =>
      result ? resolve(result) : reject(new Error(`throughput run exited with ${code}`)),
    );
  });
}

function runMemory(id: string, service: Service, endpoint: string): Promise<MemoryResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...TS_NODE,
        '--expose-gc',
        path.join(here, 'memory.ts'),
        id,
        service,
        endpoint,
        MODE.memoryDataset,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out) as MemoryResult);
      else reject(new Error(`memory run ${id}/${service} exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  const measurements: Measurements = {};
  const started = new Date();
  if (only.includes('d')) {
    log('(d) bundle sizes');
    measurements.bundle = await measureBundles();
  }
  if (only.includes('f')) {
    log('(f) npm run generate');
    measurements.generate = await measureGenerate(root, MODE.generateRuns);
  }
  if (only.includes('e')) {
    log('(e) cold start');
    measurements.coldStart = await measureColdStart(root, MODE.coldRuns);
  }
  if (/[abc]/.test(only)) {
    const server = await startServer();
    try {
      if (/[ab]/.test(only)) {
        log(`(a, b) throughput: ${MODE.rounds} round(s)`);
        measurements.throughput = await runThroughput({
          endpoint: server.endpoint,
          services: SERVICES,
          contenders: [...CONTENDER_IDS],
          rounds: MODE.rounds,
          smallRequests: MODE.smallRequests,
          warmupRequests: MODE.warmupRequests,
          walkDataset: MODE.walkDataset,
          warmupWalkDataset: MODE.warmupWalkDataset,
        });
      }
      if (only.includes('c')) {
        log('(c) memory, one process per contender');
        const memory: Record<string, Record<string, MemoryResult>> = {};
        for (const service of SERVICES) {
          memory[service] = {};
          for (const id of CONTENDER_IDS) {
            memory[service][id] = await runMemory(id, service, server.endpoint);
          }
        }
        measurements.memory = memory;
      }
    } finally {
      server.child.removeAllListeners('exit');
      server.child.disconnect();
    }
  }
  const results = {
    meta: {
      date: started.toISOString(),
      mode: quick ? 'quick' : 'full',
      node: process.version,
      v8: process.versions.v8,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.availableParallelism(),
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      plan: MODE,
    },
    ...measurements,
    figures: measurements.throughput && {
      smallMicros: figures(measurements.throughput.smallMicros),
      smallCpuMicros: figures(measurements.throughput.smallCpuMicros),
      walkItemsPerSecond: figures(measurements.throughput.walkItemsPerSecond),
      walkCpuMicrosPerPage: figures(measurements.throughput.walkCpuMicrosPerPage),
    },
    targets: verdicts(measurements),
  };
  await writeFile(path.join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const meta = results.meta;
  console.log(
    `cloud-sessions benchmarks (${meta.mode}) ${meta.date}\n` +
      `Node ${meta.node}, ${meta.platform}, ${meta.cpu} x${meta.cores}, ${meta.memoryGiB} GiB\n`,
  );
  console.log(render(measurements));
  if (quick) console.log('\n(--quick: smoke run with small counts; not for comparison)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
