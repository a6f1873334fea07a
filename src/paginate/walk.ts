import { AbortError } from '../errors/index.js';
import type { ResolvedPaginationConfig } from './config.js';
import { cursorFromInput, requestFor, type PageContract } from './contract.js';
import { LoopGuard } from './loop-guard.js';
import { pythonJsonDumps } from './python-json.js';
import type { Cursor, ResumePosition } from './resume-token.js';

/** Sends one page request; `signal` is `PaginationConfig.signal`. */
export type FetchPage<Request, Page> = (
  request: Request,
  signal: AbortSignal | undefined,
) => Promise<Page>;

/** One page of a run, with what the paginator needs to say where the run stands. */
export interface PageStep<Page, Item> {
  /** The page as handed to the caller: the service's object, or a copy with its result list cut. */
  readonly page: Page;
  /** The result items handed to the caller from this page. */
  readonly items: readonly Item[];
  /** The cursor that requested this page. */
  readonly cursor: Cursor;
  /** Result items dropped from the front of this page (a `startingToken`'s skip count). */
  readonly skipped: number;
  /** Where the run stands once every item of this page is consumed; undefined when done. */
  readonly after: ResumePosition | undefined;
}

/** What {@link walkPages} needs for one run. */
export interface Walk<Request extends object, Page, Item> {
  readonly operation: string;
  readonly contract: PageContract<Page, Item>;
  readonly fetchPage: FetchPage<Request, Page>;
  readonly input: Request;
  readonly limitKey: string | undefined;
  readonly config: ResolvedPaginationConfig;
  /** The page with its result list replaced by `items` (a shallow copy; the original is untouched). */
  readonly withItems: (page: Page, items: readonly Item[]) => Page;
}

/**
 * One botocore `PageIterator.__iter__` run (botocore/paginate.py), step for step:
 *
 * 1. The first request uses the `startingToken`'s cursor (else the input's own token members);
 *    its skip count drops items from the front of the first page only.
 * 2. When `maxItems` falls inside a page, the page is cut and the run ends; the resume point is
 *    the cursor that *requested* that page plus `boto_truncate_amount` = items kept + skip.
 * 3. Otherwise the page is yielded whole and the next cursor taken from it (empty token = none);
 *    the run ends when there is no next cursor (nothing to resume) or exactly `maxItems`
 *    items were yielded (resume at the next cursor, no truncate amount).
 * 4. A repeated token is a `PaginationError` (see {@link LoopGuard}).
 *
 * Only the current page is referenced, so memory stays flat however many pages go by.
 */
export async function* walkPages<Request extends object, Page, Item>(
  walk: Walk<Request, Page, Item>,
): AsyncGenerator<PageStep<Page, Item>, void, undefined> {
  const { contract, config, operation } = walk;
  const base =
    config.pageSize !== undefined && walk.limitKey !== undefined
      ? { ...walk.input, [walk.limitKey]: config.pageSize }
      : walk.input;
  let cursor = config.start?.cursor ?? cursorFromInput(walk.input, contract.inputTokens);
  let skip = config.start?.truncateAmount ?? 0;
  const guard = new LoopGuard(pythonJsonDumps(cursor), operation);
  let total = 0;
  for (;;) {
    throwIfAborted(config.signal, operation);
    const page = await walk.fetchPage(requestFor(base, cursor), config.signal);
    const received = contract.itemsOf(page);
    const items = skip > 0 ? received.slice(skip) : received;
    const { maxItems } = config;
    if (maxItems !== undefined && total + items.length > maxItems) {
      const kept = items.slice(0, maxItems - total);
      const after = { cursor, truncateAmount: kept.length + skip };
      yield { page: walk.withItems(page, kept), items: kept, cursor, skipped: skip, after };
      return;
    }
    const next = contract.nextCursor(page);
    yield {
      page: items === received ? page : walk.withItems(page, items),
      items,
      cursor,
      skipped: skip,
      after: next === null ? undefined : { cursor: next, truncateAmount: undefined },
    };
    total += items.length;
    if (next === null || total === maxItems) return;
    guard.check(pythonJsonDumps(next));
    cursor = next;
    skip = 0;
  }
}

function throwIfAborted(signal: AbortSignal | undefined, operation: string): void {
  if (signal?.aborted) {
    throw new AbortError(`Pagination of ${operation} was aborted`, { cause: signal.reason });
  }
}
