import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createPaginator, type PaginationConfig } from '../../src/paginate/index.js';
import { decodeStartingToken } from '../../src/paginate/resume-token.js';
import { pythonJsonDumps, type JsonValue } from '../../src/paginate/python-json.js';

interface Request {
  nextToken?: string;
}
interface Page {
  sessions: number[];
  nextToken?: string;
}

/** Pages of consecutive item numbers; page i is requested by token `t<i>` (none for page 0). */
const layouts = fc.record({
  sizes: fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 6 }),
  lastToken: fc.constantFrom<string | undefined>(undefined, ''),
});
type Layout = { sizes: number[]; lastToken: string | undefined };

function serve(layout: Layout) {
  const pages = new Map<string | null, Page>();
  let next = 0;
  layout.sizes.forEach((size, index) => {
    const sessions = Array.from({ length: size }, () => next++);
    const nextToken = index + 1 < layout.sizes.length ? `t${index + 1}` : layout.lastToken;
    pages.set(
      index === 0 ? null : `t${index}`,
      nextToken === undefined ? { sessions } : { sessions, nextToken },
    );
  });
  const all = Array.from({ length: next }, (_, index) => index);
  const paginate = (config: PaginationConfig) =>
    createPaginator(
      async (request: Request) => pages.get(request.nextToken ?? null) as Page,
      {} as Request,
      {
        operation: 'ListStreamingSessions',
        inputToken: 'nextToken',
        outputToken: 'nextToken',
        resultKey: 'sessions',
      },
      config,
    );
  return { all, paginate };
}

/** Every emitted token is canonical Python JSON in base64 and decodes to what it says. */
function expectCanonical(token: string): void {
  const json = atob(token);
  const parsed = JSON.parse(json) as Record<string, JsonValue>;
  expect(btoa(pythonJsonDumps(parsed))).toBe(token);
  const { boto_truncate_amount: skip = 0, ...cursor } = parsed;
  expect(decodeStartingToken(token, ['nextToken'], 'ListStreamingSessions')).toEqual({
    cursor,
    truncateAmount: skip,
  });
}

const MAX_RUNS = 80;
/** maxItems of each run: 1..8 or none (0 would never move forward, by botocore's design). */
const limits = fc.array(fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }), {
  minLength: 1,
  maxLength: 10,
});

type Paginate = ReturnType<typeof serve>['paginate'];

/**
 * Runs one paginator after another, each starting from the previous one's resume token, until
 * a run ends without one; `consume` reads a run into `seen` however the test wants. Every token
 * must be canonical, and the runs together must yield the whole list once, in order.
 */
async function expectResumesCoverAll(
  layout: Layout,
  maxItemsPerRun: Array<number | undefined>,
  consume: (paginator: ReturnType<Paginate>, run: number, seen: number[]) => Promise<void>,
): Promise<void> {
  const { all, paginate } = serve(layout);
  const seen: number[] = [];
  let token: string | undefined;
  for (let run = 0; run < MAX_RUNS; run++) {
    const paginator = paginate({
      startingToken: token,
      maxItems: maxItemsPerRun[run % maxItemsPerRun.length],
    });
    await consume(paginator, run, seen);
    token = paginator.resumeToken;
    if (token === undefined) break;
    expectCanonical(token);
  }
  expect(token).toBeUndefined();
  expect(seen).toEqual(all);
}

/** Up to `take` elements of `source`, then a `break` (which must leave a resume token). */
async function takeSome<T>(source: AsyncIterable<T>, take: number, into: (value: T) => void) {
  let taken = 0;
  for await (const value of source) {
    into(value);
    if (++taken === take) break;
  }
}

const takes = (max: number) =>
  fc.array(fc.integer({ min: 1, max }), { minLength: 1, maxLength: 10 });

test('resuming page iteration from each maxItems token yields every item once, in order', async () => {
  await fc.assert(
    fc.asyncProperty(layouts, limits, (layout, maxItemsPerRun) =>
      expectResumesCoverAll(layout, maxItemsPerRun, async (paginator, _run, seen) => {
        for await (const page of paginator) seen.push(...page.sessions);
      }),
    ),
    { numRuns: 300 },
  );
});

test('resuming item iteration from each maxItems token yields every item once, in order', async () => {
  await fc.assert(
    fc.asyncProperty(layouts, limits, (layout, maxItemsPerRun) =>
      expectResumesCoverAll(layout, maxItemsPerRun, async (paginator, _run, seen) => {
        for await (const item of paginator.items()) seen.push(item);
      }),
    ),
    { numRuns: 300 },
  );
});

test('breaking out of item iteration anywhere and resuming loses and repeats nothing', async () => {
  await fc.assert(
    fc.asyncProperty(layouts, limits, takes(6), (layout, maxItemsPerRun, counts) =>
      expectResumesCoverAll(layout, maxItemsPerRun, (paginator, run, seen) =>
        takeSome(paginator.items(), counts[run % counts.length]!, (item) => seen.push(item)),
      ),
    ),
    { numRuns: 300 },
  );
});

test('breaking out of page iteration anywhere and resuming loses and repeats nothing', async () => {
  await fc.assert(
    fc.asyncProperty(layouts, limits, takes(3), (layout, maxItemsPerRun, counts) =>
      expectResumesCoverAll(layout, maxItemsPerRun, (paginator, run, seen) =>
        takeSome(paginator, counts[run % counts.length]!, (page) => seen.push(...page.sessions)),
      ),
    ),
    { numRuns: 300 },
  );
});

test('buildFullResult chained through NextToken equals one unlimited run', async () => {
  await fc.assert(
    fc.asyncProperty(layouts, fc.integer({ min: 1, max: 5 }), async (layout, maxItems) => {
      const { all, paginate } = serve(layout);
      const seen: number[] = [];
      let token: string | undefined;
      for (let run = 0; run < MAX_RUNS; run++) {
        const result = await paginate({ startingToken: token, maxItems }).buildFullResult();
        seen.push(...result.sessions);
        token = result.NextToken;
        if (token === undefined) break;
      }
      expect(seen).toEqual(all);
    }),
    { numRuns: 200 },
  );
});
