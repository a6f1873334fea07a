/**
 * A caller's AbortSignal ends a call at once, whether it is waiting out a back-off or has a
 * request in flight, with AbortError, and no further request reaches the server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { paginateListStreamingSessions } from 'cloud-sessions/nimble-studio';
import { AbortError } from 'cloud-sessions/runtime';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { PROTOCOLS, nimbleClient, retryLog } from './clients.js';

// A deterministic 30 s wait before every retry (additive jitter of 0 instead of full jitter).
const LONG_BACKOFF = {
  maxAttempts: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 30_000,
  jitter: 'additive',
  additiveJitterMs: 0,
  quota: false,
} as const;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function emulatorWith(options: EmulatorOptions): Promise<Emulator> {
  const emulator = await startEmulator(options);
  cleanups.push(() => emulator.close());
  return emulator;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('the call succeeded'),
    (error: unknown) => error,
  );
}

describe.each(PROTOCOLS)('$name: abort', (protocol) => {
  it('during back-off returns at once with AbortError and sends nothing more', async () => {
    const emulator = await emulatorWith({ faults: { rate5xx: 1 } });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    // Abort as soon as the client announces its first 30 s back-off.
    const log = retryLog(() => setTimeout(() => controller.abort(reason), 10));
    const started = Date.now();
    const error = await rejection(
      protocol.list(emulator, { retry: LONG_BACKOFF, logger: log.logger }, controller.signal),
    );
    const elapsed = Date.now() - started;

    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(reason);
    expect((error as AbortError).attempts).toBe(1);
    expect((error as AbortError).retryable).toBe(false);
    expect(log.entries.map((e) => e.delayMs)).toEqual([30_000]);
    // Far below the 30 s back-off (generous margin for a loaded machine).
    expect(elapsed).toBeLessThan(5_000);
    await settle(100);
    expect(emulator.requests).toHaveLength(1);
  });

  it('with a request in flight returns at once with AbortError and does not retry', async () => {
    const emulator = await emulatorWith({ faults: { latencyMs: 30_000 } });
    const controller = new AbortController();
    const call = rejection(protocol.list(emulator, { retry: LONG_BACKOFF }, controller.signal));
    while (emulator.requests.length === 0) await settle(5);
    controller.abort();
    const error = await call;

    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).attempts).toBe(1);
    await settle(100);
    expect(emulator.requests).toHaveLength(1);
  });

  it('an already aborted signal sends no request at all', async () => {
    const emulator = await emulatorWith({});
    const error = await rejection(
      protocol.list(emulator, { retry: LONG_BACKOFF }, AbortSignal.abort()),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('abort while paginating', () => {
  let proxy: FaultServer;

  it('aborting during a page retry ends the iteration with AbortError and a resume token for that page', async () => {
    const emulator = await emulatorWith({ nimblePageSize: 25 });
    // Page 1 passes; page 2's first attempt gets a 503 and then a 30 s back-off.
    proxy = await startFaultServer({
      upstream: emulator.url,
      plan: (index) =>
        index === 1
          ? {
              kind: 'respond',
              status: 503,
              headers: { 'content-type': 'text/plain' },
              body: 'busy',
            }
          : { kind: 'pass' },
    });
    cleanups.push(() => proxy.close());
    const controller = new AbortController();
    const log = retryLog(() => setTimeout(() => controller.abort(), 10));
    const client = nimbleClient(emulator, {
      endpoint: proxy.url,
      retry: LONG_BACKOFF,
      logger: log.logger,
    });
    const studio = emulator.data.nimble.studios[0]!;
    const paginator = paginateListStreamingSessions(
      client,
      { studioId: studio.studioId },
      { signal: controller.signal },
    );
    const pages: number[] = [];
    const error = await rejection(
      (async () => {
        for await (const page of paginator) pages.push(page.sessions!.length);
      })(),
    );

    expect(error).toBeInstanceOf(AbortError);
    expect(pages).toEqual([25]);
    await settle(100);
    expect(proxy.requests).toHaveLength(2);

    // Resuming (without faults) continues right after page 1: no gap, no duplicate.
    const resumed: string[] = [];
    const rest = paginateListStreamingSessions(
      nimbleClient(emulator),
      { studioId: studio.studioId },
      { startingToken: paginator.resumeToken },
    );
    for await (const session of rest.items()) resumed.push(session.sessionId!);
    expect(resumed).toEqual(studio.sessions.slice(25).map((s) => s.sessionId));
  });
});
