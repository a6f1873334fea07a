/**
 * What the client can know before sending fails locally (issue 16 item 4): a ValidationError or
 * ConfigurationError, at construction or before the first attempt, never retried, nothing sent.
 * Before, these were retryable ConnectionErrors ("URI malformed", "Invalid header value").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, CredentialsError, ValidationError } from 'cloud-sessions/runtime';
import { AthenaClient } from 'cloud-sessions/athena';
import { JupyterServerClient } from 'cloud-sessions/jupyter-server';
import { createNodeHttpFetch } from 'cloud-sessions/node';
import { checkHeaders, checkWellFormed } from '../../src/client/local-checks.js';
import { CLIENTS, SUCCESS } from './clients.js';
import { json, startHostileServer, type HostileServer } from './servers.js';

let server: HostileServer;
let answer: unknown = {};
beforeAll(async () => {
  server = await startHostileServer((res) => json(res, 200, answer));
});
afterAll(() => server.close());

/** A string input member of each client's call that is not a path parameter, and one that is. */
const QUERY_MEMBER: Record<string, string | undefined> = {
  Athena: 'NextToken',
  NimbleStudio: 'createdBy',
  AiDataPlatform: 'cluster_id',
  JupyterServer: undefined,
};
const PATH_MEMBER: Record<string, string | undefined> = {
  Athena: undefined,
  NimbleStudio: 'studioId',
  AiDataPlatform: 'workspaceKey',
  JupyterServer: 'session',
};

const TRANSPORTS: Array<[string, () => typeof fetch | undefined]> = [
  ['global fetch', () => undefined],
  ['createNodeHttpFetch()', () => createNodeHttpFetch()],
];

describe.each(TRANSPORTS)('on %s', (_t, makeFetch) => {
  describe.each(CLIENTS)('$name', (client) => {
    const expectLocal = async (
      run: (call: ReturnType<typeof client.make>['call']) => Promise<unknown>,
      parameter: string | RegExp,
    ) => {
      answer = SUCCESS[client.name];
      const before = server.hits.length;
      const { call } = client.make({ endpoint: server.url, fetch: makeFetch() });
      const error = (await run(call).catch((e: unknown) => e)) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.retryable).toBe(false);
      expect(error.attempts).toBe(1);
      expect(error.parameter).toMatch(parameter);
      expect(server.hits.length).toBe(before);
    };

    for (const [label, lone] of [
      ['high', 'ab\uD800cd'],
      ['low', '\uDC00'],
    ] as const) {
      const query = QUERY_MEMBER[client.name];
      if (query) {
        it(`a lone ${label} surrogate in a query value (${query})`, () =>
          expectLocal((call) => call({ [query]: lone }), query));
      }
      const path = PATH_MEMBER[client.name];
      if (path) {
        it(`a lone ${label} surrogate in a path value (${path})`, () =>
          expectLocal((call) => call({ [path]: lone }), path));
      }
    }

    it.each([
      ['CR LF', 'a\r\nx-injected: 1'],
      ['LF', 'a\nb'],
      ['NUL', 'a\0b'],
      ['a character past U+00FF', 'snow \u2603'],
      ['a non-ASCII Latin-1 character (sent differently by each transport)', 'caf\u00e9'],
    ])('a header value with %s from call options', (_what, value) =>
      expectLocal(
        (call) => call({}, { headers: { 'x-custom': value } }),
        'options.headers.x-custom',
      ),
    );

    it('a header name that is not a token', () =>
      expectLocal((call) => call({}, { headers: { 'bad name': 'v' } }), 'options.headers'));

    it('a valid header and a well-formed astral character still go through (control)', async () => {
      answer = SUCCESS[client.name];
      const before = server.hits.length;
      const { call } = client.make({ endpoint: server.url, fetch: makeFetch() });
      const query = QUERY_MEMBER[client.name];
      await call(query ? { [query]: 'snow \u2603 \uD83D\uDE00' } : {}, {
        headers: { 'x-custom': 'v\t1 ~!' },
      });
      expect(server.hits.length).toBe(before + 1);
      expect(server.hits.at(-1)!.headers['x-custom']).toBe('v\t1 ~!');
    });

    it.each([
      'file:///etc/passwd',
      'data:text/plain,hello',
      'javascript:alert(1)',
      'ftp://127.0.0.1/',
      'http://user:pass@127.0.0.1/',
      'http://127.0.0.1/?a=b',
      'not a url',
    ])('endpoint %j is a ConfigurationError at construction', (endpoint) => {
      expect(() => client.make({ endpoint })).toThrow(ConfigurationError);
    });

    it('endpoint as a URL object with file: is refused too', () => {
      expect(() =>
        client.make({ endpoint: new URL('file:///etc/passwd') as unknown as string }),
      ).toThrow(ConfigurationError);
    });
  });
});

describe('checkWellFormed / checkHeaders (pure)', () => {
  it.each([
    [{ a: 'ok', b: ['x', { c: '\uD800' }] }, 'b.1.c'],
    [{ ['k\uDFFF']: 'v' }, 'k\uDFFF'],
    [{ a: '\uDBFF\uDBFF\uDC00' }, 'a'],
  ])('names the member holding a lone surrogate: %j', (input, path) => {
    expect(() => checkWellFormed(input)).toThrow(
      expect.objectContaining({ parameter: path, rule: 'well-formed Unicode' }),
    );
  });

  it.each([[{ a: '\uD83D\uDE00', b: [1, null, true], c: {} }], [{}]])(
    'accepts well-formed input %j',
    (input) => expect(() => checkWellFormed(input)).not.toThrow(),
  );

  it.each([
    [{ 'x-a': 'a\rb' }, false],
    [{ 'x-a': '\x7F' }, false],
    [{ 'x-a': ' spaced\tvalue ' }, true],
    [{ 'x-a': '\xFF\x80' }, false],
    [{ 'x:a': 'v' }, false],
    [{ '': 'v' }, false],
  ])('%j valid: %s', (headers, valid) => {
    if (valid) expect(() => checkHeaders(headers)).not.toThrow();
    else expect(() => checkHeaders(headers)).toThrow(ValidationError);
  });
});

describe('credentials and tokens that cannot go into a header', () => {
  it.each([
    [
      'a Jupyter token with a trailing newline',
      () => new JupyterServerClient({ endpoint: server.url, token: 'tok-secret\n' }).listSessions(),
    ],
    [
      'an AWS session token with CR LF',
      () =>
        new AthenaClient({
          endpoint: server.url,
          region: 'us-east-1',
          credentials: {
            accessKeyId: 'AKID',
            secretAccessKey: 's',
            sessionToken: 'tok-secret\r\nx: y',
          },
        }).listNotebookSessions({ NotebookId: '0123abcd-0123-0123-0123-0123456789ab' }),
    ],
  ])(
    '%s is a CredentialsError, not retried, nothing sent, value not shown',
    async (_what, call) => {
      const before = server.hits.length;
      const error = (await call().catch((e: unknown) => e)) as CredentialsError;
      expect(error).toBeInstanceOf(CredentialsError);
      expect(error.attempts).toBe(1);
      expect(error.message).not.toContain('tok-secret');
      expect(server.hits.length).toBe(before);
    },
  );
});
