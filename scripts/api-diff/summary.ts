/**
 * The lines `npm run generate` ends with: the short report of specs/ at `base` (HEAD) against the
 * working tree, i.e. what this regeneration changed relative to the last commit. Outside a git
 * checkout (a packed tarball) there is nothing to compare against, and it says so.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { shortReport } from './index.js';
import { loadSpecsAtRef, loadWorkingSpecs } from './load-specs.js';

export async function changeSummary(root: string, base = 'HEAD'): Promise<string> {
  let before;
  try {
    before = await loadSpecsAtRef(root, base);
  } catch (error) {
    return `API changes: not compared (${(error as Error).message}).`;
  }
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  return shortReport(before, await loadWorkingSpecs(root), { base, head: 'working tree', version });
}
