/**
 * The importer's tests work on a temporary copy of specs/ (the real vendored models, overlays
 * and specs), so refreshing, replacing and adding never touch the checkout.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runImport } from '../../scripts/import/run.js';
import { sha256 } from '../../scripts/import/manifest.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const OLD_BOTOCORE = path.join(ROOT, 'test/fixtures/botocore-1.29.27');

export async function copySpecs(): Promise<{
  dir: string;
  specs: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cloud-sessions-import-'));
  const specs = path.join(dir, 'specs');
  await cp(path.join(ROOT, 'specs'), specs, { recursive: true });
  return { dir, specs, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs the import command on `specs`, collecting what it prints. */
export async function importIn(
  specs: string,
  options: Partial<Parameters<typeof runImport>[0]> = {},
): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runImport({
    check: false,
    force: false,
    add: [],
    ...options,
    specsDir: specs,
    log: (l) => lines.push(l),
  });
  return { code, output: lines.join('\n') };
}

/** A botocore package folder (`__init__.py` with its version + `data/`) made from model copies. */
export async function fakeBotocore(
  parent: string,
  version: string,
  services: Record<string, string>,
): Promise<string> {
  const dir = path.join(parent, `botocore-${version}`);
  await mkdir(path.join(dir, 'data'), { recursive: true });
  await writeFile(path.join(dir, '__init__.py'), `__version__ = '${version}'\n`);
  for (const [service, from] of Object.entries(services))
    await cp(from, path.join(dir, 'data', service), { recursive: true });
  return dir;
}

/** Replaces one vendored file and records its hash, as a maintainer replacing a model would. */
export async function replaceVendored(
  specs: string,
  upstream: string,
  file: string,
  from: string,
): Promise<void> {
  const dir = path.join(specs, 'upstream', upstream);
  const bytes = await readFile(from);
  await writeFile(path.join(dir, file), bytes);
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  manifest.files[file] = sha256(bytes);
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

/** The installed botocore that `python3` imports (the machine's newest), or undefined. */
export function installedBotocore(): string | undefined {
  try {
    return execFileSync(
      'python3',
      ['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__))'],
      {
        encoding: 'utf8',
      },
    ).trim();
  } catch {
    return undefined;
  }
}
