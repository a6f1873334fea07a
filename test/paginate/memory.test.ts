import { setImmediate as nextMacrotask } from 'node:timers/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import { expect, test } from 'vitest';
import { createPaginator } from '../../src/paginate/index.js';

// A fresh context created after this flag exposes V8's gc(); no CLI flag needed.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const PAGES = 1_000;
const ITEMS_PER_PAGE = 100;
const CHECK_EVERY = 50;
// The page in hand, plus a page or two that V8 itself may pin (a bare async generator over
// the same fake service shows one such page too); a leak would show hundreds.
const MOST_PAGES_ALIVE = 5;

interface Page {
  sessions: { id: number; payload: string }[];
  nextToken?: string;
}

/**
 * A service whose pages are fresh objects, each watched through a WeakRef. `livePages()`
 * runs after a macrotask boundary (WeakRef targets are kept alive until the current job
 * ends) and a full GC, and counts the pages still reachable from anywhere.
 */
function watchedService() {
  const watched: WeakRef<Page>[] = [];
  const paginator = createPaginator(
    async (request: { nextToken?: string }): Promise<Page> => {
      const index = Number(request.nextToken ?? 0);
      const page: Page = {
        sessions: Array.from({ length: ITEMS_PER_PAGE }, (_, i) => ({
          id: index * ITEMS_PER_PAGE + i,
          payload: `item ${index}/${i}`,
        })),
      };
      if (index + 1 < PAGES) page.nextToken = String(index + 1);
      watched.push(new WeakRef(page));
      return page;
    },
    {} as { nextToken?: string },
    {
      operation: 'ListStreamingSessions',
      inputToken: 'nextToken',
      outputToken: 'nextToken',
      resultKey: 'sessions',
    },
  );
  const livePages = async (): Promise<number> => {
    await nextMacrotask();
    gc();
    return watched.filter((ref) => ref.deref() !== undefined).length;
  };
  return { paginator, watched, livePages };
}

test('item iteration over 100,000 items keeps a constant handful of pages alive', async () => {
  const { paginator, watched, livePages } = watchedService();
  let items = 0;
  let mostAlive = 0;
  for await (const session of paginator.items()) {
    expect(session.id).toBe(items);
    items++;
    if (items % (ITEMS_PER_PAGE * CHECK_EVERY) === ITEMS_PER_PAGE / 2) {
      mostAlive = Math.max(mostAlive, await livePages());
    }
  }
  expect(items).toBe(PAGES * ITEMS_PER_PAGE);
  expect(watched).toHaveLength(PAGES);
  expect(mostAlive).toBeGreaterThanOrEqual(1);
  expect(mostAlive).toBeLessThanOrEqual(MOST_PAGES_ALIVE);
});

test('page iteration over 1,000 pages keeps a constant handful of pages alive', async () => {
  const { paginator, watched, livePages } = watchedService();
  let pages = 0;
  let mostAlive = 0;
  for await (const page of paginator) {
    expect(page.sessions).toHaveLength(ITEMS_PER_PAGE);
    pages++;
    if (pages % CHECK_EVERY === 0) mostAlive = Math.max(mostAlive, await livePages());
  }
  expect(pages).toBe(PAGES);
  expect(watched).toHaveLength(PAGES);
  expect(mostAlive).toBeGreaterThanOrEqual(1);
  expect(mostAlive).toBeLessThanOrEqual(MOST_PAGES_ALIVE);
});

test('the probe does see pages a consumer keeps (control for the two tests above)', async () => {
  const { paginator, livePages } = watchedService();
  const kept: Page[] = [];
  for await (const page of paginator) {
    kept.push(page);
    if (kept.length === 200) break;
  }
  expect(await livePages()).toBe(200);
  expect(kept).toHaveLength(200);
});
