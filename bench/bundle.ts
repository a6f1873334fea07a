/**
 * Workload (d): esbuild `--bundle --minify` (ESM) of each one-file app in `bench/apps/`, for
 * platform node and browser; minified bytes and gzip (level 9) bytes. This package is bundled as
 * users get it: `npm run build` first, then `cloud-sessions/*` resolves to dist/ through the
 * package's own `exports` (a bundler tree-shakes built modules differently from the sources).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The apps measured, by file name in `bench/apps/`. */
export const BUNDLE_APPS = {
  'ours-athena': 'cloud-sessions, Athena',
  'ours-nimble': 'cloud-sessions, Nimble Studio',
  'ours-athena-node-http': 'cloud-sessions, Athena + createNodeHttpFetch (Node only)',
  'sdk-athena': 'AWS SDK v3, Athena',
  'sdk-nimble': 'AWS SDK v3, Nimble (3.523.0)',
  'aws4fetch-athena': 'aws4fetch, Athena',
  'fetch-athena': 'fetch only (unsigned)',
} as const;

/** Apps that import `node:` modules, bundled for platform node only. */
const NODE_ONLY: ReadonlySet<string> = new Set(['ours-athena-node-http']);

/** One app on one platform. */
export interface BundleResult {
  app: keyof typeof BUNDLE_APPS;
  platform: 'node' | 'browser';
  minifiedBytes: number;
  gzipBytes: number;
  /** The five largest inputs by bytes in the output, to show where the size comes from. */
  largestInputs: Array<{ path: string; bytes: number }>;
}

function largest(metafile: Metafile): Array<{ path: string; bytes: number }> {
  const inputs = Object.values(metafile.outputs)[0]?.inputs ?? {};
  return Object.entries(inputs)
    .map(([file, info]) => ({ path: file, bytes: info.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
}

/** Bundles every app for both platforms. */
export async function measureBundles(): Promise<BundleResult[]> {
  const root = path.resolve(here, '..');
  const built = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/build.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (built.status !== 0) throw new Error(`npm run build failed: ${built.stderr}`);
  const results: BundleResult[] = [];
  for (const app of Object.keys(BUNDLE_APPS) as Array<keyof typeof BUNDLE_APPS>) {
    for (const platform of ['node', 'browser'] as const) {
      if (platform === 'browser' && NODE_ONLY.has(app)) continue;
      const output = await build({
        entryPoints: [path.join(here, 'apps', `${app}.ts`)],
        bundle: true,
        minify: true,
        format: 'esm',
        platform,
        target: 'es2022',
        write: false,
        metafile: true,
        logLevel: 'silent',
        outfile: `${app}.${platform}.js`,
      });
      const code = output.outputFiles[0]!.contents;
      results.push({
        app,
        platform,
        minifiedBytes: code.byteLength,
        gzipBytes: gzipSync(code, { level: 9 }).byteLength,
        largestInputs: largest(output.metafile),
      });
    }
  }
  return results;
}
