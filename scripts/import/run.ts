/**
 * The import command: optional refresh/add of vendored models, then every overlay's spec
 * imported and either compared (`--check`) or written, then a summary.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportOptions } from './args.js';
import { importOne, overlayFiles } from './pipeline.js';
import { addOperations, refreshBotocore, refreshOpenApi } from './refresh.js';
import { shortReport } from '../api-diff/index.js';

export interface RunOptions extends ImportOptions {
  specsDir: string;
  /** Where messages go (tests capture them). */
  log?: (line: string) => void;
}

export async function runImport(options: RunOptions): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { specsDir } = options;
  const changes: string[] = [];
  if (options.botocore)
    changes.push(...(await refreshBotocore(specsDir, options.botocore, options.force)));
  if (options.add.length)
    changes.push(...(await addOperations(specsDir, options.botocore!, options.add)));
  if (options.jupyterServer)
    changes.push(...(await refreshOpenApi(specsDir, 'jupyter-server', options.jupyterServer)));
  for (const line of changes) log(line);

  const differing: string[] = [];
  const summary: string[] = [];
  // Each imported spec before and after, keyed by client, for the API-change report (issue 13).
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  for (const overlay of await overlayFiles(specsDir)) {
    const imported = await importOne(specsDir, overlay);
    const file = path.join(specsDir, imported.spec);
    const old = await readFile(file, 'utf8').catch(() => undefined);
    for (const note of imported.notes) log(`  note: ${imported.spec}: ${note}`);
    const state = old === undefined ? 'new' : old === imported.text ? 'unchanged' : 'changed';
    const client = imported.spec.replace(/\.yaml$/, '');
    if (old !== undefined) before.set(client, old);
    after.set(client, imported.text);
    if (state !== 'unchanged') differing.push(imported.spec);
    if (!options.check && state !== 'unchanged') await writeFile(file, imported.text);
    summary.push(`  specs/${imported.spec}: ${state}`);
  }
  if (options.check) {
    if (differing.length === 0) {
      log(`specs/ matches import(upstream + overlay) (${summary.length} specs)`);
      return 0;
    }
    log('specs/ differs from import(upstream + overlay); run `npm run import`:');
    for (const spec of differing) log(`  specs/${spec}`);
    return 1;
  }
  log('import summary:');
  for (const line of summary) log(line);
  // What this import changed in the public API, classified, so nobody imports without seeing it.
  const pkg = await readFile(path.join(specsDir, '..', 'package.json'), 'utf8').catch(() => '{}');
  const { version } = JSON.parse(pkg) as { version?: string };
  log(shortReport(before, after, { base: 'specs before import', head: 'imported', version }));
  if (differing.length) log('next: npm run generate');
  return 0;
}
