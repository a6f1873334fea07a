/**
 * The package.json that gets published: the repository's own, minus the `source` export
 * condition.
 *
 * In the repository, `source` points `cloud-sessions/*` and `#platform` at the TypeScript
 * sources, so tests, the benchmark and the emulator run without a build. A published package
 * must not keep it: `source` is a popular custom condition in monorepos (TypeScript
 * `customConditions`, bundler `conditions`), and a consumer who sets it for their own packages
 * would otherwise type-check and bundle our `.ts` files under their compiler settings.
 *
 *   tsx scripts/package-manifest.ts strip    # prepack: write the published manifest
 *   tsx scripts/package-manifest.ts restore  # postpack: put the repository's back
 *
 * Only `exports` and `imports` are touched (saved to `.tmp/`), so an edit made to another field
 * while a pack runs survives the restore; a pack that died before `postpack` is repaired by the
 * next `strip`/`restore`, which reuse the saved maps.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The condition that exists for the repository only. */
export const DEV_CONDITION = 'source';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A package.json as far as this script reads it. */
export interface Manifest {
  exports?: Json;
  imports?: Json;
  [field: string]: unknown;
}

/**
 * `exports`/`imports` target without the {@link DEV_CONDITION} branch, at any depth. Subpath
 * keys (`./athena`, `#platform`) are kept whatever their name; only conditions are dropped.
 */
export function withoutDevCondition(target: Json): Json {
  if (Array.isArray(target)) return target.map(withoutDevCondition);
  if (target === null || typeof target !== 'object') return target;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(target)) {
    if (key === DEV_CONDITION) continue;
    out[key] = withoutDevCondition(value);
  }
  return out;
}

/** The manifest to publish: `manifest` with the dev condition removed from `exports` and `imports`. */
export function publishedManifest(manifest: Manifest): Manifest {
  const out: Manifest = { ...manifest };
  if (manifest.exports !== undefined) out.exports = withoutDevCondition(manifest.exports);
  if (manifest.imports !== undefined) out.imports = withoutDevCondition(manifest.imports);
  return out;
}

/** npm writes package.json with two-space indents and a final newline; so do we. */
export function formatManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

interface SavedMaps {
  exports?: Json;
  imports?: Json;
}

const savedPath = (dir: string): string => path.join(dir, '.tmp', 'package-maps.prepack.json');

async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** prepack: saves `exports`/`imports` (unless a previous pack already did) and writes the published form. */
export async function stripDevCondition(dir: string): Promise<void> {
  const manifest = await readManifest(dir);
  const saved = savedPath(dir);
  let maps: SavedMaps;
  if (existsSync(saved)) {
    maps = JSON.parse(await readFile(saved, 'utf8')) as SavedMaps;
  } else {
    maps = { exports: manifest.exports, imports: manifest.imports };
    await mkdir(path.dirname(saved), { recursive: true });
    await writeFile(saved, JSON.stringify(maps));
  }
  const published = publishedManifest({ ...manifest, ...maps });
  await writeFile(path.join(dir, 'package.json'), formatManifest(published));
}

/** postpack: puts the saved `exports`/`imports` back; a no-op when nothing was saved. */
export async function restoreDevCondition(dir: string): Promise<void> {
  const saved = savedPath(dir);
  if (!existsSync(saved)) return;
  const maps = JSON.parse(await readFile(saved, 'utf8')) as SavedMaps;
  const manifest = await readManifest(dir);
  // Assigning in place keeps each field where it was in the file.
  if (maps.exports !== undefined) manifest.exports = maps.exports;
  if (maps.imports !== undefined) manifest.imports = maps.imports;
  await writeFile(path.join(dir, 'package.json'), formatManifest(manifest));
  await rm(saved);
}

const isMain =
  process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (isMain) {
  const command = process.argv[2];
  const dir = process.cwd();
  if (command === 'strip') await stripDevCondition(dir);
  else if (command === 'restore') await restoreDevCondition(dir);
  else {
    process.stderr.write('usage: tsx scripts/package-manifest.ts strip|restore\n');
    process.exitCode = 2;
  }
}
