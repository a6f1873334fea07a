/**
 * The places outside generated/ that list the services, derived from specs/: package.json
 * `exports` (so `cloud-sessions/<service>` resolves, builds and is documented: scripts/build.ts
 * and the TypeDoc plugin read `exports`) and typedoc.json `entryPoints`. Pure: `npm run generate`
 * writes the result, `--check` compares it (scripts/generate.ts).
 *
 * Only entries that point into generated/ are added or removed; every other entry, and the
 * order of the ones kept, stay as they are, so hand-written subpaths and other fields merge
 * cleanly.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const GENERATED = /^\.?\/?generated\/([^/]+)\/index\.ts$/;

/** The service a `source` path or entry point names (`generated/<service>/index.ts`), if any. */
function serviceOf(file: unknown): string | undefined {
  return typeof file === 'string' ? GENERATED.exec(file)?.[1] : undefined;
}

/** The export entry of a new service, shaped like the package's existing ones. */
export function exportEntry(service: string): Json {
  return {
    source: `./generated/${service}/index.ts`,
    types: `./dist/generated/${service}/index.d.ts`,
    default: `./dist/generated/${service}/index.js`,
  };
}

/**
 * `exports` with one `./<service>` entry per service: entries of services that no longer have
 * a spec are dropped, missing ones are inserted after the last generated entry.
 */
export function withServiceExports(
  exportsMap: Record<string, Json>,
  services: readonly string[],
): Record<string, Json> {
  const wanted = new Set(services);
  const kept: Array<[string, Json]> = [];
  const present = new Set<string>();
  let insertAt = 0;
  for (const [subpath, target] of Object.entries(exportsMap)) {
    const source =
      target && typeof target === 'object' && !Array.isArray(target) ? target.source : undefined;
    const service = serviceOf(source);
    if (service !== undefined && !wanted.has(service)) continue;
    kept.push([subpath, target]);
    if (service !== undefined) {
      present.add(service);
      insertAt = kept.length;
    }
  }
  const added = services
    .filter((s) => !present.has(s))
    .map((s): [string, Json] => [`./${s}`, exportEntry(s)]);
  kept.splice(insertAt, 0, ...added);
  return Object.fromEntries(kept);
}

/** TypeDoc `entryPoints` with `generated/<service>/index.ts` for exactly these services. */
export function withServiceEntryPoints(
  entryPoints: readonly string[],
  services: readonly string[],
): string[] {
  const wanted = new Set(services);
  const kept = entryPoints.filter((e) => {
    const service = serviceOf(e);
    return service === undefined || wanted.has(service);
  });
  const present = new Set(kept.map(serviceOf).filter((s) => s !== undefined));
  const lastGenerated = kept.reduce((at, e, i) => (serviceOf(e) !== undefined ? i + 1 : at), 0);
  const added = services.filter((s) => !present.has(s)).map((s) => `generated/${s}/index.ts`);
  kept.splice(lastGenerated, 0, ...added);
  return kept;
}
