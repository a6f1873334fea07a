import { expect, test } from 'vitest';
import fixture from './fixtures/botocore-differential.json' with { type: 'json' };
import { PaginationError } from '../../src/errors/index.js';
import { createPaginator, type PaginationConfig } from '../../src/paginate/index.js';

// Random layouts and configs run through botocore's own Paginator (see the .py beside the
// fixture); each scenario must give the same requests, pages and resume token here.

type Layout = [string[], string | null][];
interface Scenario {
  layout: Layout;
  config: { MaxItems?: number; StartingToken?: string };
  botocore: {
    requests: (string | null)[];
    pages?: string[][];
    resumeToken?: string | null;
    error?: string;
  };
}

async function runHere({ layout, config }: Scenario) {
  const table = new Map(
    layout.map(([items, next], index) => [index === 0 ? null : `t${index}`, { items, next }]),
  );
  const requests: (string | null)[] = [];
  const paginationConfig: PaginationConfig = {};
  if (config.MaxItems !== undefined) paginationConfig.maxItems = config.MaxItems;
  if (config.StartingToken !== undefined) paginationConfig.startingToken = config.StartingToken;
  try {
    const paginator = createPaginator(
      async (request: { nextToken?: string }) => {
        requests.push(request.nextToken ?? null);
        const page = table.get(request.nextToken ?? null);
        if (page === undefined || requests.length > 20)
          throw new Error('fake service: unexpected request');
        return page.next === null
          ? { sessions: page.items }
          : { sessions: page.items, nextToken: page.next };
      },
      {} as { nextToken?: string },
      {
        operation: 'ListStreamingSessions',
        inputToken: 'nextToken',
        outputToken: 'nextToken',
        resultKey: 'sessions',
      },
      paginationConfig,
    );
    const pages: string[][] = [];
    for await (const page of paginator) pages.push(page.sessions);
    return { requests, pages, resumeToken: paginator.resumeToken ?? null };
  } catch (error) {
    return { requests, error };
  }
}

const scenarios = fixture.scenarios as Scenario[];

test('the differential fixture came from botocore 1.43 and covers resumes and errors', () => {
  expect(fixture.botocore).toMatch(/^1\.43\./);
  expect(scenarios.length).toBeGreaterThan(150);
  expect(scenarios.some((scenario) => scenario.config.StartingToken !== undefined)).toBe(true);
  expect(scenarios.some((scenario) => scenario.botocore.error !== undefined)).toBe(true);
});

test.each(
  scenarios.map((scenario, index) => [index, JSON.stringify(scenario.config), scenario] as const),
)('scenario %i %s behaves as botocore', async (_index, _config, scenario) => {
  const here = await runHere(scenario);
  const expected = scenario.botocore;
  if (expected.error === undefined) {
    expect(here).toEqual(expected);
  } else if (expected.error.startsWith('KeyError')) {
    // The fake service had no page for the token: both sent the same requests, then failed.
    expect(here.requests).toEqual(expected.requests);
    expect(here.error).toEqual(new Error('fake service: unexpected request'));
  } else {
    expect(expected.error).toMatch(/^(ValueError|PaginationError): /);
    expect(here.error).toBeInstanceOf(PaginationError);
    expect(here.requests).toEqual(expected.requests);
  }
});
