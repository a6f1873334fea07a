/**
 * The package as installed, under Bun and Deno (issue 15): the binaries come pinned and
 * checksummed from the npm registry (`.ci/runtimes.sh`; `CLOUD_SESSIONS_BUN` /
 * `CLOUD_SESSIONS_DENO` name others). An app next to the installed tarball runs the smoke run
 * of the Chromium and workerd tests against the emulator, which verifies every signature: each
 * API lists with real signing, a paginator stops at `maxItems` and resumes from its token, and a
 * wrong secret gives the typed error with its request id. Then the built CLI lists from it.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { expectSmokeCallsVerified, expectedSmokeResult, smokeConfig } from '../helpers/smoke.js';
import { outsideEnv, packPublished, ROOT, sh } from '../package/pack.js';

const SLOW = 180_000;
const run = promisify(execFile);

/** A runtime's binary: the override from the environment, else the pinned one (fetched once). */
async function binary(name: 'bun' | 'deno'): Promise<string> {
  const given = process.env[`CLOUD_SESSIONS_${name.toUpperCase()}`];
  if (given) return given;
  const { stdout } = await run(path.join(ROOT, '.ci/runtimes.sh'), [name], { timeout: SLOW });
  return stdout.trim();
}

/** How each runtime runs a plain ESM file of an npm project (Deno: all permissions). */
const RUNTIMES = {
  bun: (file: string) => ['run', file],
  deno: (file: string) => ['run', '--allow-all', file],
} as const;

let emulator: Emulator;
let work: string;
let app: string;
const binaries: Partial<Record<keyof typeof RUNTIMES, string>> = {};

beforeAll(async () => {
  [binaries.bun, binaries.deno] = await Promise.all([binary('bun'), binary('deno')]);
  work = await mkdtemp(path.join(tmpdir(), 'cloud-sessions-runtimes-'));
  await sh('npm', ['run', 'build'], { cwd: ROOT, timeoutMs: SLOW });
  const tarball = await packPublished(ROOT, work);
  app = path.join(work, 'app');
  await mkdir(app);
  await writeFile(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'runtime-smoke', private: true, type: 'module' }),
  );
  await sh(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball],
    { cwd: app, timeoutMs: SLOW },
  );
  // The shared smoke run, with the package left to the runtime's own resolution.
  await build({
    entryPoints: [path.join(ROOT, 'test/browser/page/app.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    external: ['cloud-sessions/*'],
    outfile: path.join(app, 'smoke-core.mjs'),
    logLevel: 'silent',
  });
  await copyFile(path.join(import.meta.dirname, 'fixtures/main.mjs'), path.join(app, 'main.mjs'));
  emulator = await startEmulator();
}, SLOW);

afterAll(async () => {
  await emulator?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe.each(Object.keys(RUNTIMES) as (keyof typeof RUNTIMES)[])('%s', (runtime) => {
  test(
    'lists every API with real signing, stops at maxItems and resumes, types a wrong secret',
    async () => {
      const before = emulator.requests.length;
      const out = await sh(binaries[runtime]!, RUNTIMES[runtime]('main.mjs'), {
        cwd: app,
        env: { ...outsideEnv(), SMOKE_INPUT: JSON.stringify(smokeConfig(emulator)) },
      });
      const { wrongSecret, ...result } = JSON.parse(out) as Record<string, unknown>;
      expect(result).toEqual(expectedSmokeResult(emulator, true));
      expect(wrongSecret).toEqual({
        typed: true,
        code: 'InvalidSignatureException',
        status: 400,
        requestId: expect.stringMatching(
          /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
        ),
      });
      const calls = emulator.requests.slice(before);
      // Two wrong-secret calls here (the shared run's and this file's); the helper allows one.
      expectSmokeCallsVerified(calls.slice(0, calls.length - 1));
      expect(calls.at(-1)).toEqual(expect.objectContaining({ api: 'athena', status: 400 }));
    },
    SLOW,
  );

  test(
    'the installed CLI lists Athena sessions as JSON',
    async () => {
      const config = smokeConfig(emulator);
      const cli = path.join(app, 'node_modules/cloud-sessions/bin/cloud-sessions.js');
      const out = await sh(
        binaries[runtime]!,
        RUNTIMES[runtime](cli).concat([
          'list',
          'athena',
          '--notebook-id',
          config.notebookId,
          '--endpoint-url',
          config.url,
          '--region',
          config.region,
          '-o',
          'json',
        ]),
        {
          cwd: app,
          env: {
            ...outsideEnv(),
            HOME: work,
            AWS_ACCESS_KEY_ID: config.aws.accessKeyId,
            AWS_SECRET_ACCESS_KEY: config.aws.secretAccessKey,
          },
        },
      );
      const listed = JSON.parse(out) as { NotebookSessionsList: { SessionId: string }[] };
      expect(listed.NotebookSessionsList.map((s) => s.SessionId)).toEqual(
        emulator.data.athena.notebooks[0]!.sessions.map((s) => s.SessionId),
      );
    },
    SLOW,
  );
});
