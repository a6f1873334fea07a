/**
 * The generated clients' public TypeScript surface, compared: the committed API Extractor reports
 * (api-reports/<entry>.api.md, `npm run api-report`) at the base ref against the working tree.
 * Listed beside the spec report, not classified: every spec change already has its class, and
 * the surface lines show how it reaches the exported types (plus changes made in src/).
 * The working tree's reports are as `npm run api-report` last wrote them.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SurfaceChange {
  entry: string;
  added: string[];
  removed: string[];
}

/** Entry name -> report text. */
export type Surfaces = Map<string, string>;

export async function loadWorkingSurfaces(root: string): Promise<Surfaces> {
  const dir = path.join(root, 'api-reports');
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.api.md'))
    .sort();
  const out: Surfaces = new Map();
  for (const f of files)
    out.set(f.slice(0, -'.api.md'.length), await readFile(path.join(dir, f), 'utf8'));
  return out;
}

export async function loadSurfacesAtRef(root: string, ref: string): Promise<Surfaces> {
  const git = (...args: string[]) => run('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const { stdout } = await git('ls-tree', '--name-only', `${ref}:api-reports`).catch(() => ({
    stdout: '',
  }));
  const out: Surfaces = new Map();
  for (const f of stdout
    .split('\n')
    .filter((n) => n.endsWith('.api.md'))
    .sort()) {
    out.set(f.slice(0, -'.api.md'.length), (await git('show', `${ref}:api-reports/${f}`)).stdout);
  }
  return out;
}

/** Declaration lines only: API Extractor's notes (`// (undocumented)`, warnings) are not surface. */
function surfaceLines(report: string | undefined): string[] {
  if (report === undefined) return [];
  const body = report.split('```ts')[1]?.split('```')[0] ?? '';
  return body
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('//'));
}

/** Lines of each report that the other side lacks (as multisets: moved lines are not changes). */
export function diffSurfaces(before: Surfaces, after: Surfaces): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  for (const entry of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const old = surfaceLines(before.get(entry));
    const now = surfaceLines(after.get(entry));
    const removed = without(old, now);
    const added = without(now, old);
    if (added.length > 0 || removed.length > 0) changes.push({ entry, added, removed });
  }
  return changes;
}

function without(lines: string[], other: string[]): string[] {
  const left = new Map<string, number>();
  for (const l of other) left.set(l, (left.get(l) ?? 0) + 1);
  return lines.filter((l) => {
    const n = left.get(l) ?? 0;
    if (n > 0) left.set(l, n - 1);
    return n === 0;
  });
}

/** `git diff <ref> -- api-reports/`: the unified diff, with context, of the surface. */
export async function surfaceDiffText(root: string, ref: string): Promise<string> {
  const { stdout } = await run(
    'git',
    ['diff', '--no-color', '--no-ext-diff', '-U3', ref, '--', 'api-reports'],
    {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    },
  ).catch(() => ({ stdout: '' }));
  return stdout;
}

export function renderSurfaces(changes: SurfaceChange[], diffText: string, limit = 80): string {
  const lines = ['## Public TypeScript surface (api-reports/)', ''];
  if (changes.length === 0) {
    lines.push('no changes in the committed API reports.');
    return `${lines.join('\n')}\n`;
  }
  const counts = changes.map(
    (c) => `\`${c.entry}\` (-${c.removed.length} +${c.added.length} lines)`,
  );
  lines.push(`Changed: ${counts.join(', ')}.`, '', '```diff');
  const diff = diffText.trimEnd().split('\n');
  lines.push(...diff.slice(0, limit));
  if (diff.length > limit)
    lines.push(`... ${diff.length - limit} more lines: git diff -- api-reports/`);
  lines.push('```');
  return `${lines.join('\n')}\n`;
}
