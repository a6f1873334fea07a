import { describe, expect, test } from 'vitest';
import { AbortError, PaginationError, ValidationError } from '../../src/errors/index.js';
import {
  createPaginator,
  type Paginator,
  type PaginationConfig,
} from '../../src/paginate/index.js';
import {
  FakeNimbleClient,
  idsOf,
  paginateListStreamingSessions,
  requestTokens,
  resumeJson,
  type FakePage,
  type ListStreamingSessionsInput,
  type ListStreamingSessionsOutput,
  type StreamingSession,
} from './fake-service.js';

const PAGES = new Map<string | null, FakePage>([
  [null, { items: ['s1', 's2', 's3'], next: 'tokA' }],
  ['tokA', { items: ['s4', 's5', 's6'], next: 'tokB' }],
  ['tokB', { items: ['s7'], next: null }],
]);
const input: ListStreamingSessionsInput = { studioId: 'stid-123' };

function nimble(config?: PaginationConfig, pages = PAGES) {
  const client = new FakeNimbleClient(pages);
  return { client, paginator: paginateListStreamingSessions(client, input, config) };
}

async function takeItems(paginator: Paginator<unknown, StreamingSession>, count: number) {
  const ids: (string | undefined)[] = [];
  for await (const session of paginator.items()) {
    ids.push(session.sessionId);
    if (ids.length === count) break;
  }
  return ids;
}

async function allItems(paginator: Paginator<unknown, StreamingSession>) {
  const ids: (string | undefined)[] = [];
  for await (const session of paginator.items()) ids.push(session.sessionId);
  return ids;
}

describe('resumeToken after the caller leaves the loop', () => {
  test('after a page it is that page’s next token, without a truncate amount', async () => {
    const { paginator } = nimble();
    for await (const page of paginator) {
      expect(idsOf(page)).toEqual(['s1', 's2', 's3']);
      break;
    }
    expect(resumeJson(paginator.resumeToken)).toBe('{"nextToken": "tokA"}');
  });

  test('after an item mid-page it is the page’s request token plus the items seen', async () => {
    const { client, paginator } = nimble();
    expect(await takeItems(paginator, 2)).toEqual(['s1', 's2']);
    expect(resumeJson(paginator.resumeToken)).toBe(
      '{"nextToken": null, "boto_truncate_amount": 2}',
    );
    expect(requestTokens(client)).toEqual([null]);
  });

  test('after the last item of a page it is the next page’s token', async () => {
    const { paginator } = nimble();
    await takeItems(paginator, 3);
    expect(resumeJson(paginator.resumeToken)).toBe('{"nextToken": "tokA"}');
  });

  test('after the very last item it is undefined', async () => {
    const { paginator } = nimble();
    await takeItems(paginator, 7);
    expect(paginator.resumeToken).toBeUndefined();
  });

  test('mid-page on a resumed first page it counts the starting skip too', async () => {
    const start = Buffer.from('{"nextToken": null, "boto_truncate_amount": 1}').toString('base64');
    const { paginator } = nimble({ startingToken: start });
    expect(await takeItems(paginator, 1)).toEqual(['s2']);
    expect(resumeJson(paginator.resumeToken)).toBe(
      '{"nextToken": null, "boto_truncate_amount": 2}',
    );
  });

  test('resuming from a mid-page token continues with the next item', async () => {
    const first = nimble();
    await takeItems(first.paginator, 5);
    const second = nimble({ startingToken: first.paginator.resumeToken });
    expect(await allItems(second.paginator)).toEqual(['s6', 's7']);
    expect(requestTokens(second.client)).toEqual(['tokA', 'tokB']);
  });

  test('after a failed request it is the point after the last page received', async () => {
    const client = new FakeNimbleClient(new Map([[null, { items: ['s1'], next: 'gone' }]]));
    const paginator = paginateListStreamingSessions(client, input);
    const pages: unknown[] = [];
    await expect(async () => {
      for await (const page of paginator) pages.push(page);
    }).rejects.toThrow('unknown token gone');
    expect(pages).toHaveLength(1);
    expect(resumeJson(paginator.resumeToken)).toBe('{"nextToken": "gone"}');
  });

  test('after a failed first request it is the starting position', async () => {
    const client = new FakeNimbleClient(new Map());
    const paginator = paginateListStreamingSessions(client, input, { startingToken: 'tokZ___1' });
    await expect(paginator.buildFullResult()).rejects.toThrow('unknown token tokZ');
    expect(resumeJson(paginator.resumeToken)).toBe(
      '{"nextToken": "tokZ", "boto_truncate_amount": 1}',
    );
  });

  test('before iteration without a starting token it is undefined', () => {
    expect(nimble().paginator.resumeToken).toBeUndefined();
  });
});

describe('a paginator runs once', () => {
  const runs: [string, (paginator: Paginator<unknown, StreamingSession>) => Promise<unknown>][] = [
    [
      'page iteration',
      async (paginator) => {
        for await (const _ of paginator);
      },
    ],
    ['item iteration', (paginator) => allItems(paginator)],
    ['buildFullResult', (paginator) => paginator.buildFullResult()],
  ];
  for (const [firstName, first] of runs) {
    for (const [secondName, second] of runs) {
      test(`${secondName} after ${firstName} throws PaginationError without a request`, async () => {
        const { client, paginator } = nimble();
        await first(paginator);
        const requests = client.requests.length;
        await expect(second(paginator)).rejects.toThrow(PaginationError);
        await expect(second(paginator)).rejects.toThrow(
          /ListStreamingSessions paginator was already iterated/,
        );
        expect(client.requests).toHaveLength(requests);
      });
    }
  }
});

describe('abort', () => {
  test('an aborted signal stops before the first request with AbortError', async () => {
    const controller = new AbortController();
    controller.abort(new Error('caller gave up'));
    const { client, paginator } = nimble({ signal: controller.signal });
    const failure = paginator.buildFullResult();
    await expect(failure).rejects.toThrow(AbortError);
    await expect(failure).rejects.toMatchObject({ cause: new Error('caller gave up') });
    expect(client.requests).toHaveLength(0);
  });

  test('aborting between pages stops before the next request', async () => {
    const controller = new AbortController();
    const { client, paginator } = nimble({ signal: controller.signal });
    await expect(async () => {
      for await (const _page of paginator) controller.abort();
    }).rejects.toThrow(AbortError);
    expect(requestTokens(client)).toEqual([null]);
    expect(resumeJson(paginator.resumeToken)).toBe('{"nextToken": "tokA"}');
  });

  test('every page request receives the signal', async () => {
    const controller = new AbortController();
    const { client, paginator } = nimble({ signal: controller.signal });
    await paginator.buildFullResult();
    expect(client.signals).toEqual([controller.signal, controller.signal, controller.signal]);
  });
});

describe('page size', () => {
  interface AthenaInput {
    NotebookId: string;
    MaxResults?: number;
    NextToken?: string;
  }
  interface AthenaOutput {
    NotebookSessionsList?: { SessionId: string }[];
    NextToken?: string;
  }

  function athena(config: PaginationConfig, extra: Partial<AthenaInput> = {}) {
    const requests: AthenaInput[] = [];
    const paginator = createPaginator(
      async (request: AthenaInput): Promise<AthenaOutput> => {
        requests.push(request);
        return { NotebookSessionsList: [{ SessionId: 'a' }] };
      },
      { NotebookId: 'nb', ...extra },
      {
        operation: 'ListNotebookSessions',
        inputToken: 'NextToken',
        outputToken: 'NextToken',
        resultKey: 'NotebookSessionsList',
        limitKey: 'MaxResults',
        limitRange: [1, 100],
      },
      config,
    );
    return { requests, paginator };
  }

  test('pageSize sets the limit member of every request, over the input’s own', async () => {
    const { requests, paginator } = athena({ pageSize: 7 }, { MaxResults: 50 });
    await paginator.buildFullResult();
    expect(requests).toEqual([{ NotebookId: 'nb', MaxResults: 7 }]);
  });

  test('pageSize goes through int() like botocore', async () => {
    const { requests, paginator } = athena({ pageSize: '5' as unknown as number });
    await paginator.buildFullResult();
    expect(requests[0]?.MaxResults).toBe(5);
  });

  test.each([0, -1])(
    'pageSize %d below the minimum is a ValidationError in either mode',
    (pageSize) => {
      expect(() => athena({ pageSize })).toThrowError(
        expect.objectContaining({ parameter: 'config.pageSize', rule: 'minimum 1' }),
      );
      expect(() => athena({ pageSize, validation: 'strict' })).toThrowError(
        /config\.pageSize: must be between 1 and 100/,
      );
    },
  );

  test('pageSize above the maximum is sent by default: the service may have raised it', async () => {
    const { requests, paginator } = athena({ pageSize: 101 });
    await paginator.buildFullResult();
    expect(requests).toEqual([{ NotebookId: 'nb', MaxResults: 101 }]);
  });

  test('pageSize above the maximum is a ValidationError in strict mode', () => {
    expect(() => athena({ pageSize: 101, validation: 'strict' })).toThrowError(
      expect.objectContaining({ parameter: 'config.pageSize', rule: 'range 1..100' }),
    );
  });

  test('a non-numeric pageSize is a ValidationError on config.pageSize', () => {
    expect(() => athena({ pageSize: 'ten' as unknown as number })).toThrowError(
      expect.objectContaining({ parameter: 'config.pageSize', rule: 'integer' }),
    );
  });

  test('without pageSize the input’s own limit member is sent as it is', async () => {
    const { requests, paginator } = athena({}, { MaxResults: 50 });
    await paginator.buildFullResult();
    expect(requests).toEqual([{ NotebookId: 'nb', MaxResults: 50 }]);
  });
});

describe('tokens carried in response headers (OCI opc-next-page -> page)', () => {
  interface OciInput {
    notebookId: string;
    page?: string;
    limit?: number;
  }
  interface OciOutput {
    items: { id: string }[];
    opcNextPage?: string;
  }

  function oci(nextPages: (string | undefined)[], pageInput?: string) {
    const requests: OciInput[] = [];
    const paginator = createPaginator(
      async (request: OciInput): Promise<OciOutput> => {
        const index = requests.push({ ...request }) - 1;
        return { items: [{ id: `i${index}` }], opcNextPage: nextPages[index] };
      },
      pageInput === undefined ? { notebookId: 'nb' } : { notebookId: 'nb', page: pageInput },
      {
        operation: 'ListSessions',
        inputToken: 'page',
        outputToken: 'opcNextPage',
        resultKey: 'items',
      },
    );
    return { requests, paginator };
  }

  test('the next page is requested with the header token as the page query member', async () => {
    const { requests, paginator } = oci(['p2', 'p3', undefined]);
    const { items } = await paginator.buildFullResult();
    expect(items.map((item) => item.id)).toEqual(['i0', 'i1', 'i2']);
    expect(requests).toEqual([
      { notebookId: 'nb' },
      { notebookId: 'nb', page: 'p2' },
      { notebookId: 'nb', page: 'p3' },
    ]);
  });

  test('an empty header token ends the run instead of sending page=', async () => {
    const { requests, paginator } = oci(['p2', '']);
    await paginator.buildFullResult();
    expect(requests.every((request) => request.page !== '')).toBe(true);
    expect(requests).toHaveLength(2);
    expect(paginator.resumeToken).toBeUndefined();
  });

  test('an empty page member in the input is not sent', async () => {
    const { requests, paginator } = oci([undefined], '');
    await paginator.buildFullResult();
    expect(requests).toEqual([{ notebookId: 'nb' }]);
  });

  test('a page member in the input starts the run there and anchors its resume tokens', async () => {
    const { requests, paginator } = oci(['p9'], 'p5');
    for await (const _item of paginator.items()) break;
    expect(requests).toEqual([{ notebookId: 'nb', page: 'p5' }]);
    expect(resumeJson(paginator.resumeToken)).toBe('{"page": "p9"}');
  });
});

describe('token members in the input', () => {
  test('a token in the input requests the first page and anchors a maxItems token', async () => {
    const client = new FakeNimbleClient(PAGES);
    const paginator = paginateListStreamingSessions(
      client,
      { ...input, nextToken: 'tokA' },
      { maxItems: 1 },
    );
    await paginator.buildFullResult();
    expect(requestTokens(client)).toEqual(['tokA']);
    expect(resumeJson(paginator.resumeToken)).toBe(
      '{"nextToken": "tokA", "boto_truncate_amount": 1}',
    );
  });

  test('a starting token with a null token removes the input’s token from the request', async () => {
    const client = new FakeNimbleClient(PAGES);
    const startingToken = Buffer.from('{"nextToken": null}').toString('base64');
    const paginator = paginateListStreamingSessions(
      client,
      { ...input, nextToken: 'tokB' },
      { startingToken, maxItems: 1 },
    );
    await paginator.buildFullResult();
    expect(client.requests).toEqual([{ studioId: 'stid-123' }]);
  });
});

describe('pages handed to the caller', () => {
  test('a page cut by maxItems is a copy; the service page keeps its list and next token', async () => {
    const served: ListStreamingSessionsOutput[] = [];
    const paginator = createPaginator(
      async (): Promise<ListStreamingSessionsOutput> => {
        const page = { sessions: [{ sessionId: 's1' }, { sessionId: 's2' }], nextToken: 'tokA' };
        served.push(page);
        return page;
      },
      input,
      {
        operation: 'ListStreamingSessions',
        inputToken: 'nextToken',
        outputToken: 'nextToken',
        resultKey: 'sessions',
      },
      { maxItems: 1 },
    );
    const pages: ListStreamingSessionsOutput[] = [];
    for await (const page of paginator) pages.push(page);
    expect(pages).toEqual([{ sessions: [{ sessionId: 's1' }], nextToken: 'tokA' }]);
    expect(served[0]?.sessions).toHaveLength(2);
    expect(pages[0]).not.toBe(served[0]);
  });

  test('an uncut page is the service’s own object', async () => {
    const page = { sessions: [{ sessionId: 's1' }] };
    const paginator = createPaginator(
      async (): Promise<ListStreamingSessionsOutput> => page,
      input,
      {
        operation: 'ListStreamingSessions',
        inputToken: 'nextToken',
        outputToken: 'nextToken',
        resultKey: 'sessions',
      },
    );
    for await (const received of paginator) expect(received).toBe(page);
  });

  test('a page without the result member counts as an empty page', async () => {
    const { client, paginator } = nimble(
      {},
      new Map([
        [null, { items: [], next: 'tokA' }],
        ['tokA', { items: ['s4'], next: null }],
      ]),
    );
    const result = await paginator.buildFullResult();
    expect(result).toEqual({ sessions: [{ sessionId: 's4' }] });
    expect(requestTokens(client)).toEqual([null, 'tokA']);
  });
});

describe('buildFullResult', () => {
  test('holds the result list under its member name and omits NextToken when done', async () => {
    const result = await nimble().paginator.buildFullResult();
    expect(Object.keys(result)).toEqual(['sessions']);
    expect(result.sessions).toHaveLength(7);
  });

  test('puts the resume token under NextToken when maxItems stops the run', async () => {
    const result = await nimble({ maxItems: 4 }).paginator.buildFullResult();
    expect(Object.keys(result)).toEqual(['sessions', 'NextToken']);
    expect(resumeJson(result.NextToken)).toBe('{"nextToken": "tokA", "boto_truncate_amount": 1}');
  });
});

describe('the generated entry point is type-checked against the operation', () => {
  const fetchPage = async (_request: { nextToken?: string }) => ({
    sessions: [1],
    nextToken: undefined as string | undefined,
  });
  const request: { nextToken?: string } = {};

  test('member names outside the input or output shape do not compile', () => {
    const make = () => [
      createPaginator(fetchPage, request, {
        operation: 'Op',
        // @ts-expect-error inputToken must be a member of the request
        inputToken: 'next',
        outputToken: 'nextToken',
        resultKey: 'sessions',
      }),
      createPaginator(fetchPage, request, {
        operation: 'Op',
        inputToken: 'nextToken',
        // @ts-expect-error outputToken must be a member of the page
        outputToken: 'next',
        resultKey: 'sessions',
      }),
      createPaginator(fetchPage, request, {
        operation: 'Op',
        inputToken: 'nextToken',
        outputToken: 'nextToken',
        // @ts-expect-error resultKey must be a member of the page
        resultKey: 'items',
      }),
    ];
    expect(make).toBeTypeOf('function');
  });

  test('items are typed from the result member', async () => {
    const paginator = createPaginator(fetchPage, request, {
      operation: 'Op',
      inputToken: 'nextToken',
      outputToken: 'nextToken',
      resultKey: 'sessions',
    });
    const total: number[] = [];
    for await (const item of paginator.items()) total.push(item + 1);
    expect(total).toEqual([2]);
  });
});
