/**
 * Packs the package the way `npm publish` would, without touching the working tree: the files
 * `npm pack` selects are copied to a staging directory next to the published form of
 * package.json (scripts/package-manifest.ts, what `prepack` writes), and packed there. Packing
 * in place would strip the `source` condition from the repository's package.json for a moment,
 * under the feet of any test run resolving `cloud-sessions/*` at the same time.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  formatManifest,
  publishedManifest,
  type Manifest,
} from '../../scripts/package-manifest.js';

const run = promisify(execFile);

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The environment minus what `npm run`/`npm test` sets to describe *this* package (its
 * manifest, lifecycle event, local prefix), so npm run in a temp project works on that project.
 */
export function outsideEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(
      ([name]) =>
        !/^npm_(?:package_|lifecycle_|config_local_prefix$)/i.test(name) && name !== 'INIT_CWD',
    ),
  );
}

/** Runs a command and returns stdout; a failure carries the command's stderr in its message. */
export async function sh(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<string> {
  try {
    const { stdout } = await run(command, args, {
      cwd: options.cwd,
      env: options.env ?? outsideEnv(),
      timeout: options.timeoutMs ?? 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${options.cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? e.message}`,
    );
  }
}

interface PackListing {
  filename: string;
  files: { path: string }[];
}

/** Files `npm pack` would publish from `dir` (package.json `files`, plus what npm always adds). */
export async function packedFiles(dir: string): Promise<string[]> {
  const out = await sh('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir });
  const [listing] = JSON.parse(out) as PackListing[];
  if (!listing) throw new Error('npm pack --dry-run listed nothing');
  return listing.files.map((f) => f.path);
}

/**
 * Packs the already-built package at `root` into `workDir` (staging in `workDir/stage`) and
 * returns the tarball path. Scripts are not run: the caller builds first, and the manifest is
 * published here directly.
 */
export async function packPublished(root: string, workDir: string): Promise<string> {
  const stage = path.join(workDir, 'stage');
  for (const file of await packedFiles(root)) {
    if (file === 'package.json') continue;
    await mkdir(path.dirname(path.join(stage, file)), { recursive: true });
    await copyFile(path.join(root, file), path.join(stage, file));
  }
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as Manifest;
  await writeFile(path.join(stage, 'package.json'), formatManifest(publishedManifest(manifest)));
  const out = await sh(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir],
    { cwd: stage },
  );
  const [listing] = JSON.parse(out) as PackListing[];
  if (!listing) throw new Error('npm pack produced nothing');
  return path.join(workDir, listing.filename);
}
