import nock from 'nock';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { NimbleStudioClient, paginateListStreamingSessions } from 'cloud-sessions/nimble-studio';
import { testAwsCredentials } from '../helpers/credentials.js';

const ENDPOINT = 'http://nimble-pages.test';
const PATH = '/2020-08-01/studios/s/streaming-sessions';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

function client() {
  return new NimbleStudioClient({
    region: 'us-west-2',
    endpoint: ENDPOINT,
    credentials: testAwsCredentials,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  });
}

function throttleOnce() {
  return nock(ENDPOINT)
    .get(PATH)
    .reply(503, { message: 'slow down' }, { 'x-amzn-ErrorType': 'ServiceUnavailableException' })
    .get(PATH)
    .reply(200, { sessions: [{ sessionId: 'ss-1' }] });
}

it('page requests use the client retry policy by default', async () => {
  const scope = throttleOnce();
  const ids: string[] = [];
  for await (const s of paginateListStreamingSessions(client(), { studioId: 's' }).items())
    ids.push(s.sessionId!);
  expect(ids).toEqual(['ss-1']);
  expect(scope.isDone()).toBe(true);
});

it('retry: false in the pagination config turns retries off for every page request', async () => {
  const scope = throttleOnce();
  const pager = paginateListStreamingSessions(client(), { studioId: 's' }, { retry: false });
  const error = await pager.buildFullResult().catch((e: unknown) => e);
  expect(error).toMatchObject({ status: 503, attempts: 1 });
  expect(scope.pendingMocks()).toHaveLength(1);
});

it('headers in the pagination config go out on every page request', async () => {
  const scope = nock(ENDPOINT)
    .get(PATH)
    .matchHeader('x-trace-id', 'trace-1')
    .reply(200, { sessions: [{ sessionId: 'ss-1' }], nextToken: 't2' })
    .get(`${PATH}?nextToken=t2`)
    .matchHeader('x-trace-id', 'trace-1')
    .reply(200, { sessions: [{ sessionId: 'ss-2' }] });
  const pager = paginateListStreamingSessions(
    client(),
    { studioId: 's' },
    { headers: { 'x-trace-id': 'trace-1' } },
  );
  const ids: string[] = [];
  for await (const s of pager.items()) ids.push(s.sessionId!);
  expect(ids).toEqual(['ss-1', 'ss-2']);
  expect(scope.isDone()).toBe(true);
});
