import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PaginationError, ValidationError } from '../../src/errors/index.js';
import { createPaginator, type PaginationConfig } from '../../src/paginate/index.js';
import { resumeJson } from './fake-service.js';

interface Request {
  nextToken?: string;
}
interface Page {
  sessions?: unknown;
  nextToken?: unknown;
}

/** A service that answers from a token graph and refuses to serve more than `cap` pages. */
function service(graph: Map<string | null, Page>, cap = 100) {
  const requests: (string | null)[] = [];
  const fetchPage = async (request: Request): Promise<Page> => {
    requests.push(request.nextToken ?? null);
    if (requests.length > cap) throw new Error(`runaway: more than ${cap} requests`);
    const token = request.nextToken ?? null;
    return graph.has(token) ? (graph.get(token) as Page) : { sessions: [] };
  };
  const paginate = (config?: PaginationConfig) =>
    createPaginator(
      fetchPage,
      {} as Request,
      {
        operation: 'ListStreamingSessions',
        inputToken: 'nextToken',
        outputToken: 'nextToken',
        resultKey: 'sessions',
      },
      config,
    );
  return { requests, paginate };
}

async function drain(paginator: AsyncIterable<unknown>): Promise<unknown[]> {
  const pages: unknown[] = [];
  for await (const page of paginator) pages.push(page);
  return pages;
}

describe('looping tokens', () => {
  test('the same token twice in a row is botocore’s PaginationError', async () => {
    const { requests, paginate } = service(
      new Map<string | null, Page>([
        [null, { sessions: [1], nextToken: 'A' }],
        ['A', { sessions: [2], nextToken: 'A' }],
      ]),
    );
    await expect(drain(paginate())).rejects.toThrow(
      'The same next token was received twice: {"nextToken": "A"} (ListStreamingSessions)',
    );
    expect(requests).toEqual([null, 'A']);
  });

  test('a starting token whose page returns it again fails after one request', async () => {
    const { requests, paginate } = service(
      new Map<string | null, Page>([['A', { sessions: [2], nextToken: 'A' }]]),
    );
    await expect(drain(paginate({ startingToken: 'A' }))).rejects.toThrow(PaginationError);
    expect(requests).toEqual(['A']);
  });

  test('an A -> B -> A cycle is a PaginationError before A is requested again', async () => {
    const { requests, paginate } = service(
      new Map<string | null, Page>([
        [null, { sessions: [1], nextToken: 'A' }],
        ['A', { sessions: [2], nextToken: 'B' }],
        ['B', { sessions: [3], nextToken: 'A' }],
      ]),
    );
    await expect(drain(paginate())).rejects.toThrow(
      /^Pagination loop: the next token \{"nextToken": "A"\} was already received 2 pages earlier/,
    );
    expect(requests).toEqual([null, 'A', 'B']);
  });

  test('any token graph either ends or fails with PaginationError within 3n + 2 pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }).chain((size) =>
          fc.array(fc.option(fc.nat({ max: size - 1 }), { nil: null }), {
            minLength: size,
            maxLength: size,
          }),
        ),
        async (links) => {
          const graph = new Map<string | null, Page>();
          links.forEach((link, index) => {
            const page = { sessions: [index], nextToken: link === null ? undefined : `t${link}` };
            graph.set(index === 0 ? null : `t${index}`, page);
          });
          const bound = 3 * links.length + 2;
          const { requests, paginate } = service(graph, bound);
          try {
            await drain(paginate());
          } catch (error) {
            expect(error).toBeInstanceOf(PaginationError);
          }
          expect(requests.length).toBeLessThanOrEqual(bound);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('result member of the wrong type', () => {
  test.each<[string, unknown]>([
    ['a string', 'sessions'],
    ['a number', 3],
    ['an object', { 0: 's1' }],
    ['true', true],
  ])('%s is a PaginationError naming the member and operation', async (_name, sessions) => {
    const { paginate } = service(new Map([[null, { sessions }]]));
    await expect(drain(paginate())).rejects.toThrow(
      `ListStreamingSessions response member sessions is not an array (got ${typeof sessions})`,
    );
  });

  test('a page that is not an object is a PaginationError', async () => {
    const { paginate } = service(new Map([[null, null as unknown as Page]]));
    await expect(drain(paginate())).rejects.toThrow(
      'ListStreamingSessions returned a page that is not an object (null)',
    );
  });

  test('a result member of the wrong type fails item iteration too', async () => {
    const { paginate } = service(new Map([[null, { sessions: 'abc' }]]));
    await expect(drain(paginate().items())).rejects.toThrow(PaginationError);
  });

  test('a falsy non-string next token (0, false, {}) ends the run as botocore does', async () => {
    for (const nextToken of [0, false, {}, []]) {
      const { requests, paginate } = service(new Map([[null, { sessions: [1], nextToken }]]));
      await drain(paginate());
      expect(requests).toEqual([null]);
    }
  });
});

describe('foreign starting tokens', () => {
  test('random strings run from a raw token or fail with PaginationError before any request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 30 }), async (token) => {
        const { requests, paginate } = service(new Map());
        let paginator;
        try {
          paginator = paginate({ startingToken: token });
        } catch (error) {
          expect(error).toBeInstanceOf(PaginationError);
          expect(requests).toEqual([]);
          return;
        }
        await drain(paginator);
        expect(requests).toHaveLength(1);
        expect(requests[0]).not.toBe('');
      }),
      { numRuns: 300 },
    );
  });

  test('an empty starting token starts from the beginning without sending nextToken=', async () => {
    const { requests, paginate } = service(new Map([[null, { sessions: [1] }]]));
    await drain(paginate({ startingToken: '' }));
    expect(requests).toEqual([null]);
  });

  test('a starting token with extra keys is rejected before any request', () => {
    const token = Buffer.from('{"nextToken": "A", "page": "B"}').toString('base64');
    const { requests, paginate } = service(new Map());
    expect(() => paginate({ startingToken: token })).toThrowError(/^Bad starting token/);
    expect(requests).toEqual([]);
  });

  test('a starting token that is not a string is a ValidationError', () => {
    const { paginate } = service(new Map());
    expect(() => paginate({ startingToken: 42 as unknown as string })).toThrowError(
      expect.objectContaining({ parameter: 'config.startingToken' }),
    );
  });
});

describe('maxItems edge values', () => {
  const threePages = () =>
    service(
      new Map<string | null, Page>([
        [null, { sessions: ['s1', 's2', 's3'], nextToken: 'tokA' }],
        ['tokA', { sessions: ['s4'] }],
      ]),
    );

  test('maxItems 0 yields the first page emptied with a token for its first item', async () => {
    const { requests, paginate } = threePages();
    const paginator = paginate({ maxItems: 0 });
    const pages = (await drain(paginator)) as Page[];
    expect(pages.map((page) => page.sessions)).toEqual([[]]);
    expect(requests).toEqual([null]);
    expect(resumeJson(paginator.resumeToken)).toBe(
      '{"nextToken": null, "boto_truncate_amount": 0}',
    );
  });

  test('maxItems 0 on an empty first page resumes at its next token', async () => {
    const { paginate } = service(new Map([[null, { sessions: [], nextToken: 'tokA' }]]));
    const paginator = paginate({ maxItems: 0 });
    await drain(paginator);
    expect(resumeJson(paginator.resumeToken)).toBe('{"nextToken": "tokA"}');
  });

  test('maxItems 0 on an empty last page leaves nothing to resume', async () => {
    const { paginate } = service(new Map([[null, { sessions: [] }]]));
    const paginator = paginate({ maxItems: 0 });
    await drain(paginator);
    expect(paginator.resumeToken).toBeUndefined();
  });

  test('a fractional maxItems is truncated like int()', async () => {
    const { paginate } = threePages();
    const paginator = paginate({ maxItems: 2.7 });
    expect(((await drain(paginator)) as Page[]).map((page) => page.sessions)).toEqual([
      ['s1', 's2'],
    ]);
  });

  test('a numeric string maxItems is accepted like int()', async () => {
    const { paginate } = threePages();
    const result = await paginate({ maxItems: ' 3 ' as unknown as number }).buildFullResult();
    expect(result.sessions).toEqual(['s1', 's2', 's3']);
  });

  test.each<[string, unknown, string]>([
    ['negative', -1, '>= 0'],
    ['negative after truncation', -1.5, '>= 0'],
    ['NaN', NaN, 'integer'],
    ['infinite', Infinity, 'integer'],
    ['non-numeric', 'ten', 'integer'],
    ['an object', {}, 'integer'],
  ])(
    'a %s maxItems is a ValidationError on config.maxItems before any request',
    (_name, maxItems, rule) => {
      const { requests, paginate } = threePages();
      let thrown: unknown;
      try {
        paginate({ maxItems: maxItems as number });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      expect(thrown).toMatchObject({ parameter: 'config.maxItems', rule });
      expect(requests).toEqual([]);
    },
  );

  test('maxItems larger than the whole list ends with nothing to resume', async () => {
    const { paginate } = threePages();
    const paginator = paginate({ maxItems: 1_000 });
    await drain(paginator);
    expect(paginator.resumeToken).toBeUndefined();
  });
});

test('pageSize for an operation without a limit key fails before any request', () => {
  const { requests, paginate } = service(new Map());
  expect(() => paginate({ pageSize: 10 })).toThrowError(
    new PaginationError(
      'PageSize parameter is not supported for the pagination interface for this operation.',
    ),
  );
  expect(requests).toEqual([]);
});
