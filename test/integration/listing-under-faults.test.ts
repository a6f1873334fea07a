/**
 * Long listings end to end through the generated paginators while the server injects
 * faults: every item arrives exactly once, in order, whatever fails on the way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { paginateListNotebookSessions } from 'cloud-sessions/athena';
import { paginateListStreamingSessions } from 'cloud-sessions/nimble-studio';
import { paginateListSessions } from 'cloud-sessions/oci-ai-data-platform';
import { startEmulator, type Emulator, type FaultKind } from '../../src/emulator/index.js';
import { createPrng } from '../../src/emulator/prng.js';
import { startFaultServer, type FaultAction } from '../helpers/fault-server.js';
import {
  FAST_RETRY,
  athenaClient,
  nimbleClient,
  ociClient,
  retryLog,
  startPagedOciServer,
} from './clients.js';

// 30% of requests fail: throttles (half with Retry-After), 500s, resets, truncated bodies.
const THIRTY_PERCENT = {
  rate429: 0.1,
  rate5xx: 0.1,
  rateReset: 0.05,
  rateTruncated: 0.05,
  retryAfterRate: 0.5,
  retryAfterSeconds: 1,
};
// Retry-After (1 s) is clamped to this; back-off alone never exceeds FAST_RETRY.maxDelayMs (5).
const MAX_RETRY_AFTER_MS = 8;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function emulatorWith(options: Parameters<typeof startEmulator>[0]): Promise<Emulator> {
  const emulator = await startEmulator(options);
  cleanups.push(() => emulator.close());
  return emulator;
}

function faultCounts(emulator: Emulator): Record<FaultKind, number> {
  const counts: Record<FaultKind, number> = {
    none: 0,
    throttle: 0,
    internal: 0,
    reset: 0,
    truncate: 0,
  };
  for (const request of emulator.requests) counts[request.fault] += 1;
  return counts;
}

describe('a long listing through 30% injected faults', () => {
  it('Nimble: paginateListStreamingSessions yields all 10,000 sessions once each, in order', async () => {
    const emulator = await emulatorWith({
      sizes: { nimbleStudios: 1, nimbleSessionsPerStudio: 10_000 },
      nimblePageSize: 100,
      faults: { ...THIRTY_PERCENT, seed: 11 },
    });
    const log = retryLog();
    const client = nimbleClient(emulator, {
      retry: { ...FAST_RETRY, maxRetryAfterMs: MAX_RETRY_AFTER_MS },
      logger: log.logger,
    });
    const studio = emulator.data.nimble.studios[0]!;

    const ids: string[] = [];
    const paginator = paginateListStreamingSessions(client, { studioId: studio.studioId });
    for await (const session of paginator.items()) ids.push(session.sessionId!);

    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
    expect(ids).toEqual(studio.sessions.map((s) => s.sessionId));
    expect(paginator.resumeToken).toBeUndefined();

    const counts = faultCounts(emulator);
    // 100 pages served once each; every fault kind happened and each cost exactly one retry.
    expect(emulator.requests.filter((r) => r.status === 200 && r.fault === 'none')).toHaveLength(
      100,
    );
    for (const kind of ['throttle', 'internal', 'reset', 'truncate'] as const) {
      expect(counts[kind]).toBeGreaterThan(0);
    }
    const faults = emulator.requests.length - 100;
    expect(faults / emulator.requests.length).toBeGreaterThan(0.2);
    expect(log.entries).toHaveLength(faults);
    expect(emulator.requests.every((r) => r.authFailure === undefined)).toBe(true);

    // Throttles with Retry-After waited the (clamped) server hint; the others only back-off.
    const throttled = log.entries.filter((e) => e.reason === 'throttling');
    expect(throttled).toHaveLength(counts.throttle);
    expect(throttled.some((e) => e.delayMs === MAX_RETRY_AFTER_MS)).toBe(true);
    expect(throttled.some((e) => e.delayMs <= FAST_RETRY.maxDelayMs)).toBe(true);
    expect(log.entries.filter((e) => e.reason === 'network')).toHaveLength(
      counts.reset + counts.truncate,
    );
    expect(log.entries.filter((e) => e.reason === 'transient')).toHaveLength(counts.internal);
  });

  it('Athena: paginateListNotebookSessions yields all 3,000 sessions once each, in order', async () => {
    const emulator = await emulatorWith({
      sizes: { athenaNotebooks: 1, athenaSessionsPerNotebook: 3_000 },
      faults: { ...THIRTY_PERCENT, seed: 12 },
    });
    const log = retryLog();
    const client = athenaClient(emulator, {
      retry: { ...FAST_RETRY, maxRetryAfterMs: MAX_RETRY_AFTER_MS },
      logger: log.logger,
    });
    const notebook = emulator.data.athena.notebooks[0]!;

    const ids: string[] = [];
    const paginator = paginateListNotebookSessions(
      client,
      { NotebookId: notebook.notebookId },
      { pageSize: 10 },
    );
    for await (const session of paginator.items()) ids.push(session.SessionId!);

    expect(ids).toHaveLength(3_000);
    expect(new Set(ids).size).toBe(3_000);
    expect(ids).toEqual(notebook.sessions.map((s) => s.SessionId));
    const counts = faultCounts(emulator);
    expect(counts.none).toBe(300);
    for (const kind of ['throttle', 'internal', 'reset', 'truncate'] as const) {
      expect(counts[kind]).toBeGreaterThan(0);
    }
    expect(log.entries).toHaveLength(emulator.requests.length - 300);
    // Athena throttles with HTTP 400 ThrottlingException: still retried as throttling.
    expect(log.entries.filter((e) => e.reason === 'throttling')).toHaveLength(counts.throttle);
  });

  it('OCI: paginateListSessions follows opc-next-page through faults and yields 2,000 items once each', async () => {
    const upstream = await startPagedOciServer({ items: 2_000, pageSize: 20 });
    cleanups.push(() => upstream.close());
    const random = createPrng(13).next;
    const plan = (): FaultAction => {
      const r = random();
      if (r < 0.1)
        return {
          kind: 'respond',
          status: 429,
          headers: {
            'content-type': 'application/json',
            ...(r < 0.05 ? { 'retry-after': '1' } : {}),
          },
          body: JSON.stringify({
            code: 'TooManyRequests',
            message: 'Too many requests for the user.',
          }),
        };
      if (r < 0.2)
        return {
          kind: 'respond',
          status: [500, 502, 503, 504][Math.floor(r * 40) % 4]!,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: 'InternalServerError', message: 'Internal Server Error' }),
        };
      if (r < 0.25) return { kind: 'reset' };
      if (r < 0.3) return { kind: 'truncate' };
      return { kind: 'pass' };
    };
    const proxy = await startFaultServer({ upstream: upstream.url, plan });
    cleanups.push(() => proxy.close());
    const emulator = await emulatorWith({});
    const log = retryLog();
    const client = ociClient(emulator, {
      endpoint: proxy.url,
      retry: { ...FAST_RETRY, maxRetryAfterMs: MAX_RETRY_AFTER_MS },
      logger: log.logger,
    });

    const ids: string[] = [];
    for await (const session of paginateListSessions(client, {
      aiDataPlatformId: 'ocid1.aidataplatform.oc1.iad.test',
      workspaceKey: 'ws-1',
    }).items()) {
      ids.push(session.id!);
    }

    expect(ids).toEqual(upstream.ids);
    // Each page was asked for by the previous page's token, retries repeating the same token.
    const asked = upstream.requests.map((r) => r.page).filter((p, i, all) => p !== all[i - 1]);
    expect(asked).toEqual([null, ...Array.from({ length: 99 }, (_, i) => `tok-${(i + 1) * 20}`)]);
    expect(upstream.requests.every((r) => r.signed && r.page !== '')).toBe(true);
    const faulted = proxy.requests.filter((r) => r.action !== 'pass').length;
    expect(faulted).toBeGreaterThan(0);
    expect(log.entries).toHaveLength(faulted);
    // Pages served whole: 100 passes, plus truncated ones (served upstream, cut by the proxy).
    expect(proxy.requests.filter((r) => r.action === 'pass')).toHaveLength(100);
  });
});
