/**
 * Generates a client from a spec into `.tmp/generated-<name>/` (two levels below the repository,
 * like `generated/<name>/`, so its `../../src/...` imports resolve) and imports it. For tests
 * of specs that are not in specs/: fixtures and the --add sweep.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateService } from '../../scripts/generator/generate-service.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Writes the generated files of `specText`; returns the directory. */
export async function generateInto(name: string, specText: string): Promise<string> {
  const dir = path.join(ROOT, '.tmp', `generated-${name}`);
  const files = await generateService(`test/${name}.yaml`, specText);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const [file, content] of files) await writeFile(path.join(dir, file), content);
  return dir;
}

/** Generates and imports the client module of `specText`. */
export async function importGenerated(
  name: string,
  specText: string,
): Promise<Record<string, any>> {
  const dir = await generateInto(name, specText);
  return import(path.join(dir, 'index.ts'));
}
