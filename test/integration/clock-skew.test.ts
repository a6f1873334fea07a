/**
 * Clock skew end to end: the emulator's clock runs 10 minutes ahead, so the client's first
 * signature is rejected with the service's real error. The client learns the server's time
 * from the `Date` header, re-signs, and every later request (in flight or new) uses it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AthenaServiceException } from 'cloud-sessions/athena';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { FAST_RETRY, athenaClient, nimbleClient, ociClient, retryLog } from './clients.js';

const TEN_MINUTES = 10 * 60_000;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function skewedEmulator(): Promise<Emulator> {
  const emulator = await startEmulator({ clockOffsetMs: TEN_MINUTES });
  cleanups.push(() => emulator.close());
  return emulator;
}

async function passThrough(emulator: Emulator, first503 = false): Promise<FaultServer> {
  const proxy = await startFaultServer({
    upstream: emulator.url,
    plan: (index) =>
      first503 && index === 0
        ? { kind: 'respond', status: 503, headers: { 'content-type': 'text/plain' }, body: 'busy' }
        : { kind: 'pass' },
  });
  cleanups.push(() => proxy.close());
  return proxy;
}

/** `x-amz-date` (20240301T000000Z) as epoch ms. */
function amzDateMs(value: string | undefined): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!m) throw new Error(`not an x-amz-date: ${value}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

describe('clock skew, one call after another', () => {
  it('Athena: "Signature expired" InvalidSignatureException, corrected from Date, retried once; the next call signs right first time', async () => {
    const emulator = await skewedEmulator();
    const log = retryLog();
    const client = athenaClient(emulator, { retry: FAST_RETRY, logger: log.logger });
    const NotebookId = emulator.data.athena.notebooks[0]!.notebookId;

    const first = await client.listNotebookSessions({ NotebookId });
    expect(first.NotebookSessionsList).toHaveLength(10);
    expect(emulator.requests.map((r) => [r.status, r.authFailure])).toEqual([
      [400, 'InvalidSignatureException'],
      [200, undefined],
    ]);
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ attempt: 1, reason: 'clock-skew', delayMs: 0 });
    expect(log.entries[0]!.error).toMatch(/^AthenaServiceException: Signature expired/);
    // The retry was re-signed with a date about 10 minutes later.
    const [rejected, accepted] = emulator.requests.map((r) => amzDateMs(r.headers['x-amz-date']));
    expect(accepted! - rejected!).toBeGreaterThan(TEN_MINUTES - 5_000);
    expect(accepted! - rejected!).toBeLessThan(TEN_MINUTES + 5_000);

    await client.listNotebookSessions({ NotebookId });
    expect(emulator.requests).toHaveLength(3);
    expect(emulator.requests[2]!.status).toBe(200);
    expect(emulator.requests[2]!.authFailure).toBeUndefined();
    expect(log.entries).toHaveLength(1);
  });

  it('Athena: with retries off the skew rejection surfaces as a typed InvalidSignatureException', async () => {
    const emulator = await skewedEmulator();
    const client = athenaClient(emulator, { retry: false });
    const error = await client
      .listNotebookSessions({ NotebookId: emulator.data.athena.notebooks[0]!.notebookId })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AthenaServiceException);
    expect(error).toMatchObject({ code: 'InvalidSignatureException', status: 400, attempts: 1 });
    expect((error as Error).message).toMatch(/^Signature expired/);
    // The clock was still corrected: the next call (also without retries) succeeds.
    await client.listNotebookSessions({
      NotebookId: emulator.data.athena.notebooks[0]!.notebookId,
    });
    expect(emulator.requests.map((r) => r.status)).toEqual([400, 200]);
  });

  it('Nimble: 403 InvalidSignatureException corrected and retried once; the next call signs right first time', async () => {
    const emulator = await skewedEmulator();
    const log = retryLog();
    const client = nimbleClient(emulator, { retry: FAST_RETRY, logger: log.logger });
    const studioId = emulator.data.nimble.studios[0]!.studioId;

    await client.listStreamingSessions({ studioId });
    await client.listStreamingSessions({ studioId });
    expect(emulator.requests.map((r) => [r.status, r.authFailure])).toEqual([
      [403, 'InvalidSignatureException'],
      [200, undefined],
      [200, undefined],
    ]);
    expect(log.entries.map((e) => e.reason)).toEqual(['clock-skew']);
  });

  it('OCI: 401 NotAuthenticated with a far Date corrected and retried once; the next call signs right first time', async () => {
    const emulator = await skewedEmulator();
    const log = retryLog();
    const client = ociClient(emulator, { retry: FAST_RETRY, logger: log.logger });
    const platform = emulator.data.oci.platforms[0]!;
    const input = {
      aiDataPlatformId: platform.aiDataPlatformId,
      workspaceKey: platform.workspaces[0]!.workspaceKey,
    };

    const first = await client.listSessions(input);
    expect(first.items).toHaveLength(platform.workspaces[0]!.sessions.length);
    await client.listSessions(input);
    expect(emulator.requests.map((r) => r.status)).toEqual([401, 200, 200]);
    expect(emulator.requests[0]!.authFailure).toBeDefined();
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ reason: 'clock-skew', delayMs: 0 });
    expect(log.entries[0]!.error).toMatch(/^NotAuthenticated: /);
    const [rejected, accepted] = emulator.requests.map((r) =>
      // Browsers may not set Date, so OCI signers send x-date when they can.
      Date.parse((r.headers['x-date'] ?? r.headers.date)!),
    );
    expect(accepted! - rejected!).toBeGreaterThan(TEN_MINUTES - 5_000);
  });
});

describe('clock skew with calls in flight', () => {
  it('Athena: parallel calls signed before the correction each retry once and all succeed', async () => {
    const emulator = await skewedEmulator();
    const proxy = await passThrough(emulator);
    const log = retryLog();
    const client = athenaClient(emulator, {
      endpoint: proxy.url,
      retry: FAST_RETRY,
      logger: log.logger,
    });
    const NotebookId = emulator.data.athena.notebooks[0]!.notebookId;

    const results = await Promise.all(
      Array.from({ length: 6 }, () => client.listNotebookSessions({ NotebookId })),
    );
    expect(results.every((r) => r.NotebookSessionsList?.length === 10)).toBe(true);
    // Per call (one invocation id each): at most one rejected attempt, then success.
    const perCall = new Map<string, number[]>();
    proxy.requests.forEach((r) => {
      const id = String(r.headers['amz-sdk-invocation-id']);
      perCall.set(id, [...(perCall.get(id) ?? []), r.status!]);
    });
    expect(perCall.size).toBe(6);
    for (const statuses of perCall.values()) expect([[200], [400, 200]]).toContainEqual(statuses);
    expect(log.entries.every((e) => e.reason === 'clock-skew')).toBe(true);
  });

  it('OCI: parallel calls signed before the correction each retry once and all succeed', async () => {
    const emulator = await skewedEmulator();
    const proxy = await passThrough(emulator);
    const client = ociClient(emulator, { endpoint: proxy.url, retry: FAST_RETRY });
    const platform = emulator.data.oci.platforms[0]!;

    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        client.listSessions({
          aiDataPlatformId: platform.aiDataPlatformId,
          workspaceKey: platform.workspaces[0]!.workspaceKey,
          opcRequestId: `call-${i}`,
        }),
      ),
    );
    const perCall = new Map<string, number[]>();
    proxy.requests.forEach((r) => {
      const id = String(r.headers['opc-request-id']);
      perCall.set(id, [...(perCall.get(id) ?? []), r.status!]);
    });
    expect(perCall.size).toBe(6);
    for (const statuses of perCall.values()) expect([[200], [401, 200]]).toContainEqual(statuses);
  });

  it('Nimble: a call waiting out a back-off when another call corrects the clock retries with the corrected clock', async () => {
    const emulator = await skewedEmulator();
    // Request 0 (call B) gets a 503 from the proxy without reaching the emulator.
    const proxy = await passThrough(emulator, true);
    let backingOff!: () => void;
    const bInBackoff = new Promise<void>((resolve) => (backingOff = resolve));
    const log = retryLog((entry) => entry.reason === 'transient' && backingOff());
    const client = nimbleClient(emulator, {
      endpoint: proxy.url,
      // B waits exactly 1 s; A's two requests fit in that wait.
      retry: { ...FAST_RETRY, baseDelayMs: 1_000, maxDelayMs: 1_000, jitter: 'additive' },
      logger: log.logger,
    });
    const studioId = emulator.data.nimble.studios[0]!.studioId;

    const b = client.listStreamingSessions({ studioId });
    await bInBackoff;
    await client.listStreamingSessions({ studioId }); // A: rejected, corrects the clock, succeeds
    await b;

    expect(proxy.requests.map((r) => r.status)).toEqual([503, 403, 200, 200]);
    expect(emulator.requests.map((r) => r.authFailure)).toEqual([
      'InvalidSignatureException',
      undefined,
      undefined,
    ]);
    expect(log.entries.map((e) => e.reason)).toEqual(['transient', 'clock-skew']);
  });
});
