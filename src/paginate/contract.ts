import { PaginationError } from '../errors/index.js';
import type { JsonValue } from './python-json.js';
import type { Cursor } from './resume-token.js';

type MemberName<T> = Extract<keyof T, string>;

/** Names of the `Page` members that can hold a result list: typed as lists, or untyped. */
export type ListMemberName<Page> = Extract<
  {
    [Key in keyof Page]-?: unknown extends Page[Key]
      ? Key
      : NonNullable<Page[Key]> extends readonly unknown[]
        ? Key
        : never;
  }[keyof Page],
  string
>;

/**
 * How one operation paginates, in the terms of botocore's `paginators-1.json` (which the
 * generator copies): the request member that carries the token, the response member it
 * comes from, the member holding the result list, and the optional page-size member.
 * A token that arrives in a response header is just an output member (the generated client
 * maps `opc-next-page` to `opcNextPage`), so OCI is `outputToken: 'opcNextPage'`,
 * `inputToken: 'page'`.
 */
export interface PaginatorSpec<
  Request extends object = Record<string, unknown>,
  Page extends object = Record<string, unknown>,
  ResultKey extends ListMemberName<Page> = ListMemberName<Page>,
> {
  /** Operation name for error messages, e.g. `ListStreamingSessions`. */
  readonly operation: string;
  /** Request member(s) that carry the token; several only when the service uses several. */
  readonly inputToken: MemberName<Request> | readonly MemberName<Request>[];
  /** Response member(s) holding the next token, paired in order with `inputToken`. */
  readonly outputToken: MemberName<Page> | readonly MemberName<Page>[];
  /** Response member holding the page's result list. */
  readonly resultKey: ResultKey;
  /** Request member that sets the page size (botocore `limit_key`); absent when there is none. */
  readonly limitKey?: MemberName<Request>;
  /** Inclusive bounds the model puts on `limitKey`, checked against `config.pageSize`. */
  readonly limitRange?: readonly [min: number, max: number];
}

/**
 * An operation reduced to the two questions every page answers (openai-node's
 * `getPaginatedItems` / `nextPageRequestOptions`); iteration, limits and resume tokens are
 * built once on top of them.
 */
export interface PageContract<Page, Item> {
  /** The input-token member names, in spec order (the resume token's key order). */
  readonly inputTokens: readonly string[];
  /** The result items of `page`: an absent result member is an empty page. */
  itemsOf(page: Page): readonly Item[];
  /** The token members of the request for the page after `page`, or null after the last. */
  nextCursor(page: Page): Cursor | null;
}

/** Derives the {@link PageContract} of an operation from its {@link PaginatorSpec}. */
export function contractFromSpec<Page, Item>(spec: PaginatorSpec): PageContract<Page, Item> {
  const inputTokens = toList(spec.inputToken);
  const outputTokens = toList(spec.outputToken);
  if (inputTokens.length === 0 || inputTokens.length !== outputTokens.length) {
    throw new PaginationError(
      `Paginator spec for ${spec.operation} pairs ${inputTokens.length} input token(s) with ${outputTokens.length} output token(s)`,
    );
  }
  return {
    inputTokens,
    itemsOf(page) {
      const value = memberOf(page, spec.resultKey, spec.operation);
      if (value === undefined || value === null) return [];
      if (!Array.isArray(value)) {
        throw new PaginationError(
          `${spec.operation} response member ${spec.resultKey} is not an array (got ${typeName(value)})`,
        );
      }
      return value as Item[];
    },
    nextCursor(page) {
      const cursor: Record<string, JsonValue> = {};
      let any = false;
      inputTokens.forEach((name, index) => {
        const value = memberOf(page, outputTokens[index] as string, spec.operation);
        // botocore `_get_next_token`: "We do not want to include any empty strings as
        // actual tokens. Treat them as None." (any falsy value, in Python's sense).
        const token = isPythonFalsy(value) ? null : (value as JsonValue);
        cursor[name] = token;
        any ||= token !== null;
      });
      return any ? cursor : null;
    },
  };
}

/**
 * The first page's cursor when no `startingToken` is given: the token members the caller
 * put in the input, if any. botocore sends those on the first request too, but then writes
 * `null` into a resume token that cuts that page; anchoring the cursor here keeps it right.
 */
export function cursorFromInput(input: object, inputTokens: readonly string[]): Cursor {
  const cursor: Record<string, JsonValue> = {};
  for (const name of inputTokens) {
    const value = (input as Record<string, unknown>)[name];
    cursor[name] = isPythonFalsy(value) ? null : (value as JsonValue);
  }
  return cursor;
}

/**
 * The request for the page at `cursor`: the caller's input with the cursor's members set.
 * A null or empty token member is deleted rather than sent (botocore
 * `_inject_token_into_kwargs`), so no request ever carries `nextToken=` or `page=`.
 */
export function requestFor<Request extends object>(base: Request, cursor: Cursor): Request {
  const request: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [name, token] of Object.entries(cursor)) {
    if (isPythonFalsy(token)) delete request[name];
    else request[name] = token;
  }
  return request as Request;
}

function toList(names: string | readonly string[]): readonly string[] {
  return typeof names === 'string' ? [names] : [...names];
}

function memberOf(page: unknown, name: string, operation: string): unknown {
  if (typeof page !== 'object' || page === null) {
    throw new PaginationError(
      `${operation} returned a page that is not an object (${typeName(page)})`,
    );
  }
  return (page as Record<string, unknown>)[name];
}

function isPythonFalsy(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) {
    return true;
  }
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}
