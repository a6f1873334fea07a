/**
 * `npm run build`: dist/ as published. esbuild bundles the JavaScript, tsc emits the declarations.
 *
 *   npm run build
 *
 * JavaScript, in two stages. First the shared runtime, one module `dist/src/core.js` (`#core`,
 * see scripts/build-core.ts). Then one ES module per entry point (every `exports` and
 * `#platform` target of package.json, and the CLI), each importing the runtime from `#core`;
 * code only Node-side entry points share (the credential loaders) is split into chunks under
 * dist/src/chunks/. A client is then three modules (its entry, `#core`, `#platform`) instead of
 * ~60 sources or ~10 chunks, which is most of a cold `import` (issue 7, workload (e)). One shared
 * core, rather than one self-contained bundle per entry, keeps a single copy of every class:
 * `cloud-sessions/runtime`'s `ServiceError` is the class `cloud-sessions/athena` throws, so
 * `instanceof` holds across subpaths.
 *
 * Kept external: dependencies (`openapi-fetch`; consumers dedupe them), `node:` builtins, the
 * package's own subpaths (the CLI imports `cloud-sessions/athena` by name; Node resolves it to the
 * same entry file), `#core`, and `#platform`, so the `imports` map still chooses the Node or the
 * browser defaults when Node or the consumer's bundler resolves it. Not minified: consumers' bundlers
 * minify, and stack traces stay readable. No `keepNames`: its `__name(...)` calls are side effects
 * that keep every class of a chunk in a consumer's bundle (+5 KB min+gzip for one Athena call);
 * instead the build fails if esbuild renamed a class to avoid a collision, since class names are
 * observable (`new.target.name`, `util.inspect`).
 *
 * Declarations: tsc with `emitDeclarationOnly` (tsconfig.build.json), one .d.ts per source file at
 * the paths `exports` names.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import {
  buildCore,
  CORE_SPECIFIER,
  coreExternalPlugin,
  missingCoreImports,
  type Core,
} from './build-core.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = 'dist';

/** The CLI: bin/cloud-sessions.js imports it by path outside a checkout. */
export const CLI_ENTRY: EntryPoint = { in: './src/cli/main.ts', out: './dist/src/cli/main.js' };

/** A source file and the file it compiles to, both relative to the package root (`./…`). */
export interface EntryPoint {
  in: string;
  out: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The manifest fields the entry points come from. */
export interface BuildManifest {
  exports?: Json;
  imports?: Json;
  [field: string]: unknown;
}

/**
 * Pairs a `source` condition with the built target next to it. `source` is either a path (the
 * sibling `default` is its build) or an object of conditions whose paths are built to the
 * siblings of the same condition (`#platform`: `source.node` -> `node`).
 */
function pairsOf(target: { [key: string]: Json }, where: string): EntryPoint[] {
  const source = target.source;
  const built = (condition: string): string => {
    const out = target[condition];
    if (typeof out !== 'string') {
      throw new Error(`${where}: "source" has no built "${condition}" target next to it`);
    }
    return out;
  };
  if (typeof source === 'string') return [{ in: source, out: built('default') }];
  if (source === null || typeof source !== 'object' || Array.isArray(source)) {
    throw new Error(`${where}: "source" must be a path or an object of conditions`);
  }
  return Object.entries(source).map(([condition, input]) => {
    if (typeof input !== 'string') throw new Error(`${where}: source.${condition} must be a path`);
    return { in: input, out: built(condition) };
  });
}

/**
 * Every file to build: each `exports` subpath and `imports` specifier that has a `source`
 * condition (the TypeScript it is built from), then the CLI. Subpaths without one
 * (`./package.json`) are not code. Throws when a built target is missing or not under dist/.
 */
export function entryPoints(manifest: BuildManifest): EntryPoint[] {
  const found: EntryPoint[] = [];
  for (const field of ['exports', 'imports'] as const) {
    const map = manifest[field];
    if (map === undefined || map === null || typeof map !== 'object' || Array.isArray(map))
      continue;
    for (const [subpath, target] of Object.entries(map)) {
      if (target === null || typeof target !== 'object' || Array.isArray(target)) continue;
      if (!('source' in target)) continue;
      found.push(...pairsOf(target, `${field}["${subpath}"]`));
    }
  }
  found.push(CLI_ENTRY);
  for (const entry of found) {
    if (!entry.out.startsWith(`./${OUT_DIR}/`) || !entry.out.endsWith('.js')) {
      throw new Error(
        `${entry.in} builds to ${entry.out}, which is not a .js file under ${OUT_DIR}/`,
      );
    }
  }
  return found;
}

/** esbuild options for `entries`; output paths are exactly the entries' `out`. */
export function esbuildOptions(entries: readonly EntryPoint[]): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: entries.map((entry) => ({
      in: entry.in,
      out: path.posix.relative(`./${OUT_DIR}`, entry.out).replace(/\.js$/, ''),
    })),
    outdir: OUT_DIR,
    // Under dist/src so that package.json `files` (dist/src, dist/generated) ships them.
    chunkNames: 'src/chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    // Neutral: the same files serve Node, browsers and edge runtimes; the Node-only modules
    // import `node:` builtins, which stay external like every package path.
    platform: 'neutral',
    target: 'es2022',
    packages: 'external',
    external: ['#platform', CORE_SPECIFIER],
    sourcemap: true,
    // The maps point at src/ and generated/, which the package ships.
    sourcesContent: false,
    minify: false,
    metafile: true,
    logLevel: 'warning',
  };
}

/** Entries whose output esbuild did not write where the manifest says (should be none). */
export function missingOutputs(entries: readonly EntryPoint[], metafile: Metafile): string[] {
  const written = new Set(Object.keys(metafile.outputs).map((file) => `./${file}`));
  return entries.map((entry) => entry.out).filter((out) => !written.has(out));
}

/** Names of the classes declared in JavaScript or TypeScript `code`. */
export function classNames(code: string): Set<string> {
  const names = new Set<string>();
  // esbuild prints a class as `class X` or, when it must be a binding, `var X = class`.
  for (const match of code.matchAll(
    /\bclass\s+([A-Za-z_$][\w$]*)|\b([A-Za-z_$][\w$]*)\s*=\s*class\b/g,
  )) {
    names.add((match[1] ?? match[2])!);
  }
  return names;
}

/** Class names in the output that no source declares: classes esbuild renamed (`Foo2`). */
export function renamedClasses(output: Set<string>, sources: Set<string>): string[] {
  return [...output].filter((name) => !sources.has(name)).sort();
}

async function classNamesIn(dir: string, extension: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const file of await readdir(path.join(ROOT, dir), { recursive: true })) {
    if (!file.endsWith(extension) || file.endsWith('.d.ts')) continue;
    for (const name of classNames(await readFile(path.join(ROOT, dir, file), 'utf8'))) {
      names.add(name);
    }
  }
  return names;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const manifest = JSON.parse(
    await readFile(path.join(ROOT, 'package.json'), 'utf8'),
  ) as BuildManifest;
  const entries = entryPoints(manifest);
  await rm(path.join(ROOT, OUT_DIR), { recursive: true, force: true });
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  let core: Core | undefined;
  const bundle = async () => {
    core = await buildCore(ROOT);
    return build({ ...esbuildOptions(entries), plugins: [coreExternalPlugin(core)] });
  };
  const [result] = await Promise.all([
    bundle(),
    run(process.execPath, [tsc, '-p', 'tsconfig.build.json']),
  ]);
  const missing = missingOutputs(entries, result.metafile!);
  if (missing.length > 0) throw new Error(`esbuild did not write ${missing.join(', ')}`);
  for (const file of Object.keys(result.metafile!.outputs).filter((f) => f.endsWith('.js'))) {
    const absent = missingCoreImports(await readFile(path.join(ROOT, file), 'utf8'), core!.exports);
    if (absent.length > 0) {
      throw new Error(
        `${file} imports ${absent.join(', ')} from #core, which does not export them`,
      );
    }
  }
  const sources = new Set([
    ...(await classNamesIn('src', '.ts')),
    ...(await classNamesIn('generated', '.ts')),
  ]);
  const renamed = renamedClasses(await classNamesIn(OUT_DIR, '.js'), sources);
  if (renamed.length > 0) {
    throw new Error(
      `esbuild renamed classes to ${renamed.join(', ')} (two modules declare the same class ` +
        'name); rename one in the sources so that `name` stays what the source says',
    );
  }
}

const isMain =
  process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (isMain) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `build failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
