import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AiDataPlatformClient,
  AiDataPlatformServiceException,
  NotAuthenticated,
  NotAuthorizedOrNotFound,
  TooManyRequests,
  InternalServerError,
} from 'cloud-sessions/oci-ai-data-platform';
import { ValidationError } from 'cloud-sessions/runtime';
import { testOciAuth } from '../helpers/credentials.js';

const ENDPOINT = 'http://aidp.test';
const PATH = '/20260430/aiDataPlatforms/ocid1.aidp.oc1..x/workspaces/ws%201/notebook/api/sessions';

function client() {
  return new AiDataPlatformClient({
    region: 'us-ashburn-1',
    endpoint: ENDPOINT,
    auth: testOciAuth(),
    retry: false,
  });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.isDone()).toBe(true);
  nock.cleanAll();
});

describe('OCI listSessions on the wire', () => {
  it('sends GET with encoded path labels, set query members and opc-request-id', async () => {
    let seen: { uri: string; headers: Record<string, unknown> } | undefined;
    nock(ENDPOINT)
      .get(/.*/)
      .reply(function (uri) {
        seen = { uri, headers: this.req.headers };
        return [200, { items: [] }];
      });
    await client().listSessions({
      aiDataPlatformId: 'ocid1.aidp.oc1..x',
      workspaceKey: 'ws 1',
      path: '/data/test.ipynb',
      opcRequestId: 'REQ-1',
    });
    expect(seen?.uri).toBe(`${PATH}?path=%2Fdata%2Ftest.ipynb`);
    expect(seen?.headers['opc-request-id']).toBe('REQ-1');
  });

  it('returns items with kernel.last_activity as a Date plus etag and opc-request-id', async () => {
    nock(ENDPOINT)
      .get(PATH)
      .reply(
        200,
        {
          items: [
            {
              id: 'sess-1',
              name: 'nb',
              path: '/data/test.ipynb',
              type: 'notebook',
              lifecycleState: 'ACTIVE',
              cluster_id: 'c-1',
              kernel: {
                id: 'k-1',
                name: 'python3',
                execution_state: 'idle',
                connections: 1,
                last_activity: '2026-01-02T03:04:05.678Z',
              },
            },
          ],
        },
        { etag: 'W/"1"', 'opc-request-id': 'OPC-1' },
      );
    const result = await client().listSessions({
      aiDataPlatformId: 'ocid1.aidp.oc1..x',
      workspaceKey: 'ws 1',
    });
    expect(result.items[0]!.kernel!.last_activity).toEqual(new Date('2026-01-02T03:04:05.678Z'));
    expect(result.items[0]!.cluster_id).toBe('c-1');
    expect(result.etag).toBe('W/"1"');
    expect(result.opcRequestId).toBe('OPC-1');
    expect(result.opcNextPage).toBeUndefined();
  });
});

describe('OCI errors', () => {
  const cases = [
    [NotAuthenticated, 401],
    [NotAuthorizedOrNotFound, 404],
    [TooManyRequests, 429],
    [InternalServerError, 500],
  ] as const;
  for (const [cls, status] of cases) {
    it(`maps {code: ${cls.name}} (HTTP ${status}) to its class with opc-request-id`, async () => {
      nock(ENDPOINT)
        .get(PATH)
        .reply(status, { code: cls.name, message: 'm' }, { 'opc-request-id': 'OPC-E' });
      const error = await client()
        .listSessions({ aiDataPlatformId: 'ocid1.aidp.oc1..x', workspaceKey: 'ws 1' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(cls);
      expect(error).toMatchObject({ status, requestId: 'OPC-E', code: cls.name, message: 'm' });
    });
  }

  it('maps an unmodelled code to the service base class', async () => {
    nock(ENDPOINT).get(PATH).reply(400, { code: 'InvalidParameter', message: 'bad' });
    const error = await client()
      .listSessions({ aiDataPlatformId: 'ocid1.aidp.oc1..x', workspaceKey: 'ws 1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiDataPlatformServiceException);
    expect(error).toMatchObject({ code: 'InvalidParameter', status: 400 });
  });
});

it('rejects an opc-request-id with characters OCI does not allow (strict)', async () => {
  const error = await client()
    .listSessions(
      { aiDataPlatformId: 'a', workspaceKey: 'b', opcRequestId: 'has space' },
      { validation: 'strict' },
    )
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect(error).toMatchObject({ parameter: 'opcRequestId' });
});
