/**
 * Each injected fault on its own, against each protocol, end to end: a fault-injecting proxy
 * in front of the emulator (which verifies every signature) scripts what the first requests
 * get; the retry log and the proxy's request log show what the client did about it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, ServiceError, TimeoutError } from 'cloud-sessions/runtime';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { startFaultServer, type FaultAction, type FaultServer } from '../helpers/fault-server.js';
import { FAST_RETRY, PROTOCOLS, retryLog, type ProtocolCase } from './clients.js';

let emulator: Emulator;
let proxy: FaultServer | undefined;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

/** Starts a proxy that answers the first requests with `faults`, then passes everything. */
async function scripted(...faults: FaultAction[]): Promise<FaultServer> {
  proxy = await startFaultServer({
    upstream: emulator.url,
    plan: (index) => faults[index] ?? { kind: 'pass' },
  });
  return proxy;
}

/** Runs one list call of `protocol` through the proxy; returns the result or the error. */
async function listThrough(
  protocol: ProtocolCase,
  server: FaultServer,
  retry: object = FAST_RETRY,
): Promise<{ result?: unknown; error?: unknown; log: ReturnType<typeof retryLog>['entries'] }> {
  const log = retryLog();
  try {
    const result = await protocol.list(emulator, {
      endpoint: server.url,
      retry,
      logger: log.logger,
    });
    return { result, log: log.entries };
  } catch (error) {
    return { error, log: log.entries };
  }
}

const html = (status: number): FaultAction => ({
  kind: 'respond',
  status,
  headers: { 'content-type': 'text/html' },
  body: `<html><body><h1>${status}</h1></body></html>`,
});

describe.each(PROTOCOLS)('$name: one fault at a time', (protocol) => {
  it('honours Retry-After on a throttling response', async () => {
    const server = await scripted(protocol.throttle('1'));
    const { result, log } = await listThrough(protocol, server, {
      ...FAST_RETRY,
      maxRetryAfterMs: 5_000,
    });
    expect(result).toBeDefined();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ attempt: 1, reason: 'throttling' });
    expect(log[0]!.delayMs).toBeGreaterThanOrEqual(1_000);
    expect(server.requests.map((r) => r.status)).toEqual([
      protocol.name === 'athena' ? 400 : 429,
      200,
    ]);
  });

  it('clamps a long Retry-After (seconds or HTTP date) to maxRetryAfterMs', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    const server = await scripted(protocol.throttle('3600'), protocol.throttle(inAnHour));
    const { result, log } = await listThrough(protocol, server, {
      ...FAST_RETRY,
      maxRetryAfterMs: 30,
    });
    expect(result).toBeDefined();
    expect(log.map((e) => [e.reason, e.delayMs])).toEqual([
      ['throttling', 30],
      ['throttling', 30],
    ]);
  });

  it('retries a throttling response without Retry-After on back-off alone', async () => {
    const server = await scripted(protocol.throttle());
    const { result, log } = await listThrough(protocol, server);
    expect(result).toBeDefined();
    expect(log).toHaveLength(1);
    expect(log[0]!.reason).toBe('throttling');
    expect(log[0]!.delayMs).toBeLessThanOrEqual(FAST_RETRY.maxDelayMs);
    expect(log[0]!.error).toContain(protocol.throttleErrorName);
  });

  it('retries 500 (service error body), 502, 503 and 504 (gateway HTML bodies)', async () => {
    const server = await scripted(protocol.internal(), html(502), html(503), html(504));
    const { result, log } = await listThrough(protocol, server);
    expect(result).toBeDefined();
    expect(log.map((e) => e.reason)).toEqual(['transient', 'transient', 'transient', 'transient']);
    expect(log[0]!.error).toContain(protocol.internalErrorName);
    expect(server.requests.map((r) => r.status)).toEqual([500, 502, 503, 504, 200]);
  });

  it('retries a connection reset as a network error', async () => {
    const server = await scripted({ kind: 'reset' });
    const { result, log } = await listThrough(protocol, server);
    expect(result).toBeDefined();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ attempt: 1, reason: 'network' });
    expect(log[0]!.error).toMatch(/^ConnectionError: /);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a response whose JSON body is cut short', async () => {
    const server = await scripted({ kind: 'truncate' });
    const { result, log } = await listThrough(protocol, server);
    expect(result).toBeDefined();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ attempt: 1, reason: 'network' });
    expect(log[0]!.error).toMatch(/^ConnectionError: /);
    expect(server.requests.map((r) => r.action)).toEqual(['truncate', 'pass']);
  });

  it('retries a 200 whose complete body is not valid JSON', async () => {
    const server = await scripted({
      kind: 'respond',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"items": [',
    });
    const { result, log } = await listThrough(protocol, server);
    expect(result).toBeDefined();
    expect(log.map((e) => e.reason)).toEqual(['network']);
    expect(log[0]!.error).toContain('not valid JSON');
  });

  it('times out a slow attempt (attemptTimeoutMs) with TimeoutError and retries it', async () => {
    const server = await scripted({ kind: 'delay', ms: 5_000 });
    const { result, log } = await listThrough(protocol, server, {
      ...FAST_RETRY,
      attemptTimeoutMs: 400,
    });
    expect(result).toBeDefined();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ attempt: 1, reason: 'timeout' });
    expect(log[0]!.error).toMatch(/^TimeoutError: Attempt 1 timed out after 400 ms/);
    expect(server.requests).toHaveLength(2);
  });

  it('times out an attempt whose body stalls halfway and retries it', async () => {
    const server = await scripted({ kind: 'stall' });
    const { result, log } = await listThrough(protocol, server, {
      ...FAST_RETRY,
      attemptTimeoutMs: 400,
    });
    expect(result).toBeDefined();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ attempt: 1, reason: 'timeout' });
    expect(server.requests.map((r) => [r.action, r.status])).toEqual([
      ['stall', 200],
      ['pass', 200],
    ]);
  });

  it('does not retry a 400 validation error: one request, typed error, retryable false', async () => {
    const bad = protocol.badRequest();
    const server = await scripted(bad);
    const { error, log } = await listThrough(protocol, server);
    expect(error).toBeInstanceOf(ServiceError);
    const serviceError = error as ServiceError;
    expect(serviceError.code).toBe(bad.code);
    expect(serviceError.status).toBe(400);
    expect(serviceError.retryable).toBe(false);
    expect(serviceError.attempts).toBe(1);
    expect(log).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after maxAttempts with the last error when every attempt fails', async () => {
    const server = await scripted(html(503), { kind: 'reset' }, html(503));
    const { error } = await listThrough(protocol, server, { ...FAST_RETRY, maxAttempts: 2 });
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });
});

describe('retry headers on the wire', () => {
  it('AWS: every attempt carries the same amz-sdk-invocation-id and amz-sdk-request attempt=N; max=M', async () => {
    const athena = PROTOCOLS.find((p) => p.name === 'athena')!;
    const server = await scripted(athena.internal(), { kind: 'reset' });
    const { result } = await listThrough(athena, server, { ...FAST_RETRY, maxAttempts: 4 });
    expect(result).toBeDefined();
    expect(server.requests.map((r) => r.headers['amz-sdk-request'])).toEqual([
      'attempt=1; max=4',
      'attempt=2; max=4',
      'attempt=3; max=4',
    ]);
    const ids = new Set(server.requests.map((r) => r.headers['amz-sdk-invocation-id']));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('OCI: opc-client-retries: true on every attempt, and the retried request verifies upstream', async () => {
    const oci = PROTOCOLS.find((p) => p.name === 'oci')!;
    const server = await scripted(oci.internal());
    const { result } = await listThrough(oci, server);
    expect(result).toBeDefined();
    expect(server.requests.map((r) => r.headers['opc-client-retries'])).toEqual(['true', 'true']);
  });

  it('OCI: no opc-client-retries header when retries are off', async () => {
    const oci = PROTOCOLS.find((p) => p.name === 'oci')!;
    const server = await scripted();
    await listThrough(oci, server, { maxAttempts: 1 });
    expect(server.requests[0]!.headers['opc-client-retries']).toBeUndefined();
  });
});

describe('OCI retries only what oci-common retries', () => {
  const oci = PROTOCOLS.find((p) => p.name === 'oci')!;
  const ociError = (status: number, code: string): FaultAction => ({
    kind: 'respond',
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, message: code }),
  });

  it('retries 409 IncorrectState', async () => {
    const server = await scripted(ociError(409, 'IncorrectState'));
    const { result, log } = await listThrough(oci, server);
    expect(result).toBeDefined();
    expect(log.map((e) => e.reason)).toEqual(['transient']);
  });

  it.each([
    [409, 'Conflict'],
    [429, 'QuotaExceeded'],
    [404, 'NotAuthorizedOrNotFound'],
  ])('does not retry %i %s', async (status, code) => {
    const server = await scripted(ociError(status, code));
    const { error } = await listThrough(oci, server);
    expect(error).toMatchObject({ status, code, retryable: false, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });
});

describe('timeouts end to end', () => {
  it('a slow attempt that keeps timing out ends in TimeoutError(attempt) after maxAttempts', async () => {
    const nimble = PROTOCOLS.find((p) => p.name === 'nimble')!;
    const slow: FaultAction = { kind: 'delay', ms: 5_000 };
    const server = await scripted(slow, slow, slow);
    const { error } = await listThrough(nimble, server, {
      ...FAST_RETRY,
      maxAttempts: 3,
      attemptTimeoutMs: 150,
    });
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).scope).toBe('attempt');
    expect((error as TimeoutError).attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });
});
