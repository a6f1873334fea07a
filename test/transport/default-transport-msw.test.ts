/**
 * The Node default transport (keep-alive `node:http`, no `fetch` option) under MSW's
 * `setupServer`, which intercepts `node:http` through @mswjs/interceptors: apps that mock
 * with MSW keep seeing their requests now that the default is not `fetch`.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AthenaClient } from 'cloud-sessions/athena';
import { ResourceNotFoundException, NimbleStudioClient } from 'cloud-sessions/nimble-studio';
import { testAwsCredentials } from '../helpers/credentials.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOTEBOOK = '0123abcd-0123-0123-0123-0123456789ab';

describe('the default transport under MSW', () => {
  it('sends the signed request to the handler and returns its reply', async () => {
    let seen: Headers | undefined;
    server.use(
      http.post('https://athena.us-east-1.amazonaws.com/', ({ request }) => {
        seen = request.headers;
        return HttpResponse.json({
          NotebookSessionsList: [{ SessionId: 's-1', CreationTime: 1700000000 }],
        });
      }),
    );
    const client = new AthenaClient({ region: 'us-east-1', credentials: testAwsCredentials });
    // MSW patches globalThis.fetch too: the reply must come through node:http, not fetch.
    const viaFetch = vi.spyOn(globalThis, 'fetch');
    const page = await client.listNotebookSessions({ NotebookId: NOTEBOOK });
    expect(viaFetch).not.toHaveBeenCalled();
    viaFetch.mockRestore();
    expect(page.NotebookSessionsList?.[0]?.SessionId).toBe('s-1');
    expect(page.NotebookSessionsList?.[0]?.CreationTime).toEqual(new Date(1700000000_000));
    expect(seen?.get('authorization')).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTESTCLIENT\//);
    expect(seen?.get('x-amz-target')).toBe('AmazonAthena.ListNotebookSessions');
  });

  it('maps a mocked restJson1 error to its typed error with the request id', async () => {
    server.use(
      http.get(
        'https://nimble.us-east-1.amazonaws.com/2020-08-01/studios/:studio/streaming-sessions',
        () =>
          HttpResponse.json(
            { message: 'no such studio' },
            {
              status: 404,
              headers: {
                'x-amzn-errortype': 'ResourceNotFoundException',
                'x-amzn-requestid': 'req-msw-1',
              },
            },
          ),
      ),
    );
    const client = new NimbleStudioClient({ region: 'us-east-1', credentials: testAwsCredentials });
    const error = await client.listStreamingSessions({ studioId: 'studio-1' }).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.requestId).toBe('req-msw-1');
    expect(error.message).toBe('no such studio');
  });
});
