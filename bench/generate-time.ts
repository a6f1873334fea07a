/**
 * Workload (f): wall time of `npm run generate` for all specs. It writes to a scratch directory
 * (`--out`), so the checked-in generated/ is never touched while others work on it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { median } from './stats.js';

/** Median wall time of `runs` runs. */
export interface GenerateResult {
  runs: number;
  medianMs: number;
  allMs: number[];
}

/** Runs `npm run generate -- --out <scratch>` `runs` times in `root`. */
export async function measureGenerate(root: string, runs: number): Promise<GenerateResult> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'cloud-sessions-generate-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  try {
    const allMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const child = spawnSync(npm, ['run', '--silent', 'generate', '--', '--out', scratch], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      allMs.push(performance.now() - start);
      if (child.status !== 0) throw new Error(`npm run generate failed: ${child.stderr}`);
    }
    return { runs, medianMs: median(allMs), allMs };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
