import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AthenaClient,
  AthenaServiceException,
  InternalServerException,
  InvalidRequestException,
  ResourceNotFoundException,
  isInvalidRequestException,
  isResourceNotFoundException,
} from 'cloud-sessions/athena';
import { ValidationError } from 'cloud-sessions/runtime';
import { testAwsCredentials } from '../helpers/credentials.js';

const ENDPOINT = 'http://athena.test';
const NOTEBOOK = '0123abcd-0123-0123-0123-0123456789ab';

function client() {
  return new AthenaClient({
    region: 'us-east-1',
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

describe('Athena ListNotebookSessions on the wire', () => {
  it('sends POST / with X-Amz-Target, the awsJson content type and only the set members', async () => {
    let seen: { path: string; headers: Record<string, unknown>; body: string } | undefined;
    nock(ENDPOINT)
      .post('/')
      .reply(function (uri, body) {
        seen = {
          path: uri,
          headers: this.req.headers,
          body: typeof body === 'string' ? body : JSON.stringify(body),
        };
        return [200, { NotebookSessionsList: [] }];
      });
    await client().listNotebookSessions({ NotebookId: NOTEBOOK, MaxResults: 5 });
    expect(seen?.path).toBe('/');
    expect(seen?.headers['x-amz-target']).toBe('AmazonAthena.ListNotebookSessions');
    expect(seen?.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(seen!.body)).toEqual({ NotebookId: NOTEBOOK, MaxResults: 5 });
    expect(seen?.body).not.toContain('NextToken');
  });

  it('returns NotebookSessionsList with CreationTime as a Date from epoch seconds', async () => {
    nock(ENDPOINT)
      .post('/')
      .reply(200, {
        NotebookSessionsList: [{ SessionId: 's-1', CreationTime: 1700000000.123 }],
        NextToken: 'next',
      });
    const page = await client().listNotebookSessions({ NotebookId: NOTEBOOK });
    const first = page.NotebookSessionsList[0]!;
    expect(first.CreationTime).toBeInstanceOf(Date);
    expect(first.CreationTime?.toISOString()).toBe('2023-11-14T22:13:20.123Z');
    expect(page.NextToken).toBe('next');
  });
});

describe('Athena errors', () => {
  const cases = [
    { type: 'InvalidRequestException', status: 400, cls: InvalidRequestException },
    {
      type: 'com.amazonaws.athena#ResourceNotFoundException',
      status: 400,
      cls: ResourceNotFoundException,
    },
    {
      type: 'InternalServerException:http://internal.amazon.com/',
      status: 500,
      cls: InternalServerException,
    },
  ];
  for (const { type, status, cls } of cases) {
    it(`maps __type ${type} (HTTP ${status}) to ${cls.name}`, async () => {
      nock(ENDPOINT).post('/').reply(
        status,
        { __type: type, Message: 'went wrong', AthenaErrorCode: 'E1', ResourceName: 'nb' },
        {
          'x-amzn-RequestId': 'req-123',
        },
      );
      const error = await client()
        .listNotebookSessions({ NotebookId: NOTEBOOK })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(cls);
      expect(error).toBeInstanceOf(AthenaServiceException);
      expect(error).toMatchObject({
        status,
        requestId: 'req-123',
        message: 'went wrong',
        name: cls.name,
      });
    });
  }

  it('exposes modelled members and type guards', async () => {
    nock(ENDPOINT).post('/').reply(400, {
      __type: 'InvalidRequestException',
      Message: 'bad',
      AthenaErrorCode: 'INVALID_INPUT',
    });
    const error = await client()
      .listNotebookSessions({ NotebookId: NOTEBOOK })
      .catch((e: unknown) => e);
    expect(isInvalidRequestException(error)).toBe(true);
    expect(isResourceNotFoundException(error)).toBe(false);
    if (isInvalidRequestException(error)) expect(error.AthenaErrorCode).toBe('INVALID_INPUT');
  });

  it('maps an unknown error code to AthenaServiceException with its code', async () => {
    nock(ENDPOINT).post('/').reply(400, { __type: 'SomethingNewException', message: 'new' });
    const error = await client()
      .listNotebookSessions({ NotebookId: NOTEBOOK })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AthenaServiceException);
    expect(error).toMatchObject({
      code: 'SomethingNewException',
      name: 'AthenaServiceException',
      message: 'new',
    });
  });

  it('turns an HTML error page into a typed error with status and request id', async () => {
    nock(ENDPOINT).post('/').reply(502, '<html><body>Bad Gateway</body></html>', {
      'content-type': 'text/html',
      'x-amzn-RequestId': 'req-html',
    });
    const error = await client()
      .listNotebookSessions({ NotebookId: NOTEBOOK })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AthenaServiceException);
    expect(error).toMatchObject({ status: 502, requestId: 'req-html', code: '502' });
  });
});

describe('Athena input validation (before any request)', () => {
  // [what, input, member, rule, strict only]: strict-only rules are sent in the default mode
  // (test/compat/ pins that); botocore's rules are refused in both.
  const cases: Array<[string, Record<string, unknown>, string, string, boolean?]> = [
    ['missing NotebookId', {}, 'NotebookId', 'required'],
    ['NotebookId too long', { NotebookId: 'a'.repeat(37) }, 'NotebookId', 'maxLength 36', true],
    ['NotebookId empty', { NotebookId: '' }, 'NotebookId', 'minLength 1'],
    ['NotebookId off pattern', { NotebookId: 'not-a-uuid' }, 'NotebookId', 'pattern', true],
    ['MaxResults 0', { NotebookId: NOTEBOOK, MaxResults: 0 }, 'MaxResults', 'minimum 1'],
    [
      'MaxResults 101',
      { NotebookId: NOTEBOOK, MaxResults: 101 },
      'MaxResults',
      'maximum 100',
      true,
    ],
    ['MaxResults 1.5', { NotebookId: NOTEBOOK, MaxResults: 1.5 }, 'MaxResults', 'type integer'],
    [
      'MaxResults a string',
      { NotebookId: NOTEBOOK, MaxResults: '5' },
      'MaxResults',
      'type integer',
    ],
    ['NextToken empty', { NotebookId: NOTEBOOK, NextToken: '' }, 'NextToken', 'minLength 1'],
  ];
  for (const [what, input, parameter, rule, strictOnly] of cases) {
    it(`rejects ${what} naming ${parameter} and ${rule}${strictOnly ? ' (strict)' : ''}`, async () => {
      const error = await client()
        .listNotebookSessions(input as never, strictOnly ? { validation: 'strict' } : undefined)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).parameter).toBe(parameter);
      expect((error as ValidationError).rule.startsWith(rule)).toBe(true);
    });
  }
});
