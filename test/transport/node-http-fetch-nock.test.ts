/**
 * `fetch: createNodeHttpFetch()` under nock 14, which intercepts `node:http` as well as the
 * global `fetch`: users who mock with nock can keep doing so after opting in.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AthenaClient } from 'cloud-sessions/athena';
import { NimbleStudioClient, ResourceNotFoundException } from 'cloud-sessions/nimble-studio';
import { createNodeHttpFetch } from 'cloud-sessions/node';
import { testAwsCredentials } from '../helpers/credentials.js';
import { FAST_RETRY, retryLog } from '../integration/clients.js';

const ATHENA = 'https://athena.us-east-1.amazonaws.com';
const NIMBLE = 'https://nimble.us-east-1.amazonaws.com';
const NOTEBOOK = '0123abcd-0123-0123-0123-0123456789ab';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const done = nock.isDone();
  nock.cleanAll();
  expect(done).toBe(true);
});

function athena(logger?: ReturnType<typeof retryLog>['logger']): AthenaClient {
  return new AthenaClient({
    region: 'us-east-1',
    credentials: testAwsCredentials,
    fetch: createNodeHttpFetch(),
    retry: FAST_RETRY,
    logger,
  });
}

describe('createNodeHttpFetch under nock', () => {
  it('sends the signed request to the interceptor and returns its reply', async () => {
    let headers: Record<string, unknown> = {};
    nock(ATHENA)
      .post('/')
      .reply(function () {
        headers = this.req.headers;
        return [200, { NotebookSessionsList: [{ SessionId: 's-1', CreationTime: 1700000000 }] }];
      });
    const page = await athena().listNotebookSessions({ NotebookId: NOTEBOOK });
    expect(page.NotebookSessionsList?.[0]?.SessionId).toBe('s-1');
    expect(page.NotebookSessionsList?.[0]?.CreationTime).toEqual(new Date(1700000000_000));
    expect(headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTESTCLIENT\//);
    expect(headers['host']).toBe('athena.us-east-1.amazonaws.com');
    expect(headers['x-amz-target']).toBe('AmazonAthena.ListNotebookSessions');
  });

  // An Error, not a plain object: @mswjs/interceptors (under nock 14) drops a non-Error reason
  // for node:http requests, which then never settle; the global fetch path rejects with it.
  it('retries an intercepted ECONNRESET as a network error', async () => {
    nock(ATHENA)
      .post('/')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .post('/')
      .reply(200, { NotebookSessionsList: [] });
    const log = retryLog();
    const page = await athena(log.logger).listNotebookSessions({ NotebookId: NOTEBOOK });
    expect(page.NotebookSessionsList).toEqual([]);
    expect(log.entries.map((e) => e.reason)).toEqual(['network']);
  });

  it('raises the typed error for an intercepted error response', async () => {
    nock(NIMBLE)
      .get('/2020-08-01/studios/stid-x/streaming-sessions')
      .reply(
        404,
        { message: 'Studio stid-x was not found.', code: 'ResourceNotFound', context: {} },
        { 'x-amzn-errortype': 'ResourceNotFoundException', 'x-amzn-requestid': 'req-404' },
      );
    const client = new NimbleStudioClient({
      region: 'us-east-1',
      credentials: testAwsCredentials,
      fetch: createNodeHttpFetch(),
    });
    const error = await client.listStreamingSessions({ studioId: 'stid-x' }).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ status: 404, requestId: 'req-404' });
  });
});

describe('the default transport (no fetch option) under nock', () => {
  it('nock intercepts it: signed request in, typed output out, never through fetch', async () => {
    let headers: Record<string, unknown> = {};
    nock(ATHENA)
      .post('/')
      .reply(function () {
        headers = this.req.headers;
        return [200, { NotebookSessionsList: [{ SessionId: 's-2', CreationTime: 1700000001 }] }];
      });
    const client = new AthenaClient({ region: 'us-east-1', credentials: testAwsCredentials });
    const viaFetch = vi.spyOn(globalThis, 'fetch');
    const page = await client.listNotebookSessions({ NotebookId: NOTEBOOK });
    expect(viaFetch).not.toHaveBeenCalled();
    viaFetch.mockRestore();
    expect(page.NotebookSessionsList?.[0]?.CreationTime).toEqual(new Date(1700000001_000));
    expect(headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTESTCLIENT\//);
  });

  it('a mocked error reply becomes the typed error with its request id', async () => {
    nock(NIMBLE).get('/2020-08-01/studios/studio-1/streaming-sessions').reply(
      404,
      { message: 'gone' },
      {
        'x-amzn-errortype': 'ResourceNotFoundException',
        'x-amzn-requestid': 'req-nock-1',
      },
    );
    const client = new NimbleStudioClient({ region: 'us-east-1', credentials: testAwsCredentials });
    const error = await client.listStreamingSessions({ studioId: 'studio-1' }).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.requestId).toBe('req-nock-1');
  });
});
