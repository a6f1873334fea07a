import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  CLI_ENTRY,
  classNames,
  entryPoints,
  esbuildOptions,
  renamedClasses,
  type BuildManifest,
} from '../../scripts/build.js';
import { CORE_OUT, coreFiles, missingCoreImports } from '../../scripts/build-core.js';

describe('entryPoints', () => {
  test('pairs each exports source with its default target, and appends the CLI', () => {
    const manifest: BuildManifest = {
      exports: {
        './a': { source: './src/a.ts', types: './dist/src/a.d.ts', default: './dist/src/a.js' },
        './package.json': './package.json',
      },
    };
    expect(entryPoints(manifest)).toEqual([
      { in: './src/a.ts', out: './dist/src/a.js' },
      CLI_ENTRY,
    ]);
  });

  test('pairs each condition of an imports source with the built target of the same condition', () => {
    const manifest: BuildManifest = {
      imports: {
        '#p': {
          source: { node: './src/p-node.ts', default: './src/p-browser.ts' },
          node: './dist/src/p-node.js',
          default: './dist/src/p-browser.js',
        },
      },
    };
    expect(entryPoints(manifest).slice(0, -1)).toEqual([
      { in: './src/p-node.ts', out: './dist/src/p-node.js' },
      { in: './src/p-browser.ts', out: './dist/src/p-browser.js' },
    ]);
  });

  test('skips subpaths without a source condition', () => {
    const manifest: BuildManifest = {
      exports: { './data': { default: './data.json' }, './x': null },
    };
    expect(entryPoints(manifest)).toEqual([CLI_ENTRY]);
  });

  test.each([
    ['a source without a built target', { './a': { source: './src/a.ts' } }, /no built "default"/],
    [
      'a built target outside dist',
      { './a': { source: './src/a.ts', default: './lib/a.js' } },
      /not a \.js file under dist/,
    ],
  ])('rejects %s', (_name, exports, message) => {
    expect(() => entryPoints({ exports })).toThrow(message);
  });

  test('the repository manifest builds every exports and #platform target', async () => {
    const manifest = JSON.parse(await readFile('package.json', 'utf8')) as BuildManifest;
    const outs = entryPoints(manifest).map((entry) => entry.out);
    const targets = JSON.stringify([manifest.exports, manifest.imports]).match(
      /"\.\/dist\/[^"]+\.js"/g,
    );
    // `#core` is built by the first stage (scripts/build-core.ts), not as an entry point.
    expect(targets?.map((target) => JSON.parse(target) as string).sort()).toEqual(
      [...outs.filter((out) => out !== CLI_ENTRY.out), CORE_OUT].sort(),
    );
  });
});

describe('esbuildOptions', () => {
  test('writes each entry at its manifest path, relative to dist', () => {
    const options = esbuildOptions([{ in: './src/a.ts', out: './dist/src/sub/a.js' }]);
    expect(options.outdir).toBe('dist');
    expect(options.entryPoints).toEqual([{ in: './src/a.ts', out: 'src/sub/a' }]);
  });

  test('keeps #platform and every package external, so the imports map still picks the platform', () => {
    const options = esbuildOptions([]);
    expect(options.external).toContain('#platform');
    expect(options.packages).toBe('external');
    expect(options.splitting).toBe(true);
  });
});

describe('renamed class detection', () => {
  test.each([
    ['a class declaration', 'export class ServiceError extends Error {}', ['ServiceError']],
    ['esbuild binding form', 'var ValidationError2 = class extends X {', ['ValidationError2']],
    ['an anonymous class expression', 'const make = () => class {};', []],
    ['the word class in a string', 'const s = "classy";', []],
  ])('classNames finds %s', (_name, code, expected) => {
    expect([...classNames(code)]).toEqual(expected);
  });

  test('reports output classes that no source declares', () => {
    const sources = new Set(['ServiceError', 'ValidationError']);
    expect(renamedClasses(new Set(['ServiceError', 'ValidationError2']), sources)).toEqual([
      'ValidationError2',
    ]);
    expect(renamedClasses(new Set(['ServiceError']), sources)).toEqual([]);
  });
});

describe('the shared core (#core)', () => {
  test('holds the runtime the clients use, and nothing Node-only', async () => {
    const root = process.cwd();
    const files = [...(await coreFiles(root))].map((file) => path.relative(root, file));
    expect(files).toEqual(
      expect.arrayContaining([
        'src/index.ts',
        'src/client/runtime.ts',
        'src/client/signing-sigv4.ts',
        'src/client/signing-oci.ts',
        'src/auth/sigv4-signer.ts',
        'src/paginate/paginator.ts',
      ]),
    );
    for (const file of files) {
      expect(file).toMatch(/^src\//);
      expect(file).not.toMatch(/-node\.ts$|^src\/(cli|emulator)\//);
      expect(await readFile(file, 'utf8')).not.toMatch(/from 'node:/);
    }
  });

  test.each([
    ['all present', 'import { A, B as C } from "#core";', []],
    [
      'one absent',
      'import {\n  A,\n  Missing\n} from "#core";\nimport { B } from "#core";',
      ['Missing'],
    ],
    ['other modules ignored', 'import { Nope } from "#platform";', []],
  ])('missingCoreImports: %s', (_name, code, expected) => {
    expect(missingCoreImports(code, new Set(['A', 'B']))).toEqual(expected);
  });
});
