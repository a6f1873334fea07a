/**
 * esbuild bundles for the browser, as an app's bundler would build them, and the checks that
 * keep Node out of them.
 */
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

/** A static or dynamic import (or require) of a Node builtin by its `node:` name. */
export const NODE_IMPORT = /\b(?:from|import|require)\s*\(?\s*["']node:/;

/** A browser bundle: its text and what went into it. */
export interface BrowserBundle {
  text: string;
  /** Files bundled, as esbuild names them (relative to the working directory). */
  inputs: string[];
  /** Every import path esbuild saw while bundling. */
  importPaths: string[];
  /** Bytes of the bundle. */
  bytes: number;
  /** Bytes after gzip -9. */
  gzipBytes: number;
}

/**
 * Bundles `entry` (or `contents` resolved from `resolveDir`) for `platform: 'browser'`. esbuild
 * adds the `browser`, `import` and `default` conditions itself; `conditions` adds more (the
 * repository's `source`, to bundle the TypeScript sources without a build).
 */
export async function bundleForBrowser(
  source: { entry: string } | { contents: string; resolveDir: string },
  options: { minify?: boolean; conditions?: string[] } = {},
): Promise<BrowserBundle> {
  const result = await build({
    ...('entry' in source
      ? { entryPoints: [source.entry] }
      : { stdin: { contents: source.contents, resolveDir: source.resolveDir, loader: 'ts' } }),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: options.minify ?? false,
    conditions: options.conditions ?? [],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0]!.contents;
  const meta: Metafile = result.metafile;
  return {
    text: new TextDecoder().decode(output),
    inputs: Object.keys(meta.inputs),
    importPaths: Object.values(meta.inputs).flatMap((input) => input.imports.map((i) => i.path)),
    bytes: output.byteLength,
    gzipBytes: gzipSync(output, { level: 9 }).byteLength,
  };
}

/** Everything in `bundle` that reaches for Node: `node:` imports and `*-node` modules. */
export function nodeReferences(bundle: BrowserBundle): string[] {
  return [
    ...bundle.importPaths.filter((p) => p.startsWith('node:')),
    ...bundle.inputs.filter((f) => /-node\.(?:ts|js)$/.test(f)),
    ...(NODE_IMPORT.test(bundle.text) ? ['a node: import in the bundle text'] : []),
  ];
}
