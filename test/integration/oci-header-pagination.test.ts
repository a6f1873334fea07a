/**
 * OCI pagination by response header: `opc-next-page` out, `page` query parameter in
 * (oci-contracts §2.2). The sessions list documents no pagination, so the runtime's support
 * is exercised against a loopback server that pages this way, and through the emulator (which
 * verifies the signature over the `page` query) with the header added by a proxy.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  paginateListSessions,
  type AiDataPlatformClient,
} from 'cloud-sessions/oci-ai-data-platform';
import { PaginationError } from 'cloud-sessions/runtime';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { startFaultServer } from '../helpers/fault-server.js';
import { FAST_RETRY, ociClient, startPagedOciServer } from './clients.js';

const INPUT = { aiDataPlatformId: 'ocid1.aidataplatform.oc1.iad.paged', workspaceKey: 'ws-paged' };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

// Only for its test key (and, in the last tests, its signature verification).
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

function clientFor(url: string): AiDataPlatformClient {
  return ociClient(emulator, { endpoint: url, retry: FAST_RETRY });
}

async function pagedServer(items: number, pageSize: number, lastPageHeader?: string) {
  const server = await startPagedOciServer({ items, pageSize, lastPageHeader });
  cleanups.push(() => server.close());
  return server;
}

async function collect(iterable: AsyncIterable<{ id?: string }>): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of iterable) ids.push(item.id!);
  return ids;
}

describe('OCI opc-next-page pagination', () => {
  it('follows opc-next-page through three pages via the page query parameter and stops when the header is absent', async () => {
    const server = await pagedServer(8, 3);
    const client = clientFor(server.url);
    const pages: Array<{ count: number; next: string | undefined }> = [];
    for await (const page of paginateListSessions(client, INPUT)) {
      pages.push({ count: page.items!.length, next: page.opcNextPage });
    }
    expect(pages).toEqual([
      { count: 3, next: 'tok-3' },
      { count: 3, next: 'tok-6' },
      { count: 2, next: undefined },
    ]);
    expect(server.requests.map((r) => r.page)).toEqual([null, 'tok-3', 'tok-6']);
    expect(server.requests.every((r) => r.signed)).toBe(true);
  });

  it('never sends an empty page=: not on the first request, not after an empty opc-next-page', async () => {
    const server = await pagedServer(5, 2, '');
    const client = clientFor(server.url);
    const ids = await collect(paginateListSessions(client, INPUT).items());
    expect(ids).toEqual(server.ids);
    expect(server.requests.map((r) => r.page)).toEqual([null, 'tok-2', 'tok-4']);
    expect(server.requests.some((r) => /[?&]page=(&|$)/.test(r.target))).toBe(false);
  });

  it('an empty page in the input is never sent: the paginator drops it, a direct call rejects it', async () => {
    const server = await pagedServer(5, 2);
    const client = clientFor(server.url);
    await expect(
      collect(paginateListSessions(client, { ...INPUT, page: '' }).items()),
    ).resolves.toEqual(server.ids);
    // The paginator treats an empty token as none (botocore); the direct call rejects it.
    await expect(client.listSessions({ ...INPUT, page: '' })).rejects.toMatchObject({
      name: 'ValidationError',
    });
    expect(server.requests.every((r) => r.page !== '')).toBe(true);
  });

  it('maxItems inside a page, then startingToken: resumeToken continues with no gap and no duplicate', async () => {
    const server = await pagedServer(8, 3);
    const client = clientFor(server.url);
    const first = paginateListSessions(client, INPUT, { maxItems: 4 });
    const head = await collect(first.items());
    expect(head).toEqual(server.ids.slice(0, 4));
    expect(first.resumeToken).toBeDefined();
    expect(JSON.parse(Buffer.from(first.resumeToken!, 'base64').toString('utf8'))).toEqual({
      page: 'tok-3',
      boto_truncate_amount: 1,
    });

    const rest = paginateListSessions(client, INPUT, { startingToken: first.resumeToken });
    const tail = await collect(rest.items());
    expect([...head, ...tail]).toEqual(server.ids);
    expect(rest.resumeToken).toBeUndefined();
    // Resuming re-requests page 2 (tok-3) and skips the item already seen.
    expect(server.requests.map((r) => r.page)).toEqual([null, 'tok-3', 'tok-3', 'tok-6']);
  });

  it('maxItems on a page boundary resumes at the next page token', async () => {
    const server = await pagedServer(8, 3);
    const client = clientFor(server.url);
    const full = await paginateListSessions(client, INPUT, { maxItems: 6 }).buildFullResult();
    expect(full.items.map((i) => i.id)).toEqual(server.ids.slice(0, 6));
    expect(JSON.parse(Buffer.from(full.NextToken!, 'base64').toString('utf8'))).toEqual({
      page: 'tok-6',
    });
    const tail = await collect(
      paginateListSessions(client, INPUT, { startingToken: full.NextToken }).items(),
    );
    expect(tail).toEqual(server.ids.slice(6));
    expect(server.requests.map((r) => r.page)).toEqual([null, 'tok-3', 'tok-6']);
  });

  it('accepts the raw opc-next-page value as a legacy startingToken', async () => {
    const server = await pagedServer(8, 3);
    const client = clientFor(server.url);
    const ids = await collect(
      paginateListSessions(client, INPUT, { startingToken: 'tok-3' }).items(),
    );
    expect(ids).toEqual(server.ids.slice(3));
    expect(server.requests.map((r) => r.page)).toEqual(['tok-3', 'tok-6']);
  });

  it('a server that repeats its token ends in PaginationError, not a loop', async () => {
    const platform = emulator.data.oci.platforms[0]!;
    const proxy = await startFaultServer({
      upstream: emulator.url,
      plan: () => ({ kind: 'pass', headers: { 'opc-next-page': 'same' } }),
    });
    cleanups.push(() => proxy.close());
    const client = clientFor(proxy.url);
    const error = await collect(
      paginateListSessions(client, {
        aiDataPlatformId: platform.aiDataPlatformId,
        workspaceKey: platform.workspaces[0]!.workspaceKey,
      }).items(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(proxy.requests.length).toBeLessThanOrEqual(3);
  });

  it('through the emulator: each page request, page token included, carries a valid OCI signature', async () => {
    const platform = emulator.data.oci.platforms[0]!;
    const workspace = platform.workspaces[0]!;
    // Tokens with characters that need percent-encoding: signed and sent identically.
    const tokens = ['a b+c/=?&d', 'ü€-2'];
    const proxy = await startFaultServer({
      upstream: emulator.url,
      plan: (index) =>
        index < tokens.length
          ? { kind: 'pass', headers: { 'opc-next-page': encodeURIComponent(tokens[index]!) } }
          : { kind: 'pass' },
    });
    cleanups.push(() => proxy.close());
    const client = clientFor(proxy.url);
    const before = emulator.requests.length;
    const ids = await collect(
      paginateListSessions(client, {
        aiDataPlatformId: platform.aiDataPlatformId,
        workspaceKey: workspace.workspaceKey,
      }).items(),
    );
    const seen = emulator.requests.slice(before);
    expect(seen.map((r) => [r.status, r.authFailure])).toEqual([
      [200, undefined],
      [200, undefined],
      [200, undefined],
    ]);
    const pageParams = seen.map((r) => new URL(r.target, 'http://x').searchParams.get('page'));
    expect(pageParams).toEqual([null, ...tokens.map((t) => encodeURIComponent(t))]);
    expect(ids).toHaveLength(3 * workspace.sessions.length);
  });
});
