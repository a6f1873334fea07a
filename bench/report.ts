/**
 * Turns raw measurements into medians, ratios to the baseline of the same run, target verdicts
 * and the tables printed on stdout (markdown, so they paste into BENCHMARKS.md).
 */
import type { BundleResult } from './bundle.js';
import { BUNDLE_APPS } from './bundle.js';
import type { ColdStartResult } from './cold-start.js';
import { CONTENDER_LABELS, type ContenderId, type Service } from './contenders.js';
import type { GenerateResult } from './generate-time.js';
import type { MemoryResult } from './memory.js';
import { fmt, median, table } from './stats.js';
import type { PerRound, ThroughputResult } from './throughput.js';
import { runtimeTargets } from './targets-runtimes.js';

/** Median and ratio to the baseline for one contender on one service. */
export interface Figure {
  median: number;
  /** Median over rounds of (this contender / baseline) in the same round. */
  ratioToBaseline: number;
  perRound: number[];
}

/** Everything one run measured. */
export interface Measurements {
  throughput?: ThroughputResult;
  memory?: Record<string, Record<string, MemoryResult>>;
  bundle?: BundleResult[];
  coldStart?: ColdStartResult[];
  generate?: GenerateResult;
}

/** One target of issue 7 and how this run did against it. */
export interface TargetVerdict {
  target: string;
  measured: string;
  met: boolean;
}

const BASELINE: ContenderId = 'fetch';
const SERVICES: Service[] = ['athena', 'nimble'];
const SERVICE_NAMES: Record<Service, string> = { athena: 'Athena', nimble: 'Nimble' };

/** Per service and contender: median and ratio to the baseline (paired by round). */
export function figures(perRound: PerRound): Record<string, Record<string, Figure>> {
  const out: Record<string, Record<string, Figure>> = {};
  for (const [service, byContender] of Object.entries(perRound)) {
    const base = byContender[BASELINE] ?? [];
    out[service] = {};
    for (const [id, values] of Object.entries(byContender)) {
      out[service][id] = {
        median: median(values),
        ratioToBaseline: median(values.map((v, round) => v / base[round]!)),
        perRound: values,
      };
    }
  }
  return out;
}

/** Median over rounds of `a / b` for two contenders of one service. */
function pairedRatio(perRound: PerRound, service: string, a: string, b: string): number {
  const x = perRound[service]?.[a];
  const y = perRound[service]?.[b];
  if (!x || !y) return Number.NaN;
  return median(x.map((v, round) => v / y[round]!));
}

/** Verdicts for every target the run has data for. */
export function verdicts(m: Measurements): TargetVerdict[] {
  const out: TargetVerdict[] = [];
  const add = (target: string, value: number, measured: string, met: boolean): void => {
    if (Number.isFinite(value)) out.push({ target, measured, met });
  };
  const t = m.throughput;
  if (t) {
    const small = figures(t.smallMicros);
    const walk = figures(t.walkItemsPerSecond);
    for (const service of SERVICES) {
      const name = SERVICE_NAMES[service];
      const perRequest = small[service]?.ours?.ratioToBaseline ?? Number.NaN;
      add(
        `${name}: signed request <= 1.2x unsigned fetch`,
        perRequest,
        `${fmt(perRequest, 2)}x`,
        perRequest <= 1.2,
      );
      const items = walk[service]?.ours?.ratioToBaseline ?? Number.NaN;
      add(
        `${name}: items/s over pages >= 0.9x unsigned fetch`,
        items,
        `${fmt(items, 2)}x`,
        items >= 0.9,
      );
      const viaNodeHttp = small[service]?.['ours-fetch']?.ratioToBaseline ?? Number.NaN;
      add(
        `${name}, fetch 'global': signed request <= 1.2x unsigned fetch`,
        viaNodeHttp,
        `${fmt(viaNodeHttp, 2)}x`,
        viaNodeHttp <= 1.2,
      );
      const itemsViaNodeHttp = walk[service]?.['ours-fetch']?.ratioToBaseline ?? Number.NaN;
      add(
        `${name}, fetch 'global': items/s >= 0.9x unsigned fetch`,
        itemsViaNodeHttp,
        `${fmt(itemsViaNodeHttp, 2)}x`,
        itemsViaNodeHttp >= 0.9,
      );
      const want = service === 'athena' ? 1.4 : 2;
      const vsSdkSmall = pairedRatio(t.smallMicros, service, 'aws-sdk-v3', 'ours');
      add(
        `${name}: small request >= ${want}x faster than AWS SDK v3`,
        vsSdkSmall,
        `${fmt(vsSdkSmall, 2)}x`,
        vsSdkSmall >= want,
      );
      const vsSdkWalk = pairedRatio(t.walkItemsPerSecond, service, 'ours', 'aws-sdk-v3');
      add(
        `${name}: items/s >= ${want}x AWS SDK v3`,
        vsSdkWalk,
        `${fmt(vsSdkWalk, 2)}x`,
        vsSdkWalk >= want,
      );
      const vsSdkSmallNode = pairedRatio(t.smallMicros, service, 'aws-sdk-v3', 'ours-fetch');
      add(
        `${name}, fetch 'global': small request >= ${want}x faster than AWS SDK v3`,
        vsSdkSmallNode,
        `${fmt(vsSdkSmallNode, 2)}x`,
        vsSdkSmallNode >= want,
      );
      const vsSdkWalkNode = pairedRatio(t.walkItemsPerSecond, service, 'ours-fetch', 'aws-sdk-v3');
      add(
        `${name}, fetch 'global': items/s >= ${want}x AWS SDK v3`,
        vsSdkWalkNode,
        `${fmt(vsSdkWalkNode, 2)}x`,
        vsSdkWalkNode >= want,
      );
    }
    for (const r of runtimeTargets(t, SERVICES, pairedRatio)) {
      add(r.target, r.value, `${fmt(r.value, 2)}x`, r.met);
    }
  }
  for (const service of SERVICES) {
    for (const [id, label] of [
      ['ours', ''],
      ['ours-fetch', ", fetch 'global'"],
    ] as const) {
      const growth = m.memory?.[service]?.[id]?.heapGrowthBytes ?? Number.NaN;
      add(
        `${SERVICE_NAMES[service]}${label}: retained heap growth < 1 MB over the walk`,
        growth,
        `${fmt(growth / 1024, 0)} KB`,
        growth < 1024 * 1024,
      );
    }
  }
  for (const app of ['ours-athena', 'ours-nimble'] as const) {
    const bytes =
      m.bundle?.find((b) => b.app === app && b.platform === 'browser')?.gzipBytes ?? Number.NaN;
    add(
      `${BUNDLE_APPS[app]}: browser bundle <= 8 KB min+gzip`,
      bytes,
      `${fmt(bytes / 1024, 1)} KB`,
      bytes <= 8 * 1024,
    );
    add(
      `${BUNDLE_APPS[app]}: browser bundle <= 11 KB min+gzip (issue 15)`,
      bytes,
      `${fmt(bytes / 1024, 1)} KB`,
      bytes <= 11 * 1024,
    );
  }
  for (const [ours, sdk] of [
    ['ours-athena', 'sdk-athena'],
    ['ours-athena-node-http', 'sdk-athena'],
    ['ours-nimble', 'sdk-nimble'],
  ] as const) {
    const o = m.coldStart?.find((c) => c.program === ours)?.extraMs ?? Number.NaN;
    const s = m.coldStart?.find((c) => c.program === sdk)?.extraMs ?? Number.NaN;
    add(
      `${ours}: cold import extra <= 1/5 of ${sdk}'s`,
      o / s,
      `${fmt(o, 1)} ms vs ${fmt(s, 1)} ms (${fmt(o / s, 2)})`,
      o <= s / 5,
    );
  }
  if (m.generate) {
    const ms = m.generate.medianMs;
    add('npm run generate < 5 s', ms, `${fmt(ms / 1000, 2)} s`, ms < 5000);
  }
  return out;
}

function contenderRows(
  data: Record<string, Record<string, Figure>>,
  cpu: Record<string, Record<string, Figure>>,
): string[][] {
  const ids = Object.keys(data.athena ?? data.nimble ?? {}) as ContenderId[];
  return ids.map((id) => [
    CONTENDER_LABELS[id],
    ...SERVICES.flatMap((s) => {
      const f = data[s]?.[id];
      return [fmt(f?.median), `${fmt(f?.ratioToBaseline, 2)}x`, fmt(cpu[s]?.[id]?.median)];
    }),
  ]);
}

/** The tables for everything measured, as markdown. */
export function render(m: Measurements): string {
  const parts: string[] = [];
  if (m.throughput) {
    const t = m.throughput;
    parts.push(
      '### (a) One small page (5 items), sequential requests: wall µs per request, client CPU µs per request',
      table(
        ['Contender', 'Athena µs', 'x baseline', 'CPU µs', 'Nimble µs', 'x baseline', 'CPU µs'],
        contenderRows(figures(t.smallMicros), figures(t.smallCpuMicros)),
      ),
      '### (b) Every page of a listing (100 items a page): items per second, client CPU µs per page',
      table(
        [
          'Contender',
          'Athena items/s',
          'x baseline',
          'CPU µs/page',
          'Nimble items/s',
          'x baseline',
          'CPU µs/page',
        ],
        contenderRows(figures(t.walkItemsPerSecond), figures(t.walkCpuMicrosPerPage)),
      ),
    );
  }
  if (m.memory) {
    const ids = Object.keys(m.memory.athena ?? m.memory.nimble ?? {}) as ContenderId[];
    parts.push(
      '### (c) Memory while walking every page without keeping items (own process, --expose-gc)',
      table(
        [
          'Contender',
          'Athena heap growth KB',
          'peak heap MB',
          'peak RSS MB',
          'Nimble heap growth KB',
          'peak heap MB',
          'peak RSS MB',
        ],
        ids.map((id) => [
          CONTENDER_LABELS[id],
          ...SERVICES.flatMap((s) => {
            const r = m.memory?.[s]?.[id];
            return r
              ? [
                  fmt(r.heapGrowthBytes / 1024),
                  fmt(r.heapPeakBytes / 2 ** 20, 1),
                  fmt(r.peakRssBytes / 2 ** 20, 1),
                ]
              : ['-', '-', '-'];
          }),
        ]),
      ),
    );
  }
  if (m.bundle) {
    const apps = Object.keys(BUNDLE_APPS) as Array<keyof typeof BUNDLE_APPS>;
    const cell = (app: string, platform: string, key: 'minifiedBytes' | 'gzipBytes'): string => {
      const r = m.bundle?.find((b) => b.app === app && b.platform === platform);
      return r ? fmt(r[key] / 1024, 1) : '-';
    };
    parts.push(
      '### (d) esbuild --bundle --minify of a one-call app (KB; gzip level 9)',
      table(
        ['App', 'node min', 'node gzip', 'browser min', 'browser gzip'],
        apps.map((app) => [
          BUNDLE_APPS[app],
          cell(app, 'node', 'minifiedBytes'),
          cell(app, 'node', 'gzipBytes'),
          cell(app, 'browser', 'minifiedBytes'),
          cell(app, 'browser', 'gzipBytes'),
        ]),
      ),
    );
  }
  if (m.coldStart) {
    parts.push(
      `### (e) Cold start: \`node\` importing the client (median of ${m.coldStart[0]?.runs} runs)`,
      table(
        ['Program', 'median ms', 'extra over node -e 0'],
        m.coldStart.map((c) => [c.program, fmt(c.medianMs, 1), fmt(c.extraMs, 1)]),
      ),
    );
  }
  if (m.generate) {
    parts.push(
      `### (f) npm run generate (all specs): ${fmt(m.generate.medianMs / 1000, 2)} s (median of ${m.generate.runs})`,
    );
  }
  const v = verdicts(m);
  if (v.length > 0) {
    parts.push(
      '### Targets',
      table(
        ['Target', 'Measured', 'Met'],
        v.map((x) => [x.target, x.measured, x.met ? 'yes' : 'NO']),
      ),
    );
  }
  return parts.join('\n\n');
}
