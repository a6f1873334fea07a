/** The short report `npm run generate` ends with, in a scratch repository and from the script. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeSummary } from '../../scripts/api-diff/summary.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let dir: string;
let outside: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'api-diff-sum-'));
  outside = mkdtempSync(path.join(tmpdir(), 'api-diff-nogit-'));
  for (const d of [dir, outside]) {
    cpSync(path.join(repoRoot, 'specs'), path.join(d, 'specs'), { recursive: true });
    writeFileSync(path.join(d, 'package.json'), JSON.stringify({ version: '1.4.2' }));
  }
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'specs');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('change summary after generate', () => {
  it('says "no changes" when specs/ matches HEAD', async () => {
    expect(await changeSummary(dir)).toBe('API changes (HEAD -> working tree): no changes.');
  });

  it('counts the changes, gives the bump and lists breaking changes first', async () => {
    const file = path.join(dir, 'specs/athena.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      original.replace('operationId: ListNotebookSessions', 'operationId: ListNotebookSessionsV2'),
    );
    try {
      const lines = (await changeSummary(dir)).split('\n');
      expect(lines[0]).toBe(
        'API changes (HEAD -> working tree): 1 breaking for code, 0 breaking on the wire, 1 compatible, 0 docs. Implied version bump: major (1.4.2 -> 2.0.0).',
      );
      expect(lines.slice(1)).toEqual([
        '  breaking-code athena: ListNotebookSessions: operation removed',
        '  compatible    athena: ListNotebookSessionsV2: operation added',
      ]);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('outside a git checkout says it did not compare', async () => {
    expect(await changeSummary(outside)).toMatch(
      /^API changes: not compared \(api-diff: --base "HEAD" names no commit/,
    );
  });

  it('npm run generate ends with it', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'api-diff-gen-'));
    try {
      const stdout = execFileSync(
        path.join(repoRoot, 'node_modules/.bin/tsx'),
        ['scripts/generate.ts', '--out', out],
        {
          cwd: repoRoot,
          encoding: 'utf8',
        },
      );
      expect(stdout.trimEnd().split('\n')[1]).toMatch(/^API changes \(HEAD -> working tree\): /);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
