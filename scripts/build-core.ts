/**
 * The first stage of `npm run build`: the runtime every entry point shares, as ONE module,
 * `dist/src/core.js`, which the package's `imports` map names `#core`.
 *
 * Why one module: a cold `import 'cloud-sessions/athena'` costs about 1 ms of ESM resolution and
 * loading per module under Node 20, so the ~10 shared chunks esbuild's splitting made cost more
 * than the code in them (issue 7, workload (e)). Why shared at all: one copy of every class, so
 * `cloud-sessions/runtime`'s `ServiceError` is the class `cloud-sessions/athena` throws and
 * `instanceof` holds across subpaths; a self-contained bundle per entry would break that.
 *
 * The core is every file under src/ reachable from the runtime entry (`src/index.ts`) and from
 * the src/ modules generated clients import, stopping at `#platform` and packages: it is
 * browser- and edge-safe by construction (the Node-only loaders are reached only through
 * `#platform`). Its entry re-exports each of those files (`export *`), and the second stage
 * resolves any import of one of them to `#core` (see {@link coreExternalPlugin}), so the names
 * an importer asks for are the names that file exports.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';

/** The specifier entry points import the core by, and where it is built. */
export const CORE_SPECIFIER = '#core';
export const CORE_OUT = './dist/src/core.js';

/** Source files the generated clients import from src/, plus the runtime entry. */
async function coreRoots(root: string): Promise<string[]> {
  const roots = new Set([path.join(root, 'src/index.ts')]);
  const generated = path.join(root, 'generated');
  for (const file of await readdir(generated, { recursive: true })) {
    if (!file.endsWith('.ts')) continue;
    const full = path.join(generated, file);
    const code = await readFile(full, 'utf8');
    for (const match of code.matchAll(/from '(\.\.\/[^']*\/src\/[^']+)\.js'/g)) {
      roots.add(path.resolve(path.dirname(full), `${match[1]}.ts`));
    }
  }
  return [...roots].sort();
}

const shared: BuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  packages: 'external',
  external: ['#platform'],
  logLevel: 'warning',
};

/** Absolute paths of the core's source files (the roots and what they import under src/). */
export async function coreFiles(root: string): Promise<Set<string>> {
  const roots = await coreRoots(root);
  const probe = await build({
    ...shared,
    absWorkingDir: root,
    stdin: { contents: entryCode(roots, root), resolveDir: root, loader: 'ts' },
    write: false,
    metafile: true,
    outfile: 'probe.js',
  });
  const files = Object.keys(probe.metafile!.inputs)
    .filter((input) => input.startsWith('src/'))
    .map((input) => path.join(root, input));
  return new Set(files);
}

/** `export *` of every core file: an importer of file X gets X's names from `#core`. */
function entryCode(files: Iterable<string>, root: string): string {
  return [...files]
    .map((file) => `export * from './${path.relative(root, file).split(path.sep).join('/')}';`)
    .join('\n');
}

/** What the first stage built: the core's source files and the names `#core` exports. */
export interface Core {
  files: Set<string>;
  exports: Set<string>;
}

/** Writes `dist/src/core.js` (and its map). */
export async function buildCore(root: string): Promise<Core> {
  const files = await coreFiles(root);
  const result = await build({
    ...shared,
    absWorkingDir: root,
    stdin: {
      contents: entryCode([...files].sort(), root),
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'src/core.ts',
    },
    outfile: CORE_OUT,
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
  });
  const output = result.metafile!.outputs[CORE_OUT.slice(2)];
  if (!output) throw new Error(`esbuild did not write ${CORE_OUT}`);
  return { files, exports: new Set(output.exports) };
}

/**
 * Names that built `code` imports from `#core` but the core does not export. `export *` leaves
 * out a name two core files both export, so an importer could ask for a name that is not there,
 * which Node would only report when the module is loaded.
 */
export function missingCoreImports(code: string, exports: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  for (const match of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*"#core"/g)) {
    for (const binding of match[1]!.split(',')) {
      const name = binding.trim().split(/\s+as\s+/)[0]!;
      if (name !== '' && !exports.has(name)) missing.push(name);
    }
  }
  return missing;
}

/**
 * Second stage: an import that resolves to a core file becomes an import of `#core`, kept
 * external, so every entry point and chunk shares the one core module.
 */
export function coreExternalPlugin(core: Core): Plugin {
  return {
    name: 'cloud-sessions-core',
    setup(stage) {
      stage.onResolve({ filter: /^\.\.?\// }, async (args) => {
        // An entry point is built as itself (`src/index.ts` is both an entry and a core file:
        // its build re-exports from `#core`).
        if (args.pluginData === 'core-probe' || args.kind === 'entry-point') return undefined;
        const resolved = await stage.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'core-probe',
        });
        if (resolved.errors.length > 0 || !core.files.has(resolved.path)) return undefined;
        return { path: CORE_SPECIFIER, external: true };
      });
    },
  };
}
