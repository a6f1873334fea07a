import { describe, expect, test } from 'vitest';
import contracts from '../fixtures/aws-contracts.json' with { type: 'json' };
import { PaginationError } from '../../src/errors/index.js';
import type { PaginationConfig } from '../../src/paginate/index.js';
import {
  FakeNimbleClient,
  idsOf,
  paginateListStreamingSessions,
  requestTokens,
  resumeJson,
  type FakePage,
} from './fake-service.js';

interface Run {
  config: { MaxItems?: number; StartingToken?: string; PageSize?: number };
  requests?: (string | null)[];
  yieldedPages?: string[][];
  resumeJson?: string | null;
  resumeToken?: string | null;
  error?: string;
}

const { fakeService, runs } = contracts.botocorePagination.examples as {
  fakeService: Record<string, unknown>;
  runs: Run[];
};

/** Reads the fixture's "pageN (token)" / "pageN.nextToken" entries into a token -> page table. */
function pagesFromFixture(): Map<string | null, FakePage> {
  const pages = new Map<string | null, FakePage>();
  for (const [key, value] of Object.entries(fakeService)) {
    const match = /^(page\d+) \((.+)\)$/.exec(key);
    if (!match) continue;
    const [, name, token] = match as unknown as [string, string, string];
    pages.set(token === 'no token' ? null : token, {
      items: value as string[],
      next: fakeService[`${name}.nextToken`] as string | null,
    });
  }
  return pages;
}

function toConfig(config: Run['config']): PaginationConfig {
  const result: PaginationConfig = {};
  if (config.MaxItems !== undefined) result.maxItems = config.MaxItems;
  if (config.StartingToken !== undefined) result.startingToken = config.StartingToken;
  if (config.PageSize !== undefined) result.pageSize = config.PageSize;
  return result;
}

const input = { studioId: 'stid-123' };
const successes = runs.filter((run) => run.error === undefined);
const failures = runs.filter((run) => run.error !== undefined);

test('the fixture holds the nine worked examples over three pages', () => {
  expect(runs).toHaveLength(9);
  expect([...pagesFromFixture().keys()]).toEqual([null, 'tokA', 'tokB']);
});

describe.each(successes.map((run) => [JSON.stringify(run.config), run] as const))(
  'botocore run %s',
  (_name, run) => {
    test('page iteration makes the same requests, yields the same pages and resume token', async () => {
      const client = new FakeNimbleClient(pagesFromFixture());
      const paginator = paginateListStreamingSessions(client, input, toConfig(run.config));
      const pages: (string | undefined)[][] = [];
      for await (const page of paginator) pages.push(idsOf(page));
      expect(requestTokens(client)).toEqual(run.requests);
      expect(pages).toEqual(run.yieldedPages);
      expect(resumeJson(paginator.resumeToken)).toBe(run.resumeJson);
      expect(paginator.resumeToken ?? null).toBe(run.resumeToken);
    });

    test('item iteration yields the same items and ends with the same resume token', async () => {
      const client = new FakeNimbleClient(pagesFromFixture());
      const paginator = paginateListStreamingSessions(client, input, toConfig(run.config));
      const items: (string | undefined)[] = [];
      for await (const session of paginator.items()) items.push(session.sessionId);
      expect(requestTokens(client)).toEqual(run.requests);
      expect(items).toEqual(run.yieldedPages?.flat());
      expect(paginator.resumeToken ?? null).toBe(run.resumeToken);
    });

    test('buildFullResult concatenates the pages and puts the token under NextToken', async () => {
      const client = new FakeNimbleClient(pagesFromFixture());
      const result = await paginateListStreamingSessions(
        client,
        input,
        toConfig(run.config),
      ).buildFullResult();
      expect(result.sessions.map((session) => session.sessionId)).toEqual(run.yieldedPages?.flat());
      expect(result.NextToken ?? null).toBe(run.resumeToken);
      expect(Object.hasOwn(result, 'NextToken')).toBe(run.resumeToken !== null);
    });
  },
);

test.each(failures.map((run) => [JSON.stringify(run.config), run] as const))(
  'botocore run %s fails before any request with the same error',
  (_name, run) => {
    const client = new FakeNimbleClient(pagesFromFixture());
    const [errorName, message] = (run.error as string).split(': ', 2) as [string, string];
    let thrown: unknown;
    try {
      paginateListStreamingSessions(client, input, toConfig(run.config));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PaginationError);
    expect((thrown as Error).name).toBe(errorName);
    expect((thrown as Error).message).toBe(message);
    expect(client.requests).toHaveLength(0);
  },
);
