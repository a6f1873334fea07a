/**
 * Workload (e): wall time of `node <file>` where the file only imports a client, against
 * `node -e 0`. This package is built as it ships (`npm run build`) into a scratch copy with the
 * published `exports`/`imports` maps, so Node loads the same files a user's install does; the
 * AWS SDK loads from node_modules as users get it.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { median, rotate } from './stats.js';

/** The programs timed; `node -e 0` is the baseline. */
export const COLD_PROGRAMS = {
  'node -e 0': '',
  'ours-athena': "import 'cloud-sessions/athena';\n",
  'ours-nimble': "import 'cloud-sessions/nimble-studio';\n",
  'ours-athena-bundled': "import './bundled/athena.js';\n",
  'ours-athena-node-http': "import 'cloud-sessions/athena';\nimport 'cloud-sessions/node';\n",
  'sdk-athena': "import '@aws-sdk/client-athena';\n",
  'sdk-nimble': "import '@aws-sdk/client-nimble';\n",
  aws4fetch: "import 'aws4fetch';\n",
} as const;

/** Per program: median wall time and the extra over `node -e 0`. */
export interface ColdStartResult {
  program: keyof typeof COLD_PROGRAMS;
  runs: number;
  medianMs: number;
  extraMs: number;
}

/** Drops the `source` condition, leaving what a published install resolves. */
function withoutSource(map: unknown): unknown {
  if (typeof map !== 'object' || map === null) return map;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(map)) {
    if (key !== 'source') out[key] = withoutSource(value);
  }
  return out;
}

/** Builds the package and lays it out in `<scratch>` with a published-like package.json (also used when profiling). */
export async function scratchPackage(root: string, scratch: string): Promise<void> {
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  // What ships: `npm run build` (esbuild ESM with shared chunks, scripts/build.ts), copied.
  const built = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/build.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (built.status !== 0) throw new Error(`npm run build failed: ${built.stderr}`);
  await cp(path.join(root, 'dist'), path.join(scratch, 'dist'), { recursive: true });
  const published = {
    name: manifest.name,
    type: manifest.type,
    exports: withoutSource(manifest.exports),
    imports: withoutSource(manifest.imports),
  };
  await writeFile(path.join(scratch, 'package.json'), JSON.stringify(published, null, 2));
  await symlink(path.join(root, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
  // For comparison: the same entry point bundled into one file (dependencies left external),
  // which is what a bundled `dist` would ship; Node then reads one module instead of ~60.
  await build({
    entryPoints: [path.join(root, 'generated/athena/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    conditions: ['source'],
    external: ['openapi-fetch'],
    outfile: path.join(scratch, 'bundled/athena.js'),
    logLevel: 'silent',
  });
}

function timeNode(args: string[], cwd: string): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${child.stderr}`);
  return ms;
}

/** Times every program `runs` times, alternating them, after one untimed run each. */
export async function measureColdStart(root: string, runs: number): Promise<ColdStartResult[]> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'cloud-sessions-cold-'));
  try {
    await scratchPackage(root, scratch);
    const programs = Object.keys(COLD_PROGRAMS) as Array<keyof typeof COLD_PROGRAMS>;
    const args = new Map<string, string[]>();
    for (const program of programs) {
      if (program === 'node -e 0') {
        args.set(program, ['-e', '0']);
        continue;
      }
      const file = path.join(scratch, `${program}.mjs`);
      await writeFile(file, COLD_PROGRAMS[program]);
      args.set(program, [file]);
    }
    const times = new Map<string, number[]>(programs.map((p) => [p, []]));
    for (const program of programs) timeNode(args.get(program)!, scratch);
    for (let run = 0; run < runs; run++) {
      for (const program of rotate(programs, run)) {
        times.get(program)!.push(timeNode(args.get(program)!, scratch));
      }
    }
    const base = median(times.get('node -e 0')!);
    return programs.map((program) => {
      const medianMs = median(times.get(program)!);
      return { program, runs, medianMs, extraMs: medianMs - base };
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
