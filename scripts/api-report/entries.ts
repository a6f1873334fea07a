/**
 * The entry points an API report is kept for: every subpath of package.json `exports` that has
 * `types` (the `./package.json` export has none). Pure, so the naming is tested on its own.
 */
export interface ReportEntry {
  /** The subpath users import: `./athena`. */
  subpath: string;
  /** The report's base name: `athena` -> api-reports/athena.api.md. */
  name: string;
  /** The declaration file, relative to the package root, as `exports` names it under dist/. */
  types: string;
}

export function reportEntries(manifest: { exports?: unknown }): ReportEntry[] {
  const exports = (manifest.exports ?? {}) as Record<string, unknown>;
  const entries: ReportEntry[] = [];
  for (const [subpath, target] of Object.entries(exports)) {
    const types =
      typeof target === 'object' && target ? (target as Record<string, unknown>).types : undefined;
    if (typeof types !== 'string') continue;
    const name = subpath === '.' ? 'index' : subpath.replace(/^\.\//, '').replaceAll('/', '-');
    entries.push({ subpath, name, types: types.replace(/^\.\//, '') });
  }
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}
