/**
 * API-change report (issue 13): what changed between two sets of specs, classified as
 * breaking-code / breaking-wire / compatible / docs, with the version bump it implies.
 *
 * The walker is ours rather than a library's: the npm `openapi-diff` (Atlassian) classifies
 * request/response changes for a server's point of view, knows nothing of this project's `x-`
 * vocabulary (x-paginated, x-error, x-timestamp, x-member, x-endpoints) and has no notion of
 * "compiles but refused on the wire"; oasdiff is a Go binary. Pipeline: load-specs -> flatten ->
 * compare -> rules (classify) -> semver -> render.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareElements, type Change } from './compare.js';
import { flattenSpec, type Json } from './flatten.js';
import { renderShort, type Report } from './render.js';
import { classify } from './rules.js';
import { parseSpec, type SpecSet } from './load-specs.js';
import { nextVersion } from './semver.js';

export type { Report } from './render.js';
export type { SpecSet } from './load-specs.js';
export type { ChangeClass, ClassifiedChange } from './rules.js';
export { renderMarkdown, renderShort, toJson } from './render.js';
export { loadSpecsAtRef, loadWorkingSpecs } from './load-specs.js';

/** Client name (spec file name without `.yaml`) -> YAML text or parsed spec. */
export type Specs = SpecSet | Record<string, string | Json>;

export interface DiffOptions {
  /** The package version the bump starts from; default: this repository's package.json. */
  version?: string;
  /** How the report names the two sides (default `before` / `after`). */
  base?: string;
  head?: string;
}

function packageVersion(): string {
  const file = fileURLToPath(new URL('../../package.json', import.meta.url));
  return String(JSON.parse(readFileSync(file, 'utf8')).version);
}

function toMap(specs: Specs): SpecSet {
  return specs instanceof Map ? specs : new Map(Object.entries(specs));
}

export function diffSpecs(before: Specs, after: Specs, options: DiffOptions = {}): Report {
  const old = toMap(before);
  const now = toMap(after);
  const clients = [...new Set([...old.keys(), ...now.keys()])].sort();
  const changes: Change[] = [];
  for (const client of clients) {
    const a = old.get(client);
    const b = now.get(client);
    if (a === undefined || b === undefined) {
      changes.push({
        client,
        path: client,
        kind: 'client',
        change: a === undefined ? 'added' : 'removed',
      });
      continue;
    }
    changes.push(...compareElements(client, flattenSpec(parseSpec(a)), flattenSpec(parseSpec(b))));
  }
  const classified = changes.map((c) => classify(c));
  return {
    base: options.base ?? 'before',
    head: options.head ?? 'after',
    clients,
    changes: classified,
    version: nextVersion(
      options.version ?? packageVersion(),
      classified.map((c) => c.class),
    ),
  };
}

/**
 * The short report `npm run generate` and `npm run import` print after writing: counts, the
 * implied bump, and the first changes (breaking first). `before` / `after` as in diffSpecs.
 */
export function shortReport(before: Specs, after: Specs, options: DiffOptions = {}): string {
  return renderShort(diffSpecs(before, after, options));
}
