/**
 * `npm run api-diff -- [--base <git ref>] [--fail-on breaking] [--format markdown|json]`
 * `npm run api-diff -- --rules`   print the classification rules as a Markdown table
 *
 * Compares specs/*.yaml at `--base` (default HEAD) with the working tree and prints the report.
 * Exits 0; with `--fail-on breaking`, 1 when a breaking-code or breaking-wire change is listed;
 * 2 on bad arguments.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RULES } from './rules.js';
import { diffSpecs, loadSpecsAtRef, loadWorkingSpecs, renderMarkdown, toJson } from './index.js';
import {
  diffSurfaces,
  loadSurfacesAtRef,
  loadWorkingSurfaces,
  renderSurfaces,
  surfaceDiffText,
} from './surface.js';

// npm runs scripts in the package root; tests run the CLI in a scratch repository.
const root = process.cwd();

export interface CliArgs {
  rules?: boolean;
  base: string;
  failOnBreaking: boolean;
  format: 'markdown' | 'json';
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { base: 'HEAD', failOnBreaking: false, format: 'markdown' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--rules') args.rules = true;
    else if (flag === '--base' && value) ((args.base = value), i++);
    else if (flag === '--fail-on' && value === 'breaking') ((args.failOnBreaking = true), i++);
    else if (flag === '--format' && (value === 'json' || value === 'markdown'))
      ((args.format = value), i++);
    else {
      throw new Error(
        `api-diff: unknown or incomplete argument ${JSON.stringify(flag)}; usage: --base <git ref> --fail-on breaking --format markdown|json, or --rules`,
      );
    }
  }
  return args;
}

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (args.rules) {
    process.stdout.write(renderRules());
    return 0;
  }
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const report = diffSpecs(await loadSpecsAtRef(root, args.base), await loadWorkingSpecs(root), {
    base: args.base,
    head: 'working tree',
    version,
  });
  const surface = diffSurfaces(
    await loadSurfacesAtRef(root, args.base),
    await loadWorkingSurfaces(root),
  );
  process.stdout.write(
    args.format === 'json'
      ? `${JSON.stringify({ ...toJson(report), surface }, null, 2)}\n`
      : `${renderMarkdown(report)}\n${renderSurfaces(surface, await surfaceDiffText(root, args.base))}`,
  );
  const breaking = report.changes.some(
    (c) => c.class === 'breaking-code' || c.class === 'breaking-wire',
  );
  return args.failOnBreaking && breaking ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  return 2;
});

function renderRules(): string {
  const rows = RULES.map(
    (r) => `| \`${r.id}\` | ${r.class} | ${r.summary.replaceAll('|', '\\|')} |`,
  );
  return ['| Rule | Class | When |', '| --- | --- | --- |', ...rows, ''].join('\n');
}
