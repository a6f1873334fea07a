/**
 * A `fetch` on `node:http`/`node:https`, for the clients' `fetch` option. Under Node 20 the
 * global `fetch` (undici) is most of the per-request cost on a fast network: on loopback a
 * request through `node:http` costs about half as much (BENCHMARKS.md, table a). It covers what
 * a JSON API client needs, with `fetch`'s contracts where they matter to callers: rejection with
 * the signal's reason on abort, `TypeError` with the system error on `cause` for network
 * failures, a body cut short is an error, never a short success.
 */
// The module objects, not named imports: `http.request` is looked up on every request, so
// interceptors that patch it after this module loaded (nock 14 and MSW, through
// @mswjs/interceptors) still see the requests. An ESM named import of a builtin is a snapshot
// that such patches do not update (Node docs, module.syncBuiltinESMExports).
import http, {
  Agent as HttpAgent,
  type AgentOptions,
  type ClientRequest,
  type IncomingMessage,
} from 'node:http';
import https, { Agent as HttpsAgent } from 'node:https';
import { ConfigurationError } from '../errors/index.js';
import { createBufferedResponse } from './buffered-response.js';
import { decodeContent } from './content-encoding-node.js';
import { simpleRequest, viaRequest, type OutgoingRequest } from './fetch-request-node.js';

/** Options of {@link createNodeHttpFetch}. */
export interface NodeHttpFetchOptions {
  /**
   * Reuse connections between requests (default `true`). Applies to the agents created here,
   * not to ones given in `agent`.
   */
  keepAlive?: boolean;
  /**
   * Most sockets open at once per origin (default: unlimited, Node's default); further
   * requests wait for a free one. Applies to the agents created here, not to ones given in
   * `agent`.
   */
  maxSockets?: number;
  /** Agents to use instead of the ones created here, e.g. for a custom CA or client certificate. */
  agent?: { http?: HttpAgent; https?: HttpsAgent };
}

/**
 * Idle keep-alive sockets are closed after this long, before servers close them (Node's
 * default server `keepAliveTimeout` is 5 s), so a request rarely meets a socket the server has
 * just closed. Same value as undici's `keepAliveTimeout`; a server's `Keep-Alive: timeout=N`
 * hint shortens it (Node's `Agent.keepSocketAlive`).
 */
const IDLE_SOCKET_TIMEOUT_MS = 4_000;

/** Statuses whose response has a null body (Fetch standard, "null body status"). */
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/**
 * Creates a `fetch`-compatible function that sends through `node:http`/`node:https` on
 * keep-alive agents of its own; pass it as the clients' `fetch` option:
 * `new AthenaClient({ region, fetch: createNodeHttpFetch() })`.
 *
 * What it does like `fetch`: URL, method, headers and body from `(input, init)` (strings and
 * bytes are sent as they are; other bodies, `Headers` and `Request` inputs go through a
 * `Request` first), `Host` from the URL, `content-type: text/plain;charset=UTF-8` for a string
 * body without one; resolves to a real `Response`; rejects with `signal.reason` when the signal
 * aborts (and destroys the request); rejects with `TypeError('fetch failed')` whose `cause` is
 * the system error (`cause.code` e.g. `ECONNREFUSED`, `ECONNRESET`) when the connection fails,
 * and with `TypeError('terminated')` when the body is cut short (fewer bytes than
 * `Content-Length`, or the connection closed mid-body); decodes `gzip`, `deflate` and `br`
 * bodies (none is asked for: no `accept-encoding` is sent).
 *
 * What it does differently: the whole body is read before the promise resolves (fine for API
 * responses; a signal that aborts after that has no effect); redirects are never followed (the
 * 3xx response is returned; with `redirect: 'error'` it rejects), as the services these clients
 * call do not redirect; `cache`, `credentials`, `mode`, `keepalive` and other browser-only init
 * members are ignored; `response.type` is `default`. Only `http:` and `https:` URLs. The
 * `Response` keeps the body as bytes and makes a stream only if `response.body` is read.
 *
 * Node only (`cloud-sessions/node`). Idle sockets do not keep the process alive. Test doubles
 * that replace `globalThis.fetch` do not see its requests; nock 14 does (it intercepts
 * `node:http`), but give `replyWithError` an `Error`: for `node:http` requests its interceptor
 * drops any other value and the request never settles.
 */
export function createNodeHttpFetch(options: NodeHttpFetchOptions = {}): typeof fetch {
  const { keepAlive = true, maxSockets } = options;
  if (typeof keepAlive !== 'boolean') {
    throw new ConfigurationError('createNodeHttpFetch: keepAlive must be a boolean');
  }
  if (
    maxSockets !== undefined &&
    !(maxSockets === Infinity || (Number.isInteger(maxSockets) && maxSockets >= 1))
  ) {
    throw new ConfigurationError(
      'createNodeHttpFetch: maxSockets must be a positive integer or Infinity',
    );
  }
  const agentOptions: AgentOptions = { keepAlive, timeout: IDLE_SOCKET_TIMEOUT_MS };
  if (maxSockets !== undefined) agentOptions.maxSockets = maxSockets;
  let httpAgent = options.agent?.http;
  let httpsAgent = options.agent?.https;
  const agentFor = (secure: boolean): HttpAgent =>
    secure
      ? (httpsAgent ??= new HttpsAgent(agentOptions))
      : (httpAgent ??= new HttpAgent(agentOptions));

  const nodeFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let prepared: OutgoingRequest | undefined;
    try {
      prepared = simpleRequest(input, init);
    } catch (error) {
      return Promise.reject(error);
    }
    return prepared
      ? send(prepared, agentFor)
      : viaRequest(input, init).then((wire) => send(wire, agentFor));
  };
  return nodeFetch as typeof fetch;
}

/** Sends one request and resolves once its whole body has arrived. */
function send(wire: OutgoingRequest, agentFor: (secure: boolean) => HttpAgent): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const { url, signal } = wire;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let settled = false;
    const finish = (error: unknown, response?: Response): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (response) resolve(response);
      else reject(error);
    };
    const secure = url.protocol === 'https:';
    let request: ClientRequest;
    try {
      request = (secure ? https.request : http.request)({
        // URL keeps IPv6 literals in brackets; Node wants them bare (as its urlToHttpOptions does).
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port === '' ? undefined : Number(url.port),
        path: url.pathname + url.search,
        method: wire.method,
        headers: wire.headers,
        agent: agentFor(secure),
      });
    } catch (error) {
      // Node validates header names and values as it builds the request; `fetch` throws
      // TypeError for those too.
      throw new TypeError(error instanceof Error ? error.message : String(error), { cause: error });
    }
    // fetch rejects with the signal's reason, whatever it is (Fetch standard, "abort fetch").
    const onAbort = (): void => {
      finish(signal!.reason);
      request.destroy();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error) => finish(new TypeError('fetch failed', { cause: error })));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      // Node destroys the response with ECONNRESET "aborted" when the socket closes before the
      // message is complete (Content-Length not reached, chunked body unfinished).
      response.on('error', (error) => finish(new TypeError('terminated', { cause: error })));
      // Only builds the error (and its stack) when the body really was cut short.
      response.on('close', () => settled || finish(terminated()));
      response.on('end', () => {
        if (!response.complete) return finish(terminated());
        try {
          finish(undefined, toResponse(wire, response, chunks));
        } catch (error) {
          finish(error);
        }
      });
    });
    request.end(wire.body);
  });
}

function terminated(): TypeError {
  const cause = Object.assign(
    new Error('The connection closed before the response body was complete'),
    { code: 'ECONNRESET' },
  );
  return new TypeError('terminated', { cause });
}

function toResponse(wire: OutgoingRequest, message: IncomingMessage, chunks: Buffer[]): Response {
  const status = message.statusCode ?? 0;
  if (status < 200 || status > 599) {
    throw new TypeError('fetch failed', {
      cause: new RangeError(`The server sent status ${status}, outside 200-599`),
    });
  }
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  if (wire.redirect === 'error' && status >= 300 && status < 400 && headers.has('location')) {
    throw new TypeError('fetch failed', {
      cause: new Error(`The server redirected (${status}) and redirect is 'error'`),
    });
  }
  const nullBody = NULL_BODY_STATUS.has(status) || wire.method === 'HEAD';
  let body: Uint8Array | null = null;
  if (!nullBody) {
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    body = decodeContent(bytes, headers.get('content-encoding'));
  }
  const init = { status, statusText: message.statusMessage ?? '', headers };
  return createBufferedResponse(body, init, responseUrl(wire.url));
}

/** As with `fetch`, `response.url` is the URL that was requested, without its fragment. */
function responseUrl(requested: URL): string {
  return requested.hash === '' ? requested.href : requested.href.slice(0, -requested.hash.length);
}
