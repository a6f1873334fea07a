/**
 * `createNodeHttpFetch` against scripted loopback servers: the `fetch` contract the clients rely
 * on (what goes on the wire, the `Response` that comes back, aborts, network errors, bodies cut
 * short), plus HTTPS and the agent options.
 */
import https from 'node:https';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeHttpFetch } from 'cloud-sessions/node';
import { ConfigurationError } from 'cloud-sessions/runtime';
import { LOOPBACK_CERT, startServer, type Handler, type ScriptedServer } from './servers.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function server(handler: Handler, tls = false): Promise<ScriptedServer> {
  const started = await startServer(handler, tls);
  cleanups.push(() => started.close());
  return started;
}

const json: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('the request succeeded'),
    (error: unknown) => error,
  );
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createNodeHttpFetch: the request on the wire', () => {
  it('sends method, path and query, headers and body, with Host taken from the URL', async () => {
    const s = await server(json);
    await createNodeHttpFetch()(`${s.url}/a/b%20c?x=1&y=%2F#fragment`, {
      method: 'post',
      headers: { 'Content-Type': 'application/json', host: 'elsewhere.test', 'x-one': '1' },
      body: '{"a":"é"}',
    });
    const [seen] = s.requests;
    expect(seen?.method).toBe('POST');
    expect(seen?.target).toBe('/a/b%20c?x=1&y=%2F');
    expect(seen?.headers.host).toBe(`127.0.0.1:${s.port}`);
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.headers['x-one']).toBe('1');
    expect(seen?.headers['content-length']).toBe(String(Buffer.byteLength('{"a":"é"}')));
    expect(seen?.body.toString('utf8')).toBe('{"a":"é"}');
  });

  it('asks for no compression and sends no body, length or type on a GET', async () => {
    const s = await server(json);
    await createNodeHttpFetch()(s.url);
    const seen = s.requests[0]!;
    expect(seen.method).toBe('GET');
    expect(seen.headers['accept-encoding']).toBeUndefined();
    expect(seen.headers['content-length']).toBeUndefined();
    expect(seen.headers['content-type']).toBeUndefined();
    expect(seen.body).toHaveLength(0);
  });

  it('labels a string body without a content type text/plain, as fetch does', async () => {
    const s = await server(json);
    await createNodeHttpFetch()(s.url, { method: 'PUT', body: 'plain' });
    expect(s.requests[0]?.headers['content-type']).toBe('text/plain;charset=UTF-8');
  });

  it('frames a DELETE body with Content-Length, which Node alone would not, so it arrives', async () => {
    const s = await server(json);
    await createNodeHttpFetch()(s.url, { method: 'DELETE', body: 'gone' });
    expect(s.requests[0]?.headers['content-length']).toBe('4');
    expect(s.requests[0]?.body.toString()).toBe('gone');
  });

  it('takes Request inputs, Headers and byte bodies through a Request', async () => {
    const s = await server(json);
    const nodeFetch = createNodeHttpFetch();
    await nodeFetch(new Request(`${s.url}/r`, { method: 'POST', body: new Uint8Array([1, 2, 3]) }));
    await nodeFetch(`${s.url}/h`, {
      method: 'POST',
      headers: new Headers({ 'x-h': 'v' }),
      body: new URLSearchParams({ a: 'b c' }),
    });
    expect([...s.requests[0]!.body]).toEqual([1, 2, 3]);
    expect(s.requests[0]!.target).toBe('/r');
    expect(s.requests[1]!.headers['x-h']).toBe('v');
    expect(s.requests[1]!.headers['content-type']).toBe(
      'application/x-www-form-urlencoded;charset=UTF-8',
    );
    expect(s.requests[1]!.body.toString()).toBe('a=b+c');
  });

  it('rejects with TypeError, sending nothing, for a GET with a body, a non-HTTP URL or bad headers', async () => {
    const s = await server(json);
    const nodeFetch = createNodeHttpFetch();
    for (const call of [
      () => nodeFetch(s.url, { body: 'x' }),
      () => nodeFetch('ftp://127.0.0.1/'),
      () => nodeFetch(s.url, { headers: { 'bad name': 'v' } }),
      () => nodeFetch(s.url, { headers: { 'x-bad': 'a\nb' } }),
      () => nodeFetch(s.url, { method: 'CONNECT' }),
    ]) {
      expect(await rejection(call())).toBeInstanceOf(TypeError);
    }
    expect(s.requests).toHaveLength(0);
  });
});

describe('createNodeHttpFetch: the Response', () => {
  it('is a real Response with status, statusText, headers, url and the body', async () => {
    const s = await server((_req, res) => {
      res.writeHead(404, 'Nope', [
        ['Content-Type', 'application/json'],
        ['X-Amzn-RequestId', 'req-1'],
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
      ]);
      res.end('{"message":"not here"}');
    });
    const response = await createNodeHttpFetch()(`${s.url}/p?q=1#frag`);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(404);
    expect(response.ok).toBe(false);
    expect(response.statusText).toBe('Nope');
    expect(response.url).toBe(`${s.url}/p?q=1`);
    expect(response.headers.get('x-amzn-requestid')).toBe('req-1');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    const names: string[] = [];
    response.headers.forEach((_value, name) => names.push(name));
    expect(names).toContain('content-type');
    expect(await response.json()).toEqual({ message: 'not here' });
  });

  it('has a null body for 204 and for HEAD', async () => {
    const s = await server((req, res) => {
      res.writeHead(req.method === 'HEAD' ? 200 : 204, { 'content-length': '0' });
      res.end();
    });
    const nodeFetch = createNodeHttpFetch();
    expect((await nodeFetch(s.url, { method: 'DELETE' })).body).toBeNull();
    const head = await nodeFetch(s.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it('assembles a body sent in many chunks and decodes gzip, deflate and br', async () => {
    const text = JSON.stringify({ items: Array.from({ length: 2_000 }, (_, i) => `item-${i}`) });
    const encoders: Record<string, (b: Buffer) => Buffer> = {
      gzip: zlib.gzipSync,
      deflate: zlib.deflateSync,
      br: zlib.brotliCompressSync,
    };
    const s = await server(async (req, res) => {
      const coding = req.url!.slice(1);
      const bytes = coding === 'plain' ? Buffer.from(text) : encoders[coding]!(Buffer.from(text));
      res.writeHead(200, coding === 'plain' ? {} : { 'content-encoding': coding });
      for (let i = 0; i < bytes.length; i += 1_000) {
        res.write(bytes.subarray(i, i + 1_000));
        await settle(0);
      }
      res.end();
    });
    const nodeFetch = createNodeHttpFetch();
    for (const coding of ['plain', 'gzip', 'deflate', 'br']) {
      expect(await (await nodeFetch(`${s.url}/${coding}`)).text()).toBe(text);
    }
  });

  it('returns a redirect as it is, without following it; redirect "error" rejects', async () => {
    const s = await server((_req, res) => {
      res.writeHead(302, { location: '/elsewhere' });
      res.end();
    });
    const nodeFetch = createNodeHttpFetch();
    const response = await nodeFetch(`${s.url}/start`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/elsewhere');
    expect(await rejection(nodeFetch(s.url, { redirect: 'error' }))).toBeInstanceOf(TypeError);
    expect(s.requests.map((r) => r.target)).toEqual(['/start', '/']);
  });
});

describe('createNodeHttpFetch: failures', () => {
  it('rejects with TypeError whose cause.code is ECONNREFUSED when nothing listens', async () => {
    const s = await startServer(json);
    await s.close();
    const error = await rejection(createNodeHttpFetch()(s.url));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });

  it('rejects with cause.code ECONNRESET when the connection is reset before a response', async () => {
    const s = await server((req) => void req.socket.resetAndDestroy());
    const error = await rejection(createNodeHttpFetch()(s.url));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET');
  });

  it.each([
    ['fewer bytes than Content-Length', { 'content-length': '100' }],
    ['a chunked body ended mid-chunk', { 'transfer-encoding': 'chunked' }],
  ])('rejects a body cut short: %s', async (_name, headers) => {
    const s = await server((_req, res) => {
      res.writeHead(200, headers);
      res.flushHeaders();
      // Write raw bytes under the announced framing, then close the connection.
      const partial = 'content-length' in headers ? '{"items":[1,2' : '20\r\n{"items":[1,2';
      res.socket!.end(partial);
    });
    const error = await rejection(createNodeHttpFetch()(s.url));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('terminated');
  });

  it('rejects at once with the signal reason when aborted mid-request, and drops the connection', async () => {
    let closed = false;
    const s = await server((req) => void req.socket.on('close', () => (closed = true)));
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const call = rejection(createNodeHttpFetch()(s.url, { signal: controller.signal }));
    while (s.requests.length === 0) await settle(5);
    controller.abort(reason);
    expect(await call).toBe(reason);
    while (!closed) await settle(5);
    expect(closed).toBe(true);
  });

  it('rejects with the default AbortError reason while the body is arriving', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":');
    });
    const controller = new AbortController();
    const call = rejection(createNodeHttpFetch()(s.url, { signal: controller.signal }));
    while (s.requests.length === 0) await settle(5);
    await settle(20);
    controller.abort();
    const error = await call;
    expect(error).toBe(controller.signal.reason);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('sends nothing when the signal is already aborted', async () => {
    const s = await server(json);
    const reason = new Error('before start');
    const error = await rejection(
      createNodeHttpFetch()(s.url, { signal: AbortSignal.abort(reason) }),
    );
    expect(error).toBe(reason);
    await settle(50);
    expect(s.connections).toBe(0);
  });
});

describe('createNodeHttpFetch: connections and options', () => {
  it('reuses one connection by default and opens one per request with keepAlive: false', async () => {
    const reused = await server(json);
    const closing = await server(json);
    const keep = createNodeHttpFetch();
    const noKeep = createNodeHttpFetch({ keepAlive: false });
    for (let i = 0; i < 5; i++) {
      await (await keep(reused.url)).text();
      await (await noKeep(closing.url)).text();
    }
    expect(reused.connections).toBe(1);
    expect(closing.connections).toBe(5);
  });

  it('queues requests beyond maxSockets on the open sockets', async () => {
    const s = await server(async (_req, res) => {
      await settle(10);
      json(_req, res, s.requests[0]!);
    });
    const nodeFetch = createNodeHttpFetch({ maxSockets: 1 });
    await Promise.all(Array.from({ length: 4 }, () => nodeFetch(s.url)));
    expect(s.requests).toHaveLength(4);
    expect(s.connections).toBe(1);
  });

  it('speaks HTTPS through a given agent', async () => {
    const s = await server(json, true);
    const agent = new https.Agent({ ca: LOOPBACK_CERT, keepAlive: true });
    cleanups.push(async () => agent.destroy());
    const response = await createNodeHttpFetch({ agent: { https: agent } })(`${s.url}/tls`);
    expect(await response.json()).toEqual({ ok: true });
    expect(s.requests[0]?.headers.host).toBe(`127.0.0.1:${s.port}`);
    // Without the CA the default agent refuses the self-signed certificate.
    const error = await rejection(createNodeHttpFetch()(s.url));
    expect((error as { cause?: { code?: string } }).cause?.code).toBe(
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    );
  });

  it('rejects invalid options with ConfigurationError naming the option', () => {
    for (const options of [{ maxSockets: 0 }, { maxSockets: 1.5 }, { keepAlive: 'yes' }]) {
      expect(() => createNodeHttpFetch(options as never)).toThrow(ConfigurationError);
    }
    expect(() => createNodeHttpFetch({ maxSockets: 0 })).toThrow(/maxSockets/);
  });
});
