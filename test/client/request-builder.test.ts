import { describe, expect, it } from 'vitest';
import type { paths as AthenaPaths } from '../../generated/athena/types.js';
import type { paths as JupyterPaths } from '../../generated/jupyter-server/types.js';
import type { paths as NimblePaths } from '../../generated/nimble-studio/types.js';
import type { paths as OciPaths } from '../../generated/oci-ai-data-platform/types.js';
import { createRequestBuilder, type AttemptInit } from '../../src/client/request-builder.js';
import type { HttpRequest } from '../../src/transport/http-request.js';

/** A transport that records the request and answers with `response`. */
function recording(response: () => Response): { init: AttemptInit; sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return {
    sent,
    init: {
      headers: {},
      transport: async (request) => {
        sent.push(request);
        return response();
      },
    },
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createRequestBuilder: the request, through openapi-fetch serializers', () => {
  it('fills path parameters percent-encoded, drops undefined query members, no body on GET', async () => {
    const http = createRequestBuilder<NimblePaths>('https://nimble.example/');
    const { init, sent } = recording(() => json(200, { sessions: [] }));
    await http.GET('/2020-08-01/studios/{studioId}/streaming-sessions', {
      ...init,
      params: {
        path: { studioId: 'stu dio/1' },
        query: { createdBy: undefined, nextToken: 'a+b=c', ownedBy: 'me', sessionIds: undefined },
      },
    });
    expect(sent.map((r) => ({ ...r, url: r.url.href }))).toEqual([
      {
        url: 'https://nimble.example/2020-08-01/studios/stu%20dio%2F1/streaming-sessions?nextToken=a%2Bb%3Dc&ownedBy=me',
        method: 'GET',
        headers: {},
        body: undefined,
      },
    ]);
  });

  it('sends a JSON body as application/json unless a header says otherwise', async () => {
    const http = createRequestBuilder<JupyterPaths>('http://127.0.0.1:8888');
    const { init, sent } = recording(() => json(201, { id: 's' }));
    const body = { path: 'a.ipynb', type: 'notebook', name: '', kernel: { name: 'python3' } };
    await http.POST('/api/sessions', { ...init, body });
    await http.POST('/api/sessions', {
      ...init,
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Extra': '1' },
      body,
    });
    expect(sent.map((r) => r.headers)).toEqual([
      { 'content-type': 'application/json' },
      { 'content-type': 'application/x-amz-json-1.1', 'x-extra': '1' },
    ]);
    expect(JSON.parse(sent[0]!.body!)).toEqual(body);
  });

  it('applies header parameters last, lower-cased, and skips unset ones', async () => {
    const http = createRequestBuilder<OciPaths>('https://aidp.example');
    const { init, sent } = recording(() => json(200, []));
    const path =
      '/20260430/aiDataPlatforms/{aiDataPlatformId}/workspaces/{workspaceKey}/notebook/api/sessions';
    const params = (id: string | undefined) => ({
      path: { aiDataPlatformId: 'p', workspaceKey: 'w' },
      header: { 'opc-request-id': id },
    });
    await http.GET(path, {
      ...init,
      headers: { 'opc-request-id': 'from-options' },
      params: params('mine'),
    });
    await http.GET(path, { ...init, params: params(undefined) });
    expect(sent.map((r) => r.headers)).toEqual([{ 'opc-request-id': 'mine' }, {}]);
  });
});

describe('createRequestBuilder: reading the response as openapi-fetch does', () => {
  const http = createRequestBuilder<JupyterPaths>('http://127.0.0.1:8888');
  const call = async (response: () => Response) =>
    http.GET('/api/sessions', { ...recording(response).init });

  it.each([
    ['JSON success', () => json(200, [{ id: 'a' }]), { data: [{ id: 'a' }] }],
    ['204 No Content', () => new Response(null, { status: 204 }), { data: undefined }],
    ['empty 200', () => new Response('', { status: 200 }), { data: undefined }],
    ['JSON error', () => json(404, { message: 'no' }), { error: { message: 'no' } }],
    [
      'text error',
      () => new Response('<html>bad gateway</html>', { status: 502 }),
      { error: '<html>bad gateway</html>' },
    ],
    ['empty error', () => new Response('', { status: 503 }), { error: undefined }],
  ])('%s', async (_name, response, expected) => {
    const result = await call(response);
    // `text` (the body as received, for InvalidResponseError) is checked in test/hostile.
    const {
      response: raw,
      text: _text,
      ...rest
    } = result as unknown as { response: Response; text?: string };
    expect(rest).toEqual(expected);
    expect(raw).toBeInstanceOf(Response);
  });

  it('a success body that is not JSON is a SyntaxError (the runtime retries it as a network fault)', async () => {
    await expect(call(() => new Response('{"cut', { status: 200 }))).rejects.toThrow(SyntaxError);
  });
});

/**
 * Generated calls are type-checked through openapi-fetch's types: each `@ts-expect-error` below
 * fails `npm run typecheck` if the call it marks were accepted. Never called.
 */
export function typeChecksOfGeneratedCalls(init: AttemptInit): void {
  const http = createRequestBuilder<NimblePaths>('https://nimble.example');
  // @ts-expect-error no such path in the Nimble spec
  void http.GET('/2020-08-01/studios/{studioId}/sessions', { ...init });
  void http.GET('/2020-08-01/studios/{studioId}/streaming-sessions', {
    ...init,
    // @ts-expect-error studioId is a path parameter, not a query member
    params: { path: { studioId: 's' }, query: { studioId: 's' } },
  });
  // @ts-expect-error the streaming sessions path has no POST
  void http.POST('/2020-08-01/studios/{studioId}/streaming-sessions', { ...init });
}

describe('createRequestBuilder: the awsJson fragment', () => {
  it('cuts the path fragment that names the operation; a `#` in a parameter stays encoded', async () => {
    const http = createRequestBuilder<NimblePaths>('https://nimble.example');
    const { init, sent } = recording(() => json(200, { sessions: [] }));
    await http.GET('/2020-08-01/studios/{studioId}/streaming-sessions', {
      ...init,
      params: { path: { studioId: 'a#b' }, query: { nextToken: '#t' } },
    });
    expect(sent[0]!.url.href).toBe(
      'https://nimble.example/2020-08-01/studios/a%23b/streaming-sessions?nextToken=%23t',
    );
    const athena = createRequestBuilder<AthenaPaths>('https://athena.example');
    await athena.POST('/#X-Amz-Target=AmazonAthena.ListNotebookSessions', {
      ...init,
      body: { NotebookId: '00000000-0000-4000-8000-000000000001' },
    });
    expect(sent[1]!.url.href).toBe('https://athena.example/');
  });
});
