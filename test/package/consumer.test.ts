/**
 * The package as a user installs it: build, pack (with the published manifest), lint the tarball
 * with publint and attw, install it into a fresh project, type-check consumer code under
 * `moduleResolution: bundler` and `node16`, run a plain Node ESM app and a CommonJS app
 * (require(esm), Node >= 20.19) against the emulator, and bundle the browser subpaths with esbuild.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { bundleForBrowser, nodeReferences } from '../browser/bundle.js';
import { entryPoints } from '../../scripts/build.js';
import { CORE_OUT } from '../../scripts/build-core.js';
import type { Manifest } from '../../scripts/package-manifest.js';
import { outsideEnv, packPublished, ROOT, sh } from './pack.js';
import { smokeConfig } from '../helpers/smoke.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const BIN = path.join(ROOT, 'node_modules/.bin');
const SLOW = 180_000;

/** The subpaths the package exports (besides `./package.json`). */
const SUBPATHS = [
  'athena',
  'nimble-studio',
  'oci-ai-data-platform',
  'jupyter-server',
  'runtime',
  'node',
];
const BROWSER_SUBPATHS = SUBPATHS.filter((s) => s !== 'node');

let work: string;
let tarball: string;
let app: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'cloud-sessions-consumer-'));
  await sh('npm', ['run', 'build'], { cwd: ROOT, timeoutMs: SLOW });
  tarball = await packPublished(ROOT, work);
  app = path.join(work, 'app');
  await mkdir(app);
  await writeFile(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }),
  );
  // --prefer-offline: the only dependency (openapi-fetch) is in npm's cache after `npm ci`.
  await sh(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball],
    { cwd: app, timeoutMs: SLOW },
  );
  // A Node project brings its own @types/node; take the repository's rather than download it.
  await mkdir(path.join(app, 'node_modules/@types'), { recursive: true });
  await symlink(
    path.join(ROOT, 'node_modules/@types/node'),
    path.join(app, 'node_modules/@types/node'),
    'dir',
  );
  await cp(FIXTURES, path.join(app, 'src'), { recursive: true });
}, SLOW);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('packed tarball', () => {
  test('passes publint (strict: warnings are errors)', async () => {
    const out = await sh(path.join(BIN, 'publint'), ['run', tarball, '--strict'], { cwd: work });
    expect(out).toContain('All good!');
  });

  test('passes attw with the esm-only profile for every subpath', async () => {
    // esm-only: the package is ESM-only (Node >= 20); CommonJS apps `require()` it through
    // Node's require(esm) (>= 20.19, tested below), which attw's node16-cjs check predates, and
    // TypeScript's legacy `node10` resolution (no `exports` support) is out of scope. attw exits non-zero
    // on any other problem, which `sh` turns into a failure.
    const out = await sh(
      path.join(BIN, 'attw'),
      [tarball, '--profile', 'esm-only', '--format', 'json'],
      { cwd: work },
    );
    const report = JSON.parse(out) as {
      analysis: {
        problems: { resolutionKind?: string }[];
        entrypoints: Record<string, unknown>;
      };
    };
    const ignored = new Set(['node10', 'node16-cjs']);
    const problems = report.analysis.problems.filter((p) => !ignored.has(p.resolutionKind ?? ''));
    expect(problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(
      [...SUBPATHS.map((s) => `./${s}`), './package.json'].sort(),
    );
  });

  test('ships built JavaScript, declarations and maps, but no tests, emulator or source condition', async () => {
    const installed = path.join(app, 'node_modules/cloud-sessions');
    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
      imports: Record<string, unknown>;
    };
    expect(JSON.stringify(manifest.exports)).not.toContain('"source"');
    expect(JSON.stringify(manifest.imports)).not.toContain('"source"');
    const top = (await readdir(installed)).sort();
    expect(top).not.toContain('test');
    expect(top).not.toContain('scripts');
    expect(await readdir(path.join(installed, 'dist/src'))).not.toContain('emulator');
    const athena = await readdir(path.join(installed, 'dist/generated/athena'));
    expect(athena).toEqual(
      expect.arrayContaining(['index.js', 'index.js.map', 'index.d.ts', 'index.d.ts.map']),
    );
  });
  test('ships one module per entry point and the shared core, Node-side code in dist/src/chunks', async () => {
    const installed = path.join(app, 'node_modules/cloud-sessions');
    const repo = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
    const shipped = (await readdir(path.join(installed, 'dist'), { recursive: true }))
      .filter((file) => file.endsWith('.js'))
      .map((file) => `./dist/${file.split(path.sep).join('/')}`);
    const chunks = shipped.filter((file) => file.startsWith('./dist/src/chunks/'));
    expect(chunks.length).toBeGreaterThan(0);
    expect(shipped.filter((file) => !chunks.includes(file)).sort()).toEqual(
      [...entryPoints(repo).map((entry) => entry.out), CORE_OUT].sort(),
    );
  });
});

describe('TypeScript consumers', () => {
  async function typecheck(name: string, compilerOptions: object, files: string[]): Promise<void> {
    const config = path.join(app, `tsconfig.${name}.json`);
    await writeFile(config, JSON.stringify({ compilerOptions, files }));
    // Throws with tsc's diagnostics on any error.
    await sh(process.execPath, [TSC, '-p', config], { cwd: app, timeoutMs: SLOW });
  }

  const strictest = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
  };
  const snippets = [
    'src/readme/for-await.ts',
    'src/readme/max-items-resume.ts',
    'src/readme/typed-errors.ts',
    'src/readme/custom-credentials.ts',
    'src/readme/custom-fetch.ts',
    'src/readme/abort-timeout.ts',
  ];

  test(
    'a browser app type-checks every browser subpath under moduleResolution bundler without @types/node',
    async () => {
      await typecheck(
        'bundler',
        {
          ...strictest,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: [],
        },
        ['src/consumer-browser.ts', ...snippets],
      );
    },
    SLOW,
  );

  test(
    'a Node app type-checks every subpath under module node16 with @types/node',
    async () => {
      await typecheck(
        'node16',
        {
          ...strictest,
          target: 'ES2022',
          module: 'node16',
          moduleResolution: 'node16',
          lib: ['ES2023', 'DOM'],
          types: ['node'],
        },
        [
          'src/consumer-node.ts',
          'src/readme/node-credentials.ts',
          'src/readme/node-http-fetch.ts',
          ...snippets,
        ],
      );
    },
    SLOW,
  );

  test(
    'a Node app without the DOM library type-checks with skipLibCheck, as @tsconfig/node20 sets it',
    async () => {
      // The declarations name WebCrypto's CryptoKey and SubtleCrypto, which @types/node 20 does
      // not declare globally; with skipLibCheck (every @tsconfig base sets it) they degrade to
      // `any` inside our declarations only, and code that does not name them compiles.
      await typecheck(
        'node16-nodom',
        {
          ...strictest,
          skipLibCheck: true,
          target: 'ES2022',
          module: 'node16',
          moduleResolution: 'node16',
          lib: ['ES2023'],
          types: ['node'],
        },
        ['src/consumer-node.ts', 'src/readme/node-credentials.ts', 'src/readme/node-http-fetch.ts'],
      );
    },
    SLOW,
  );
});

/** Node's `require()` of ES modules without top-level await is on by default from 20.19. */
const REQUIRE_ESM = (() => {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major > 20 || (major === 20 && minor >= 19);
})();

describe('Node ESM consumer', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
  });

  test(
    'imports every subpath by name and lists sessions from the emulator with verified signatures',
    async () => {
      const notebook = emulator.data.athena.notebooks[0]!;
      const studio = emulator.data.nimble.studios[0]!;
      const platform = emulator.data.oci.platforms[0]!;
      const workspace = platform.workspaces[0]!;
      const input = smokeConfig(emulator);
      const out = await sh(process.execPath, ['src/smoke.mjs'], {
        cwd: app,
        env: { ...outsideEnv(), SMOKE_INPUT: JSON.stringify(input) },
      });
      const result = JSON.parse(out) as Record<string, unknown>;
      const athenaIds = notebook.sessions.map((s) => s.SessionId);
      expect(result).toEqual({
        athenaFirstPage: athenaIds.slice(0, 5),
        athenaCreationTimeIsDate: true,
        athenaAll: athenaIds,
        nimbleFirst30: studio.sessions.slice(0, 30).map((s) => s.sessionId),
        nimbleResumeTokenSet: true,
        badSignature: { serviceError: true, cloudSessionsError: true, status: 400 },
        ociIds: workspace.sessions.map((s) => s.id),
        jupyterSessions: [],
      });
      const signedOk = emulator.requests.filter((r) => r.signed && r.status === 200);
      expect(new Set(signedOk.map((r) => r.api))).toEqual(new Set(['athena', 'nimble', 'oci']));
      expect(emulator.requests.filter((r) => r.authFailure !== undefined)).toHaveLength(1);
    },
    SLOW,
  );

  test.runIf(REQUIRE_ESM)(
    'a CommonJS app require()s every subpath (Node >= 20.19) and lists sessions from the emulator',
    async () => {
      const notebook = emulator.data.athena.notebooks[0]!;
      const out = await sh(process.execPath, ['src/require-consumer.cjs'], {
        cwd: app,
        env: { ...outsideEnv(), SMOKE_INPUT: JSON.stringify(smokeConfig(emulator)) },
      });
      expect(JSON.parse(out)).toEqual({
        clients: true,
        athenaIds: notebook.sessions.slice(0, 5).map((s) => s.SessionId),
        validationShared: true,
        serviceExceptionShared: true,
      });
    },
    SLOW,
  );
});

describe('one copy of each class across subpaths', () => {
  test('errors thrown behind every subpath and #platform are instances of the runtime classes', async () => {
    // No AWS credentials anywhere, so the Node default chain (through #platform) finds none.
    const env = Object.fromEntries(
      Object.entries(outsideEnv()).filter(([name]) => !/^(?:AWS|OCI)_/.test(name)),
    );
    const out = await sh(process.execPath, ['src/shared-classes.mjs'], {
      cwd: app,
      env: {
        ...env,
        AWS_CONFIG_FILE: path.join(work, 'no-aws-config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(work, 'no-aws-credentials'),
      },
    });
    expect(JSON.parse(out)).toEqual({
      athenaValidation: true,
      nimbleValidation: true,
      athenaDefaultChainCredentials: true,
      ociDefaultConfig: true,
      jupyterConfiguration: true,
      nodeFromEnv: true,
      nodeOciConfigFile: true,
      serviceExceptionsExtendRuntimeServiceError: true,
    });
  });
});

describe('installed command', () => {
  test('the cloud-sessions bin runs from the compiled build and prints its usage', async () => {
    const out = await sh(path.join(app, 'node_modules/.bin/cloud-sessions'), ['--help'], {
      cwd: app,
    });
    expect(out).toContain('Usage: cloud-sessions');
  });
});

describe('browser bundle of the installed package', () => {
  test('resolves #platform to the browser defaults and contains no node: import', async () => {
    const bundle = await bundleForBrowser({
      contents: BROWSER_SUBPATHS.map(
        (s, i) => `export * as m${i} from 'cloud-sessions/${s}';`,
      ).join('\n'),
      resolveDir: app,
    });
    expect(bundle.inputs.some((f) => f.endsWith('dist/src/client/platform-browser.js'))).toBe(true);
    expect(nodeReferences(bundle)).toEqual([]);
  });

  test('tree-shakes one client as well as the sources do: no other service, no second signer', async () => {
    const options = { minify: true };
    const athenaOnly = await readFile(path.join(ROOT, 'test/browser/page/athena-only.ts'), 'utf8');
    const installed = await bundleForBrowser({ contents: athenaOnly, resolveDir: app }, options);
    const sources = await bundleForBrowser(
      { contents: athenaOnly, resolveDir: ROOT },
      { ...options, conditions: ['source'] },
    );
    // A bundler drops what a client does not use from `#core` statement by statement; a class
    // it cannot prove pure (src/auth/redacted.ts) would stay, as the OCI signer once did.
    expect(installed.text).not.toMatch(/RSASSA-PKCS1-v1_5|OciRequestSigner/);
    expect(installed.gzipBytes).toBeLessThan(sources.gzipBytes * 1.05);
  });
});
