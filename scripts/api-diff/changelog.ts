/**
 * A Keep a Changelog 1.1.0 entry (keepachangelog.com) drafted from an API-change report: added
 * elements under "Added", removed ones under "Removed", the rest under "Changed", breaking ones
 * first and marked, documentation changes counted per client rather than listed. The maintainer
 * edits the draft (the report says what changed, not why) and commits it.
 */
import { CLASS_ORDER, describeChange, type Report } from './render.js';
import type { ClassifiedChange } from './rules.js';

const MARK: Record<string, string> = {
  'breaking-code': "**Breaking for callers' code:** ",
  'breaking-wire': '**Breaking on the wire:** ',
  compatible: '',
};

function line(c: ClassifiedChange): string {
  return `- ${MARK[c.class] ?? ''}${c.client}: \`${c.path}\`: ${describeChange(c)}.`;
}

function byClass(a: ClassifiedChange, b: ClassifiedChange): number {
  return CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class);
}

export function draftEntry(report: Report, date: string): string {
  const v = report.version;
  const heading = `## [${v.to}] - ${date}`;
  if (report.changes.length === 0) return `${heading}\n\nNo API changes since ${report.base}.\n`;
  const api = report.changes.filter((c) => c.class !== 'docs');
  const sections: Array<[string, ClassifiedChange[]]> = [
    ['Added', api.filter((c) => c.change === 'added')],
    ['Changed', api.filter((c) => c.change === 'changed')],
    ['Removed', api.filter((c) => c.change === 'removed')],
  ];
  const out = [heading, ''];
  const bump =
    v.bump === v.level ? `a ${v.bump} release` : `a ${v.bump} release (${v.level} change, 0.x)`;
  out.push(
    `API changes since ${report.base}, ${bump}; see \`npm run api-diff -- --base ${report.base}\`.`,
    '',
  );
  for (const [title, changes] of sections) {
    const docs = title === 'Changed' ? docCounts(report) : [];
    if (changes.length === 0 && docs.length === 0) continue;
    out.push(`### ${title}`, '', ...[...changes].sort(byClass).map(line), ...docs, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function docCounts(report: Report): string[] {
  const n = new Map<string, number>();
  for (const c of report.changes)
    if (c.class === 'docs') n.set(c.client, (n.get(c.client) ?? 0) + 1);
  return [...n].map(
    ([client, count]) =>
      `- ${client}: ${count} documentation ${count === 1 ? 'change' : 'changes'}.`,
  );
}

/** CHANGELOG.md with `entry` inserted after the `## [Unreleased]` section (before the last release). */
export function insertEntry(changelog: string, entry: string): string {
  const lines = changelog.split('\n');
  const unreleased = lines.findIndex((l) => /^## \[Unreleased\]/i.test(l));
  const start = unreleased === -1 ? 0 : unreleased + 1;
  let at = lines.findIndex((l, i) => i >= start && /^## \[/.test(l));
  if (at === -1) at = lines.findIndex((l, i) => i >= start && /^\[[^\]]+\]:/.test(l));
  if (at === -1) at = lines.length;
  return [...lines.slice(0, at), ...entry.trimEnd().split('\n'), '', ...lines.slice(at)].join('\n');
}
