/**
 * The specs to compare: `specs/*.yaml` at a git ref (read with `git show <ref>:specs/<file>`, so
 * the working tree is untouched) or in the working tree. Keyed by client: the file name without
 * `.yaml`, the name of generated/<client>/ and of the package subpath.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import type { Json } from './flatten.js';

const run = promisify(execFile);

/** Client name -> spec (YAML text or parsed document). */
export type SpecSet = Map<string, string | Json>;

export async function loadWorkingSpecs(root: string): Promise<SpecSet> {
  const dir = path.join(root, 'specs');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  const specs: SpecSet = new Map();
  for (const file of files)
    specs.set(file.slice(0, -'.yaml'.length), await readFile(path.join(dir, file), 'utf8'));
  return specs;
}

export async function loadSpecsAtRef(root: string, ref: string): Promise<SpecSet> {
  if (ref.startsWith('-'))
    throw new Error(`api-diff: --base ${JSON.stringify(ref)} is not a git ref`);
  const git = (...args: string[]) => run('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  try {
    await git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  } catch {
    throw new Error(`api-diff: --base ${JSON.stringify(ref)} names no commit in ${root}`);
  }
  const { stdout } = await git('ls-tree', '--name-only', `${ref}:specs`).catch(() => ({
    stdout: '',
  }));
  const specs: SpecSet = new Map();
  for (const file of stdout
    .split('\n')
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    specs.set(file.slice(0, -'.yaml'.length), (await git('show', `${ref}:specs/${file}`)).stdout);
  }
  return specs;
}

export function parseSpec(spec: string | Json): Json {
  return typeof spec === 'string' ? (parse(spec) ?? {}) : spec;
}
