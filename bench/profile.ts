/**
 * A profiling target: one contender, one service, one workload, against its own loopback server.
 * Run it under `--cpu-prof`, then read the profile with `profile-summary.ts`:
 *
 *   node --conditions=source --import tsx/esm --cpu-prof --cpu-prof-dir=.tmp/prof \
 *     bench/profile.ts ours athena small 3000
 *   node --import tsx/esm bench/profile-summary.ts .tmp/prof/<file>.cpuprofile
 *
 * Usage: profile.ts <contender> <athena|nimble> <small|walk> [count]
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContender, type ContenderId, type Service } from './contenders.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const [id = 'ours', service = 'athena', workload = 'small', countText] = process.argv.slice(2);
const count = Number(countText ?? (workload === 'small' ? 3000 : 3));

const server = fork(path.join(here, 'server.ts'), [], {
  cwd: path.dirname(here),
  execArgv: ['--conditions=source', '--import', 'tsx/esm'],
});
const port = await new Promise<number>((resolve) =>
  server.once('message', (m) => resolve((m as { port: number }).port)),
);
const contender = await createContender(
  id as ContenderId,
  service as Service,
  `http://127.0.0.1:${port}`,
);
for (let i = 0; i < 200; i++) await contender.small();
const start = performance.now();
if (workload === 'small') for (let i = 0; i < count; i++) await contender.small();
else for (let i = 0; i < count; i++) await contender.walk('large');
const ms = performance.now() - start;
console.log(
  workload === 'small'
    ? `${id} ${service} small: ${((ms * 1000) / count).toFixed(0)} µs/request`
    : `${id} ${service} walk: ${((count * 100_000) / ms) * 1000} items/s`,
);
server.disconnect();
