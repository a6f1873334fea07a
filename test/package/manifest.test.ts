import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  formatManifest,
  publishedManifest,
  restoreDevCondition,
  stripDevCondition,
  withoutDevCondition,
  type Manifest,
} from '../../scripts/package-manifest.js';

const REPO_MANIFEST: Manifest = {
  name: 'pkg',
  exports: {
    './a': { source: './src/a.ts', types: './dist/a.d.ts', default: './dist/a.js' },
    './package.json': './package.json',
  },
  imports: {
    '#platform': {
      source: { node: './src/p-node.ts', default: './src/p-browser.ts' },
      node: './dist/p-node.js',
      default: './dist/p-browser.js',
    },
  },
  scripts: { test: 'vitest' },
};

describe('withoutDevCondition', () => {
  test.each([
    ['a plain string target', './x.js', './x.js'],
    ['null (an excluded subpath)', null, null],
    [
      'a top-level source condition',
      { source: './a.ts', default: './a.js' },
      { default: './a.js' },
    ],
    [
      'a nested source condition',
      { node: { source: './n.ts', default: './n.js' }, default: './b.js' },
      { node: { default: './n.js' }, default: './b.js' },
    ],
    [
      'fallback arrays',
      [{ source: './a.ts', import: './a.js' }, './b.js'],
      [{ import: './a.js' }, './b.js'],
    ],
    ['a subpath key named like a condition', { './source': './s.js' }, { './source': './s.js' }],
  ])('handles %s', (_name, input, expected) => {
    expect(withoutDevCondition(input)).toEqual(expected);
  });
});

describe('publishedManifest', () => {
  test('drops source from exports and imports and keeps every other field as it was', () => {
    const published = publishedManifest(REPO_MANIFEST);
    expect(JSON.stringify(published)).not.toContain('source');
    expect(published.scripts).toEqual(REPO_MANIFEST.scripts);
    expect(Object.keys(published)).toEqual(Object.keys(REPO_MANIFEST));
    expect(REPO_MANIFEST.exports).toHaveProperty(['./a', 'source']);
  });

  test('the repository manifest publishes without any source condition', async () => {
    const repo = JSON.parse(await readFile('package.json', 'utf8')) as Manifest;
    expect(JSON.stringify(repo.exports)).toContain('"source"');
    const published = publishedManifest(repo);
    expect(JSON.stringify(published.exports)).not.toContain('"source"');
    expect(JSON.stringify(published.imports)).not.toContain('"source"');
  });
});

describe('prepack strip / postpack restore', () => {
  let dir: string;
  const manifestPath = (): string => path.join(dir, 'package.json');
  const read = async (): Promise<Manifest> =>
    JSON.parse(await readFile(manifestPath(), 'utf8')) as Manifest;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'manifest-'));
    await writeFile(manifestPath(), formatManifest(REPO_MANIFEST));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('strip writes the published manifest and restore brings back the exact original text', async () => {
    const original = await readFile(manifestPath(), 'utf8');
    await stripDevCondition(dir);
    expect(await read()).toEqual(publishedManifest(REPO_MANIFEST));
    await restoreDevCondition(dir);
    expect(await readFile(manifestPath(), 'utf8')).toBe(original);
    expect(existsSync(path.join(dir, '.tmp', 'package-maps.prepack.json'))).toBe(false);
  });

  test('an edit to another field while packing survives the restore', async () => {
    await stripDevCondition(dir);
    const during = await read();
    during.devDependencies = { added: '1.0.0' };
    await writeFile(manifestPath(), formatManifest(during));
    await restoreDevCondition(dir);
    expect(await read()).toEqual({ ...REPO_MANIFEST, devDependencies: { added: '1.0.0' } });
  });

  test('a pack that died before postpack is repaired by the next strip and restore', async () => {
    await stripDevCondition(dir);
    await stripDevCondition(dir); // the saved maps are the original ones, not the stripped ones
    await restoreDevCondition(dir);
    expect(await read()).toEqual(REPO_MANIFEST);
  });

  test('restore without a previous strip leaves the manifest alone', async () => {
    const original = await readFile(manifestPath(), 'utf8');
    await restoreDevCondition(dir);
    expect(await readFile(manifestPath(), 'utf8')).toBe(original);
  });
});
