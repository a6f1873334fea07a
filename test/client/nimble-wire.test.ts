import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  NimbleStudioClient,
  NimbleStudioServiceException,
  AccessDeniedException,
  ConflictException,
  InternalServerErrorException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
  StreamingSessionState,
} from 'cloud-sessions/nimble-studio';
import { ValidationError } from 'cloud-sessions/runtime';
import { testAwsCredentials } from '../helpers/credentials.js';

const ENDPOINT = 'http://nimble.test';

function client() {
  return new NimbleStudioClient({
    region: 'us-west-2',
    endpoint: ENDPOINT,
    credentials: testAwsCredentials,
    retry: false,
  });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.isDone()).toBe(true);
  nock.cleanAll();
});

describe('Nimble ListStreamingSessions on the wire', () => {
  it('sends GET with the studio id percent-encoded in the path and only the set query members', async () => {
    let seen: { uri: string; headers: Record<string, unknown>; body: unknown } | undefined;
    nock(ENDPOINT)
      .get(/.*/)
      .reply(function (uri, body) {
        seen = { uri, headers: this.req.headers, body };
        return [200, { sessions: [] }];
      });
    await client().listStreamingSessions({
      studioId: 'stid 1/ä',
      ownedBy: 'u-1',
      nextToken: 'abc',
    });
    expect(seen?.uri).toBe(
      '/2020-08-01/studios/stid%201%2F%C3%A4/streaming-sessions?nextToken=abc&ownedBy=u-1',
    );
    expect(seen?.headers['content-type']).toBeUndefined();
    expect(seen?.body).toBe('');
  });

  it('parses sessions with ISO 8601 timestamps (offsets too) into Dates and keeps the rest', async () => {
    nock(ENDPOINT)
      .get('/2020-08-01/studios/stid-123/streaming-sessions')
      .reply(200, {
        sessions: [
          {
            sessionId: 'ss-1',
            state: 'READY',
            statusCode: 'STREAMING_SESSION_READY',
            createdAt: '2023-05-01T12:00:00Z',
            stopAt: '2023-05-01T14:00:00.5+02:00',
            tags: { k: 'v' },
            volumeConfiguration: { size: 500 },
          },
        ],
        nextToken: 'def',
      });
    const page = await client().listStreamingSessions({ studioId: 'stid-123' });
    const session = page.sessions![0]!;
    expect(session.createdAt).toEqual(new Date('2023-05-01T12:00:00Z'));
    expect(session.stopAt).toEqual(new Date('2023-05-01T12:00:00.500Z'));
    expect(session.state).toBe(StreamingSessionState.READY);
    expect(session.tags).toEqual({ k: 'v' });
    expect(session.volumeConfiguration).toEqual({ size: 500 });
    expect(page.nextToken).toBe('def');
  });
});

describe('Nimble errors', () => {
  const cases = [
    [ValidationException, 400],
    [ServiceQuotaExceededException, 402],
    [AccessDeniedException, 403],
    [ResourceNotFoundException, 404],
    [ConflictException, 409],
    [ThrottlingException, 429],
    [InternalServerErrorException, 500],
  ] as const;
  for (const [cls, status] of cases) {
    it(`maps x-amzn-ErrorType ${cls.name} (HTTP ${status}) to its class`, async () => {
      nock(ENDPOINT)
        .get('/2020-08-01/studios/s/streaming-sessions')
        .reply(
          status,
          { message: 'nope', code: 'SPECIFIC', context: { resourceId: 'r' } },
          {
            'x-amzn-ErrorType': `${cls.name}:http://internal.amazon.com/coral/`,
            'x-amzn-RequestId': 'rid-9',
          },
        );
      const error = await client()
        .listStreamingSessions({ studioId: 's' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(cls);
      expect(error).toBeInstanceOf(NimbleStudioServiceException);
      expect(error).toMatchObject({ status, requestId: 'rid-9', message: 'nope', code: cls.name });
      expect((error as ValidationException).context).toEqual({ resourceId: 'r' });
    });
  }

  it('falls back to the body code when the header is missing (D4)', async () => {
    nock(ENDPOINT)
      .get('/2020-08-01/studios/s/streaming-sessions')
      .reply(404, { message: 'gone', code: 'ResourceNotFoundException' });
    const error = await client()
      .listStreamingSessions({ studioId: 's' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('Nimble input validation', () => {
  it('rejects an empty studioId before sending (an empty path label)', async () => {
    const error = await client()
      .listStreamingSessions({ studioId: '' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ parameter: 'studioId', rule: 'minLength 1' });
  });

  it('rejects a non-string filter naming the member', async () => {
    const error = await client()
      .listStreamingSessions({ studioId: 's', ownedBy: 42 as never })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ parameter: 'ownedBy', rule: 'type string' });
  });
});
