import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  exportEntry,
  withServiceEntryPoints,
  withServiceExports,
} from '../../scripts/generator/package-entries.js';

const runtime = {
  source: './src/index.ts',
  types: './dist/src/index.d.ts',
  default: './dist/src/index.js',
};

describe('withServiceExports', () => {
  it('adds a new service after the last generated entry, keeping every other entry in place', () => {
    const before = {
      './athena': exportEntry('athena'),
      './runtime': runtime,
      './package.json': './package.json',
    };
    const after = withServiceExports(before, ['athena', 'emr-serverless']);
    expect(Object.keys(after)).toEqual([
      './athena',
      './emr-serverless',
      './runtime',
      './package.json',
    ]);
    expect(after['./emr-serverless']).toEqual({
      source: './generated/emr-serverless/index.ts',
      types: './dist/generated/emr-serverless/index.d.ts',
      default: './dist/generated/emr-serverless/index.js',
    });
    expect(after['./runtime']).toBe(runtime);
  });

  it('drops the entry of a service whose spec is gone, and nothing else', () => {
    const before = {
      './athena': exportEntry('athena'),
      './old': exportEntry('old'),
      './runtime': runtime,
    };
    expect(Object.keys(withServiceExports(before, ['athena']))).toEqual(['./athena', './runtime']);
  });

  it('keeps an existing entry as it is (other conditions survive)', () => {
    const custom = { ...(exportEntry('athena') as object), browser: './x.js' };
    expect(withServiceExports({ './athena': custom }, ['athena'])['./athena']).toBe(custom);
  });

  it('is idempotent', () => {
    const once = withServiceExports({ './runtime': runtime }, ['b', 'a']);
    expect(withServiceExports(once, ['b', 'a'])).toEqual(once);
  });
});

describe('withServiceEntryPoints', () => {
  it.each([
    [
      ['generated/a/index.ts', 'src/index.ts'],
      ['a', 'b'],
      ['generated/a/index.ts', 'generated/b/index.ts', 'src/index.ts'],
    ],
    [
      ['generated/a/index.ts', 'generated/gone/index.ts', 'src/index.ts'],
      ['a'],
      ['generated/a/index.ts', 'src/index.ts'],
    ],
    [['src/index.ts'], ['a'], ['generated/a/index.ts', 'src/index.ts']],
  ])('%j for %j -> %j', (before, services, after) => {
    expect(withServiceEntryPoints(before, services)).toEqual(after);
  });
});

describe('the repository', () => {
  const services = readdirSync('specs')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''));
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const typedoc = JSON.parse(readFileSync('typedoc.json', 'utf8'));

  it.each(services)('exports and documents %s (npm run generate keeps them in step)', (service) => {
    expect(pkg.exports[`./${service}`]?.source).toBe(`./generated/${service}/index.ts`);
    expect(typedoc.entryPoints).toContain(`generated/${service}/index.ts`);
  });
});
