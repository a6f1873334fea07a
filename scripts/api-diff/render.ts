/**
 * A classified report as Markdown (people), JSON (tools and bots) or a few lines (the end of
 * `npm run generate` / `npm run import`).
 */
import type { ClassifiedChange, ChangeClass } from './rules.js';
import type { Fact } from './flatten.js';
import type { VersionBump } from './semver.js';

export interface Report {
  base: string;
  head: string;
  clients: string[];
  changes: ClassifiedChange[];
  version: VersionBump;
}

export const CLASS_ORDER: readonly ChangeClass[] = [
  'breaking-code',
  'breaking-wire',
  'compatible',
  'docs',
];

export const CLASS_TITLES: Record<ChangeClass, string> = {
  'breaking-code': "Breaking for callers' code",
  'breaking-wire': 'Breaking on the wire',
  compatible: 'Compatible',
  docs: 'Documentation',
};

const KIND_LABELS: Record<string, string> = {
  client: 'client',
  setting: 'setting',
  endpoint: 'endpoint',
  operation: 'operation',
  error: 'modelled error',
  'operation-error': 'error response',
  paginator: 'paginator',
  schema: 'named type',
  'enum-value': 'enum value',
};

/** The `change` text: what happened to the element at `path`. */
export function describeChange(c: ClassifiedChange): string {
  const label =
    c.kind === 'member'
      ? `${c.direction ?? ''} member${c.required && c.change !== 'changed' ? ' (required)' : ''}`.trim()
      : (KIND_LABELS[c.kind] ?? c.kind);
  if (c.change !== 'changed') return `${label} ${c.change}`;
  if (c.class === 'docs') return `${c.aspect} changed`;
  return `${c.aspect}: ${show(c.before)} -> ${show(c.after)}`;
}

function show(v: Fact | undefined): string {
  return v === undefined ? '(none)' : typeof v === 'string' ? `\`${v}\`` : String(v);
}

function bumpLine(r: Report): string {
  const v = r.version;
  if (v.level === 'none') return `Implied version bump: none (stays ${v.from}).`;
  const zero = v.bump !== v.level ? `; 0.x: a ${v.level} change moves the ${v.bump} part` : '';
  return `Implied version bump: ${v.bump} (${v.from} -> ${v.to}${zero}).`;
}

export function counts(r: Report): Record<ChangeClass, number> {
  const n: Record<ChangeClass, number> = {
    'breaking-code': 0,
    'breaking-wire': 0,
    compatible: 0,
    docs: 0,
  };
  for (const c of r.changes) n[c.class] += 1;
  return n;
}

export function renderMarkdown(r: Report): string {
  const lines = [`# API changes: ${r.base} -> ${r.head}`, ''];
  if (r.changes.length === 0) {
    lines.push(`no changes (${r.clients.length} clients compared).`, '', bumpLine(r));
    return `${lines.join('\n')}\n`;
  }
  for (const client of r.clients) {
    const mine = r.changes.filter((c) => c.client === client);
    if (mine.length === 0) continue;
    lines.push(`## ${client}`, '');
    for (const cls of CLASS_ORDER) {
      const group = mine.filter((c) => c.class === cls);
      if (group.length === 0) continue;
      lines.push(`### ${CLASS_TITLES[cls]}`, '');
      for (const c of group) lines.push(`- \`${c.path}\`: ${describeChange(c)}`);
      lines.push('');
    }
  }
  const n = counts(r);
  lines.push(
    `${n['breaking-code']} breaking for code, ${n['breaking-wire']} breaking on the wire, ${n.compatible} compatible, ${n.docs} documentation.`,
    '',
    `**${bumpLine(r)}**`,
  );
  return `${lines.join('\n')}\n`;
}

export interface JsonReport {
  bump: VersionBump['bump'];
  level: VersionBump['level'];
  version: string;
  next: string;
  base: string;
  head: string;
  changes: Array<{
    client: string;
    change: string;
    path: string;
    class: ChangeClass;
    rule: string;
    aspect?: string;
    before?: Fact;
    after?: Fact;
  }>;
}

export function toJson(r: Report): JsonReport {
  return {
    bump: r.version.bump,
    level: r.version.level,
    version: r.version.from,
    next: r.version.to,
    base: r.base,
    head: r.head,
    changes: r.changes.map((c) => ({
      client: c.client,
      change: describeChange(c),
      path: c.path,
      class: c.class,
      rule: c.rule,
      ...(c.aspect === undefined ? {} : { aspect: c.aspect, before: c.before, after: c.after }),
    })),
  };
}

/** A few lines: counts, the bump, and the breaking changes first (at most `limit` lines). */
export function renderShort(r: Report, limit = 15): string {
  if (r.changes.length === 0) return `API changes (${r.base} -> ${r.head}): no changes.`;
  const n = counts(r);
  const head = `API changes (${r.base} -> ${r.head}): ${n['breaking-code']} breaking for code, ${n['breaking-wire']} breaking on the wire, ${n.compatible} compatible, ${n.docs} docs. ${bumpLine(r)}`;
  const ordered = CLASS_ORDER.flatMap((cls) => r.changes.filter((c) => c.class === cls));
  const lines = ordered
    .slice(0, limit)
    .map((c) => `  ${c.class.padEnd(13)} ${c.client}: ${c.path}: ${describeChange(c)}`);
  if (ordered.length > limit) lines.push(`  ... ${ordered.length - limit} more: npm run api-diff`);
  return [head, ...lines].join('\n');
}
