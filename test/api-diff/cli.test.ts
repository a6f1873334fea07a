/** `npm run api-diff` end to end, in a scratch git repository holding a copy of specs/. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const cli = path.join(repoRoot, 'scripts/api-diff/cli.ts');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
let dir: string;

function apiDiff(...args: string[]) {
  const r = spawnSync(tsx, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'api-diff-'));
  cpSync(path.join(repoRoot, 'specs'), path.join(dir, 'specs'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ version: '0.1.0' }));
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'specs');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run api-diff', () => {
  it('on a clean tree prints "no changes" and exits 0, even with --fail-on breaking', () => {
    const r = apiDiff('--fail-on', 'breaking');
    expect(r.stdout).toContain('no changes');
    expect(r.code).toBe(0);
  });

  it('a removed output member: Markdown report, exit 0; exit 1 with --fail-on breaking; JSON for tools', () => {
    const file = path.join(dir, 'specs/nimble-studio.yaml');
    const original = readFileSync(file, 'utf8');
    // The StreamingSession member and everything indented under it.
    const cut = original.replace(/^ {8}backupMode:\n(?: {10}.*\n)+/m, '');
    expect(cut).not.toBe(original);
    writeFileSync(file, cut);
    try {
      const md = apiDiff();
      expect(md.code).toBe(0);
      expect(md.stdout).toContain("### Breaking for callers' code");
      expect(md.stdout).toContain(
        '- `ListStreamingSessions.output.sessions[].backupMode`: output member removed',
      );
      expect(md.stdout).toContain('Implied version bump: minor (0.1.0 -> 0.2.0');
      expect(apiDiff('--fail-on', 'breaking').code).toBe(1);
      const json = JSON.parse(apiDiff('--format', 'json').stdout);
      expect(json.bump).toBe('minor');
      expect(json.changes).toEqual([
        {
          client: 'nimble-studio',
          change: 'output member removed',
          path: 'ListStreamingSessions.output.sessions[].backupMode',
          class: 'breaking-code',
          rule: 'output-removed',
        },
      ]);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('a bad argument or ref is refused, naming it', () => {
    const bad = apiDiff('--fail-on', 'everything');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"--fail-on"');
    const ref = apiDiff('--base', 'no-such-ref');
    expect(ref.code).not.toBe(0);
    expect(ref.stderr).toContain('--base "no-such-ref" names no commit');
  });
});
