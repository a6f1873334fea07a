/**
 * The generated clients with `fetch: createNodeHttpFetch()` against the emulator, which verifies
 * every signature and injects faults: the option works end to end, including the retry loop's
 * view of its failures (resets and truncated bodies are network errors, retried).
 */
import http from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AthenaClient,
  ResourceNotFoundException as AthenaNotFound,
  paginateListNotebookSessions,
} from 'cloud-sessions/athena';
import {
  ResourceNotFoundException as NimbleNotFound,
  paginateListStreamingSessions,
} from 'cloud-sessions/nimble-studio';
import { NotAuthorizedOrNotFound } from 'cloud-sessions/oci-ai-data-platform';
import { createNodeHttpFetch } from 'cloud-sessions/node';
import {
  AbortError,
  ConfigurationError,
  TimeoutError,
  type ServiceError,
} from 'cloud-sessions/runtime';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';
import {
  FAST_RETRY,
  athenaClient,
  nimbleClient,
  ociClient,
  retryLog,
} from '../integration/clients.js';
import { startCountingProxy } from './servers.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function emulatorWith(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await startEmulator(options);
  cleanups.push(() => emulator.close());
  return emulator;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('the call succeeded'),
    (error: unknown) => error,
  );
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Config = Parameters<typeof athenaClient>[1];

/** Per service: one list call returning its item ids, and a call for a resource that is absent. */
const SERVICES = [
  {
    name: 'Athena',
    list: async (e: Emulator, config: Config, signal?: AbortSignal) => {
      const notebook = e.data.athena.notebooks[0]!.notebookId;
      const page = await athenaClient(e, config).listNotebookSessions(
        { NotebookId: notebook },
        { signal },
      );
      return page.NotebookSessionsList!.map((s) => s.SessionId);
    },
    missing: (e: Emulator, config: Config) =>
      athenaClient(e, config).listNotebookSessions({
        NotebookId: '00000000-0000-0000-0000-000000000000',
      }),
    notFound: { Class: AthenaNotFound, status: 400 },
  },
  {
    name: 'Nimble Studio',
    list: async (e: Emulator, config: Config, signal?: AbortSignal) => {
      const studio = e.data.nimble.studios[0]!.studioId;
      const page = await nimbleClient(e, config).listStreamingSessions(
        { studioId: studio },
        { signal },
      );
      return page.sessions!.map((s) => s.sessionId);
    },
    missing: (e: Emulator, config: Config) =>
      nimbleClient(e, config).listStreamingSessions({ studioId: 'stid-absent' }),
    notFound: { Class: NimbleNotFound, status: 404 },
  },
  {
    name: 'OCI AI Data Platform',
    list: async (e: Emulator, config: Config, signal?: AbortSignal) => {
      const platform = e.data.oci.platforms[0]!;
      const page = await ociClient(e, config).listSessions(
        {
          aiDataPlatformId: platform.aiDataPlatformId,
          workspaceKey: platform.workspaces[0]!.workspaceKey,
        },
        { signal },
      );
      return page.items.map((s) => s.id);
    },
    missing: (e: Emulator, config: Config) =>
      ociClient(e, config).listSessions({
        aiDataPlatformId: 'ocid1.aidataplatform.absent',
        workspaceKey: 'absent',
        opcRequestId: 'req-absent-1',
      }),
    notFound: { Class: NotAuthorizedOrNotFound, status: 404 },
  },
] as const;

describe.each(SERVICES)('$name with fetch: createNodeHttpFetch()', (service) => {
  it('sends signed requests the emulator accepts and returns the listing', async () => {
    const emulator = await emulatorWith();
    const ids = await service.list(emulator, { fetch: createNodeHttpFetch() });
    expect(ids.length).toBeGreaterThan(0);
    expect(emulator.requests).toHaveLength(1);
    expect(emulator.requests[0]).toMatchObject({ signed: true, status: 200 });
    expect(emulator.requests[0]?.authFailure).toBeUndefined();
  });

  it('raises the typed service error with its status and request id', async () => {
    const emulator = await emulatorWith();
    const error = await rejection(
      service.missing(emulator, { fetch: createNodeHttpFetch(), retry: FAST_RETRY }),
    );
    expect(error).toBeInstanceOf(service.notFound.Class);
    const serviceError = error as ServiceError;
    expect(serviceError.status).toBe(service.notFound.status);
    expect(serviceError.attempts).toBe(1);
    expect(serviceError.requestId).toMatch(
      service.name === 'OCI AI Data Platform' ? /^req-absent-1$/ : UUID,
    );
  });

  it('retries resets and truncated bodies as network errors until the call succeeds', async () => {
    const emulator = await emulatorWith({
      faults: { rateReset: 0.3, rateTruncated: 0.3, seed: 5 },
    });
    const log = retryLog();
    const config = { fetch: createNodeHttpFetch(), retry: FAST_RETRY, logger: log.logger };
    const expected = await service.list(await emulatorWith(), {});
    for (let i = 0; i < 8; i++) expect(await service.list(emulator, config)).toEqual(expected);

    const faults = emulator.requests.filter((r) => r.fault !== 'none');
    expect(new Set(faults.map((r) => r.fault))).toEqual(new Set(['reset', 'truncate']));
    expect(log.entries).toHaveLength(faults.length);
    expect(log.entries.every((e) => e.reason === 'network')).toBe(true);
  });

  it('ends at once with AbortError when the caller aborts mid-request', async () => {
    const emulator = await emulatorWith({ faults: { latencyMs: 30_000 } });
    const controller = new AbortController();
    const started = Date.now();
    const call = rejection(
      service.list(
        emulator,
        { fetch: createNodeHttpFetch(), retry: FAST_RETRY },
        controller.signal,
      ),
    );
    while (emulator.requests.length === 0) await settle(5);
    controller.abort();
    const error = await call;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).attempts).toBe(1);
    // Far below the server's 30 s delay (generous margin for a loaded machine).
    expect(Date.now() - started).toBeLessThan(5_000);
    await settle(50);
    expect(emulator.requests).toHaveLength(1);
  });

  it('times out each attempt after attemptTimeoutMs and retries it', async () => {
    const emulator = await emulatorWith({ faults: { latencyMs: 500 } });
    const error = await rejection(
      service.list(emulator, {
        fetch: createNodeHttpFetch(),
        retry: { ...FAST_RETRY, maxAttempts: 2, attemptTimeoutMs: 50 },
      }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).scope).toBe('attempt');
    expect((error as TimeoutError).attempts).toBe(2);
    expect(emulator.requests).toHaveLength(2);
  });
});

describe('createNodeHttpFetch through the paginators', () => {
  it('completes long Athena and Nimble listings through resets and truncated bodies', async () => {
    const emulator = await emulatorWith({
      sizes: { athenaNotebooks: 1, athenaSessionsPerNotebook: 200, nimbleStudios: 1 },
      faults: { rateReset: 0.15, rateTruncated: 0.15, seed: 9 },
    });
    const config = { fetch: createNodeHttpFetch(), retry: FAST_RETRY };
    const notebook = emulator.data.athena.notebooks[0]!;
    const athenaIds: string[] = [];
    const athenaPages = paginateListNotebookSessions(
      athenaClient(emulator, config),
      { NotebookId: notebook.notebookId },
      { pageSize: 10 },
    );
    for await (const session of athenaPages.items()) athenaIds.push(session.SessionId!);
    const studio = emulator.data.nimble.studios[0]!;
    const nimbleIds: string[] = [];
    const nimblePages = paginateListStreamingSessions(nimbleClient(emulator, config), {
      studioId: studio.studioId,
    });
    for await (const session of nimblePages.items()) nimbleIds.push(session.sessionId!);

    expect(athenaIds).toEqual(notebook.sessions.map((s) => s.SessionId));
    expect(nimbleIds).toEqual(studio.sessions.map((s) => s.sessionId));
    const kinds = emulator.requests.map((r) => r.fault);
    expect(kinds).toContain('reset');
    expect(kinds).toContain('truncate');
  });

  it('keeps one connection open for a whole listing; keepAlive: false opens one per page', async () => {
    const emulator = await emulatorWith({
      sizes: { athenaNotebooks: 1, athenaSessionsPerNotebook: 100 },
    });
    const notebook = emulator.data.athena.notebooks[0]!.notebookId;
    const walk = async (keepAlive: boolean): Promise<number> => {
      const proxy = await startCountingProxy(emulator.port);
      cleanups.push(() => proxy.close());
      const client = athenaClient(emulator, {
        endpoint: proxy.url,
        fetch: createNodeHttpFetch({ keepAlive }),
      });
      const pages = paginateListNotebookSessions(
        client,
        { NotebookId: notebook },
        { pageSize: 10 },
      );
      let items = 0;
      for await (const page of pages) items += page.NotebookSessionsList!.length;
      expect(items).toBe(100);
      return proxy.connections;
    };
    expect(await walk(true)).toBe(1);
    expect(await walk(false)).toBe(10);
    expect(emulator.requests.every((r) => r.status === 200)).toBe(true);
  });
});

describe('without the fetch option', () => {
  it('the clients send through node:http (http.request looked up per request), not fetch', async () => {
    const emulator = await emulatorWith();
    const client = athenaClient(emulator);
    const viaHttp = vi.spyOn(http, 'request');
    const viaFetch = vi.fn(globalThis.fetch);
    vi.stubGlobal('fetch', viaFetch);
    const notebook = emulator.data.athena.notebooks[0]!.notebookId;
    await client.listNotebookSessions({ NotebookId: notebook });
    await client.listNotebookSessions({ NotebookId: notebook });
    expect(viaHttp).toHaveBeenCalledTimes(2);
    expect(viaFetch).not.toHaveBeenCalled();
    viaHttp.mockRestore();
  });

  it("with fetch: 'global', they send with globalThis.fetch, looked up at call time", async () => {
    const emulator = await emulatorWith();
    const client = athenaClient(emulator, { fetch: 'global' });
    const original = globalThis.fetch;
    const seen: string[] = [];
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
      seen.push(input);
      return original(input, init);
    });
    const notebook = emulator.data.athena.notebooks[0]!.notebookId;
    await client.listNotebookSessions({ NotebookId: notebook });
    expect(seen).toEqual([`${emulator.url}/`]);
  });

  it("a fetch option that is neither a function nor 'global' is a ConfigurationError", () => {
    const bad = { region: 'us-east-1', fetch: 'node' as unknown as 'global' };
    expect(() => new AthenaClient(bad)).toThrow(ConfigurationError);
    expect(() => new AthenaClient(bad)).toThrow(/fetch must be a fetch function or 'global'/);
  });
});
