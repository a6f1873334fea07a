/**
 * The `(input, init)` of a `fetch` call, normalized as `fetch` would before sending it (URL,
 * method, headers, body framing), for the `node:http` transport. Node only: `Buffer`.
 */

/** Methods `fetch` upper-cases (Fetch standard, "normalize a method"). */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

/** Methods `fetch` refuses (Fetch standard, "forbidden method"). */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** One request, normalized as `fetch` would before sending it. */
export interface OutgoingRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  signal: AbortSignal | undefined;
  redirect: RequestRedirect;
}

/**
 * The common case without allocating a `Request`: a URL, a plain-object (or no) headers init and
 * a string (or no) body. Anything else returns `undefined` and goes through {@link viaRequest}.
 */
export function simpleRequest(
  input: string | URL | Request,
  init?: RequestInit,
): OutgoingRequest | undefined {
  if (typeof input !== 'string' && !(input instanceof URL)) return undefined;
  const given = init?.headers;
  if (given !== undefined && (given instanceof Headers || Array.isArray(given))) return undefined;
  const body = init?.body ?? undefined;
  if (body !== undefined && typeof body !== 'string') return undefined;

  const url = new URL(input);
  const method = normalizeMethod(init?.method ?? 'GET');
  if (body !== undefined && (method === 'GET' || method === 'HEAD')) {
    throw new TypeError('Request with GET/HEAD method cannot have body.');
  }
  const headers: Record<string, string> = {};
  for (const name in given) {
    const value = (given as Record<string, string>)[name]!;
    const lower = name.toLowerCase();
    // The Host header always comes from the URL (Node sets it), as with `fetch`.
    if (lower === 'host') continue;
    const previous = headers[lower];
    headers[lower] = previous === undefined ? value : `${previous}, ${value}`;
  }
  if (body !== undefined && headers['content-type'] === undefined) {
    headers['content-type'] = 'text/plain;charset=UTF-8';
  }
  return checked({
    url,
    method,
    headers,
    body,
    signal: init?.signal ?? undefined,
    redirect: init?.redirect ?? 'follow',
  });
}

/** Everything else: a `Request` applies `fetch`'s rules to inputs, headers and bodies. */
export async function viaRequest(
  input: string | URL | Request,
  init?: RequestInit,
): Promise<OutgoingRequest> {
  const request = new Request(input, init);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (name !== 'host') headers[name] = value;
  });
  const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  return checked({
    url: new URL(request.url),
    method: request.method,
    headers,
    body,
    signal: init?.signal ?? (input instanceof Request ? input.signal : undefined),
    redirect: request.redirect,
  });
}

function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  if (FORBIDDEN_METHODS.has(upper)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}

/**
 * Checks the URL and frames the body as undici does: `Content-Length` from the body whenever
 * it has bytes (Node frames a DELETE or OPTIONS body with neither length nor chunking, so the
 * server would never see it); an empty or absent body gets `Content-Length: 0` only for
 * methods that expect one (RFC 9110 §8.6: a client should not send it otherwise).
 */
function checked(request: OutgoingRequest): OutgoingRequest {
  const { body, method, headers } = request;
  const length =
    body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  if (length > 0 || method === 'POST' || method === 'PUT' || method === 'PATCH') {
    headers['content-length'] = String(length);
  } else {
    delete headers['content-length'];
    request.body = undefined;
  }
  const { protocol, username, password } = request.url;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new TypeError(`createNodeHttpFetch sends http: and https: URLs only, not ${protocol}`);
  }
  if (username !== '' || password !== '') {
    throw new TypeError('Request cannot be constructed from a URL that includes credentials');
  }
  return request;
}
