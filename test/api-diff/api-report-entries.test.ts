import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportEntries } from '../../scripts/api-report/entries.js';

describe('API report entry points', () => {
  it('one report per export with types, named after the subpath', () => {
    const entries = reportEntries({
      exports: {
        '.': { types: './dist/index.d.ts' },
        './athena': { types: './dist/generated/athena/index.d.ts', default: './x.js' },
        './sub/path': { types: './dist/sub.d.ts' },
        './package.json': './package.json',
      },
    });
    expect(entries).toEqual([
      { subpath: './athena', name: 'athena', types: 'dist/generated/athena/index.d.ts' },
      { subpath: '.', name: 'index', types: 'dist/index.d.ts' },
      { subpath: './sub/path', name: 'sub-path', types: 'dist/sub.d.ts' },
    ]);
  });

  it("this package's exports each have a committed report", () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    );
    for (const entry of reportEntries(manifest)) {
      const report = readFileSync(
        new URL(`../../api-reports/${entry.name}.api.md`, import.meta.url),
        'utf8',
      );
      expect(report, entry.subpath).toMatch(/^## API Report File for "cloud-sessions"/);
    }
  });
});
