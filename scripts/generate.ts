/**
 * Generates typed clients from specs/*.yaml into generated/<spec name>/.
 *
 *   npm run generate              write generated/
 *   npm run generate -- --check   regenerate in memory; exit 1 naming every stale file
 *   --out DIR                     write to (or check) DIR instead of generated/
 *   --specs DIR                   read the specs from DIR instead of specs/ (tests)
 *
 * Output is deterministic: the same specs give the same bytes (no timestamps, sorted walks).
 * Writing ends with the short API-change report (scripts/api-diff) of specs/ at HEAD vs the
 * working tree, so nobody regenerates without seeing what changed (issue 13).
 * Without --out it also keeps the service lists outside generated/ in step with specs/:
 * package.json `exports` and typedoc.json `entryPoints` (scripts/generator/package-entries.ts),
 * so a new spec is importable, built and documented with no hand edit. generated/services.ts
 * lists every service and operation for the CLI's generic `call` command (emit-registry.ts).
 */
import { readdir, readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { generateService } from './generator/generate-service.js';
import { changeSummary } from './api-diff/summary.js';
import { withServiceEntryPoints, withServiceExports } from './generator/package-entries.js';
import { emitRegistry, registryEntry, type RegistryService } from './generator/emit-registry.js';
import { buildServiceModel } from './generator/spec-model.js';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultSpecsDir = path.join(root, 'specs');

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const outIndex = argv.indexOf('--out');
  const outDir =
    outIndex === -1 ? path.join(root, 'generated') : path.resolve(argv[outIndex + 1] ?? '');
  const specsIndex = argv.indexOf('--specs');
  const specsDir = specsIndex === -1 ? defaultSpecsDir : path.resolve(argv[specsIndex + 1] ?? '');
  const specs = (await readdir(specsDir)).filter((f) => f.endsWith('.yaml')).sort();
  const expected = new Map<string, string>();
  const registry: RegistryService[] = [];
  for (const spec of specs) {
    const text = await readFile(path.join(specsDir, spec), 'utf8');
    const files = await generateService(`specs/${spec}`, text);
    const dir = path.join(outDir, spec.replace(/\.yaml$/, ''));
    for (const [name, content] of files) expected.set(path.join(dir, name), content);
    registry.push(registryEntry(spec.replace(/\.yaml$/, ''), buildServiceModel(parse(text))));
  }
  // The CLI's `call` command reads this list (scripts/generator/emit-registry.ts).
  const registryFile = path.join(outDir, 'services.ts');
  const registryConfig = (await resolveConfig(registryFile)) ?? {};
  expected.set(
    registryFile,
    await format(emitRegistry(registry), { ...registryConfig, filepath: registryFile }),
  );
  const services = specs.map((spec) => spec.replace(/\.yaml$/, ''));
  const manifests = outIndex === -1 ? await serviceLists(services) : new Map<string, string>();
  if (check) {
    const staleManifests = await reportStaleManifests(manifests);
    return Math.max(await reportStale(expected, outDir), staleManifests);
  }
  for (const [file, content] of manifests) {
    if ((await readFile(file, 'utf8')) !== content) {
      await writeFile(file, content);
      console.log(`updated ${rel(file)} (the services in specs/)`);
    }
  }
  await rm(outDir, { recursive: true, force: true });
  for (const [file, content] of expected) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  console.log(`generated ${expected.size} files from ${specs.length} specs`);
  console.log(await changeSummary(root));
  return 0;
}

/** package.json and typedoc.json as they must be for these services, formatted like the repo. */
async function serviceLists(services: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const edit = async (file: string, change: (json: any) => void) => {
    const json = JSON.parse(await readFile(file, 'utf8'));
    change(json);
    const config = (await resolveConfig(file)) ?? {};
    out.set(file, await format(JSON.stringify(json, null, 2), { ...config, filepath: file }));
  };
  await edit(path.join(root, 'package.json'), (pkg) => {
    pkg.exports = withServiceExports(pkg.exports, services);
  });
  await edit(path.join(root, 'typedoc.json'), (doc) => {
    doc.entryPoints = withServiceEntryPoints(doc.entryPoints, services);
  });
  return out;
}

async function reportStaleManifests(manifests: Map<string, string>): Promise<number> {
  let code = 0;
  for (const [file, content] of manifests) {
    if ((await readFile(file, 'utf8')) !== content) {
      console.error(`${rel(file)} does not list the services in specs/; run \`npm run generate\``);
      code = 1;
    }
  }
  return code;
}

async function reportStale(expected: Map<string, string>, outDir: string): Promise<number> {
  const stale: string[] = [];
  for (const [file, content] of expected) {
    const actual = await readFile(file, 'utf8').catch(() => undefined);
    if (actual === undefined) stale.push(`${rel(file)} (missing)`);
    else if (actual !== content) stale.push(`${rel(file)} (differs)`);
  }
  for (const file of await listFiles(outDir)) {
    if (!expected.has(file)) stale.push(`${rel(file)} (not produced by any spec)`);
  }
  if (stale.length === 0) {
    console.log(`${rel(outDir)}/ is up to date (${expected.size} files)`);
    return 0;
  }
  console.error(`${rel(outDir)}/ is stale; run \`npm run generate\`:`);
  for (const line of stale) console.error(`  ${line}`);
  return 1;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else files.push(full);
  }
  return files.sort();
}

function rel(file: string): string {
  return path.relative(root, file);
}

process.exitCode = await main(process.argv.slice(2));
