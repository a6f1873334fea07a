/**
 * `npm run changelog -- [--base <git ref>] [--date YYYY-MM-DD] [--write]`
 *
 * Drafts the CHANGELOG.md entry for the next version from the API-change report of specs/ at
 * `--base` (default HEAD; give the last release's tag or commit) against the working tree, and
 * prints it. `--write` inserts it into CHANGELOG.md below "## [Unreleased]" for the maintainer to
 * edit; nothing is committed. The date defaults to today (UTC).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { draftEntry, insertEntry } from './changelog.js';
import { diffSpecs, loadSpecsAtRef, loadWorkingSpecs } from './index.js';

const root = process.cwd();

async function main(argv: string[]): Promise<number> {
  let base = 'HEAD';
  let date = new Date().toISOString().slice(0, 10);
  let write = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--base' && value) ((base = value), i++);
    else if (flag === '--date' && value && /^\d{4}-\d{2}-\d{2}$/.test(value)) ((date = value), i++);
    else if (flag === '--write') write = true;
    else {
      console.error(
        `changelog: unknown or incomplete argument ${JSON.stringify(flag)}; usage: --base <git ref> --date YYYY-MM-DD --write`,
      );
      return 2;
    }
  }
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const report = diffSpecs(await loadSpecsAtRef(root, base), await loadWorkingSpecs(root), {
    base,
    head: 'working tree',
    version,
  });
  const entry = draftEntry(report, date);
  process.stdout.write(entry);
  if (write) {
    const file = path.join(root, 'CHANGELOG.md');
    await writeFile(file, insertEntry(await readFile(file, 'utf8'), entry));
    console.error(`changelog: draft inserted into CHANGELOG.md; edit it, then commit`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  return 2;
});
