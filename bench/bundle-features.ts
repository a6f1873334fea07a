/**
 * What each runtime feature costs in the browser bundle of the one-call Athena app (workload (d)):
 * the feature's module is replaced by a minimal stand-in, cumulatively, and the bundle measured
 * again, bundled from the sources (which tree-shake like the build, test/package/consumer.test.ts).
 * Not a supported configuration: it shows what reaching a size target would take.
 *
 *   node --import tsx/esm bench/bundle-features.ts
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Stand-ins by module: a package name, or a path under the repository root. */
type StandIns = Record<string, string>;

/** Features in the order they are taken out, each with the stand-ins that remove it. */
const FEATURES: Array<[string, StandIns]> = [
  [
    'openapi-fetch (an inline path/query builder instead)',
    {
      'openapi-fetch': `
export const createQuerySerializer = () => (q) => Object.entries(q).filter(([, v]) => v != null)
  .map(([k, v]) => k + '=' + encodeURIComponent(v)).join('&');
export const defaultPathSerializer = (p, params) =>
  p.replace(/\\{([^}]+)\\}/g, (_, n) => encodeURIComponent(params[n]));
export const createFinalURL = (p, o) => {
  let u = o.baseUrl + p;
  if (o.params.path) u = o.pathSerializer(u, o.params.path);
  const s = o.querySerializer(o.params.query ?? {});
  return s ? u + '?' + s : u;
};`,
    },
  ],
  [
    'RFC 850 and asctime dates (Date.parse only)',
    {
      'src/retry/http-date.ts': `export function parseHttpDate(v) {
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}`,
    },
  ],
  ['input validation', { 'src/client/validate.ts': 'export function validateInput() {}' }],
  [
    'retry option validation',
    {
      'src/retry/policy.ts': `
export const AWS_STANDARD = { family: 'aws', maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2e4,
  jitter: 'full', maxRetryAfterMs: 2e4, quota: { capacity: 500, retryCost: 5, timeoutCost: 10 } };
export const OCI_DEFAULT = { family: 'oci', maxAttempts: 8, baseDelayMs: 1e3, maxDelayMs: 3e4,
  jitter: 'additive', additiveJitterMs: 1e3, maxRetryAfterMs: 3e4, quota: false };
export const NO_RETRIES = {};
export function resolveRetryPolicy(b, o) {
  return o === false ? { ...b, maxAttempts: 1, quota: false } : { ...b, ...o };
}`,
    },
  ],
  [
    'FIPS, dual-stack, partitions and endpoint checks',
    {
      'src/client/endpoints.ts': `export function resolveEndpoint(t, o) {
  if (o.endpoint) return String(o.endpoint).replace(/\\/+$/, '');
  return t.default.replace('{region}', o.region).replace('{dnsSuffix}', 'amazonaws.com');
}`,
    },
  ],
  [
    'log redaction',
    {
      'src/client/logging.ts':
        "export const REDACTED = ''; export const redactHeaders = (h) => h; export const redactUrl = (u) => u.href;",
    },
  ],
  [
    'retry quota',
    {
      'src/retry/quota.ts':
        'export class RetryQuota { tryAcquire() { return 0; } onSuccess() {} } export const createRetryQuota = () => undefined;',
    },
  ],
  [
    'attempt timeouts and total budget',
    {
      'src/retry/attempt-scope.ts': `
const inert = { signal: new AbortController().signal, cause: undefined, inert: true, dispose() {} };
export function openAttemptScope() { return inert; }
export function raceWithSignal(run) { return run(); }`,
    },
  ],
  ['Retry-After', { 'src/retry/retry-after.ts': 'export function parseRetryAfter() {}' }],
];

function standInPlugin(standIns: StandIns): Plugin {
  return {
    name: 'stand-ins',
    setup(stage) {
      stage.onLoad({ filter: /.*/ }, (args) => {
        for (const [module, contents] of Object.entries(standIns)) {
          const hit = module.includes('/')
            ? args.path === path.join(ROOT, module)
            : args.path.includes(`${path.sep}node_modules${path.sep}${module}${path.sep}`);
          if (hit) return { contents, loader: 'js' };
        }
        return undefined;
      });
    },
  };
}

async function gzipBytes(standIns: StandIns): Promise<{ min: number; gzip: number }> {
  const output = await build({
    absWorkingDir: ROOT,
    entryPoints: ['bench/apps/ours-athena.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    write: false,
    logLevel: 'error',
    outfile: 'app.js',
    plugins: [standInPlugin(standIns)],
  });
  const code = output.outputFiles[0]!.contents;
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

const kib = (bytes: number): string => (bytes / 1024).toFixed(2);

let standIns: StandIns = {};
let previous = await gzipBytes(standIns);
console.log('| Without (cumulative) | min KB | min+gzip KB | saved KB |');
console.log('|---|---:|---:|---:|');
console.log(`| (nothing: the shipped runtime) | ${kib(previous.min)} | ${kib(previous.gzip)} | |`);
for (const [feature, replaced] of FEATURES) {
  standIns = { ...standIns, ...replaced };
  const now = await gzipBytes(standIns);
  console.log(
    `| ${feature} | ${kib(now.min)} | ${kib(now.gzip)} | ${kib(previous.gzip - now.gzip)} |`,
  );
  previous = now;
}
