import { PaginationError } from '../errors/index.js';
import { resolvePaginationConfig, type PaginationConfig } from './config.js';
import { contractFromSpec, type ListMemberName, type PaginatorSpec } from './contract.js';
import { encodeResumeToken, type ResumePosition } from './resume-token.js';
import { walkPages, type FetchPage, type PageStep, type Walk } from './walk.js';

/** The element type of an optional result list member (`unknown` for an untyped member). */
export type ItemOf<List> = unknown extends List
  ? unknown
  : NonNullable<List> extends readonly (infer Item)[]
    ? Item
    : never;

/**
 * What `buildFullResult()` returns, as botocore's `build_full_result`: the result list under
 * its own member name (typed as every `Page` member that is a list of `Item`, or untyped)
 * and the resume token under `NextToken`, capital N, whatever the operation's own casing
 * (aws-contracts D13). Unlike botocore, the list member is present even when no page had it.
 */
export type FullResult<Page, Item> = {
  -readonly [
    Key in ListMemberName<Page> as unknown extends Page[Key]
      ? Key
      : NonNullable<Page[Key]> extends readonly Item[]
        ? Key
        : never
  ]-?: Item[];
} & { NextToken?: string };

/**
 * A botocore-style paginator over one operation. It runs once: pages (`for await` on the
 * paginator), items (`items()`) or `buildFullResult()`; a second run throws `PaginationError`.
 * To continue later, create a new paginator with `startingToken: resumeToken`.
 */
export interface Paginator<Page, Item> extends AsyncIterable<Page> {
  /** Iterates pages. A page cut by `maxItems` or a starting skip is a shallow copy. */
  [Symbol.asyncIterator](): AsyncIterator<Page>;
  /** Iterates result items across pages, with the same limits as page iteration. */
  items(): AsyncIterable<Item>;
  /**
   * Where to resume, as a botocore token (`base64` of Python-formatted JSON): pass it as
   * `startingToken` to a new paginator, here or in boto3. Read it once iteration has stopped:
   *
   * - all pages consumed: `undefined` (nothing is left);
   * - stopped by `maxItems`: exactly botocore's `resume_token`;
   * - the caller left the loop (`break`, `return`, a throw): the point right after the last
   *   page or item it received. After a page that is that page's next token (no truncate
   *   amount); after an item in the middle of a page it is the token that requested the page
   *   plus `boto_truncate_amount`, so resuming re-requests that page and skips what was seen;
   * - a request failed: the point after the last page or item received, or the starting
   *   position (`startingToken` re-encoded; undefined without one) when nothing was received.
   */
  readonly resumeToken: string | undefined;
  /** Runs to the end (or `maxItems`) and concatenates the result lists, as botocore does. */
  buildFullResult(): Promise<FullResult<Page, Item>>;
}

/**
 * Creates the paginator that generated `paginate<Operation>` functions return. `fetchPage`
 * sends one request (the input with token and page-size members set) honouring `signal`;
 * `spec` is the operation's botocore paginator entry. The whole `config` is validated here,
 * before any request: see `resolvePaginationConfig`.
 */
export function createPaginator<
  Request extends object,
  Page extends object,
  ResultKey extends ListMemberName<Page>,
>(
  fetchPage: FetchPage<Request, Page>,
  input: Request,
  spec: PaginatorSpec<Request, Page, ResultKey>,
  config?: PaginationConfig,
): Paginator<Page, ItemOf<Page[ResultKey]>> {
  const contract = contractFromSpec<Page, ItemOf<Page[ResultKey]>>(spec as PaginatorSpec);
  const resolved = resolvePaginationConfig(spec as PaginatorSpec, contract.inputTokens, config);
  return new BotocorePaginator(spec.resultKey, resolved.start, {
    operation: spec.operation,
    contract,
    fetchPage,
    input,
    limitKey: spec.limitKey,
    config: resolved,
    withItems: (page, items) => ({ ...page, [spec.resultKey]: items }),
  });
}

class BotocorePaginator<Request extends object, Page, Item> implements Paginator<Page, Item> {
  readonly #resultKey: string;
  readonly #operation: string;
  readonly #inputTokens: readonly string[];
  #walk: Walk<Request, Page, Item> | undefined;
  #position: ResumePosition | undefined;

  constructor(
    resultKey: string,
    start: ResumePosition | undefined,
    walk: Walk<Request, Page, Item>,
  ) {
    this.#resultKey = resultKey;
    this.#operation = walk.operation;
    this.#inputTokens = walk.contract.inputTokens;
    this.#walk = walk;
    this.#position = start;
  }

  get resumeToken(): string | undefined {
    return this.#position && encodeResumeToken(this.#position, this.#inputTokens);
  }

  [Symbol.asyncIterator](): AsyncIterator<Page> {
    return this.#pages(this.#claim());
  }

  items(): AsyncIterable<Item> {
    return this.#items(this.#claim());
  }

  async buildFullResult(): Promise<FullResult<Page, Item>> {
    const all: Item[] = [];
    for await (const item of this.items()) all.push(item);
    const result: Record<string, unknown> = { [this.#resultKey]: all };
    const token = this.resumeToken;
    if (token !== undefined) result.NextToken = token;
    return result as FullResult<Page, Item>;
  }

  // The position is updated before each yield, so whenever the caller stops, resumeToken
  // already names the point after what it received.
  async *#pages(steps: AsyncGenerator<PageStep<Page, Item>>): AsyncGenerator<Page> {
    for await (const step of steps) {
      this.#position = step.after;
      yield step.page;
    }
  }

  async *#items(steps: AsyncGenerator<PageStep<Page, Item>>): AsyncGenerator<Item> {
    for await (const { items, cursor, skipped, after } of steps) {
      const last = items.length - 1;
      if (last < 0) this.#position = after;
      for (let index = 0; index <= last; index++) {
        this.#position = index === last ? after : { cursor, truncateAmount: skipped + index + 1 };
        yield items[index] as Item;
      }
    }
  }

  #claim(): AsyncGenerator<PageStep<Page, Item>> {
    const walk = this.#walk;
    if (walk === undefined) {
      throw new PaginationError(
        `This ${this.#operation} paginator was already iterated; create a new one with startingToken: resumeToken to continue`,
      );
    }
    this.#walk = undefined;
    return walkPages(walk);
  }
}
