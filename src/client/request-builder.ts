import { createFinalURL, createQuerySerializer, type Client } from 'openapi-fetch';
import { ValidationError, isCloudSessionsError } from '../errors/index.js';
import type { HttpRequest } from '../transport/http-request.js';
import { checkPathSegments } from './path-segments.js';
import { rfc3986PathSerializer } from './path-labels.js';

/** The per-attempt options a generated call spreads into its request. */
export interface AttemptInit {
  /** Signs and sends (the runtime's transport step). Header names are lower case. */
  transport: (request: HttpRequest) => Promise<Response>;
  headers: Record<string, string>;
}

/** What the runtime reads from a response: openapi-fetch's `{ data, error, response }`. */
export interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
  /** The body as received, for errors about it (InvalidResponseError.body). */
  text?: string;
}

/** The HTTP methods a generated client calls. */
type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD';

/**
 * openapi-fetch's client interface for the methods generated code calls. Generated calls are
 * type-checked against the spec's `paths` through it (wrong path, parameter or body: tsc error).
 */
export type RequestBuilder<Paths extends {}> = Pick<Client<Paths>, Method>;

/** Parameters as generated calls pass them (openapi-fetch's `params` shape). */
interface Params {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
}

interface CallInit extends AttemptInit {
  params?: Params;
  body?: unknown;
}

const querySerializer = createQuerySerializer();

/** Labels encoded as the AWS SDKs do (path-labels.ts), then segments checked (path-segments.ts). */
const pathSerializer = (path: string, params: Record<string, unknown>): string =>
  checkPathSegments(path, rfc3986PathSerializer(path, params));

/**
 * A request builder on openapi-fetch's own serializers (`createFinalURL`, the query serializer,
 * the path serializer behind path-labels.ts), without `createClient`: its middleware, `Request`
 * objects and header merges are per-request cost and 4 KB of every browser bundle, and the
 * runtime needs none of them (it signs and sends itself). Semantics kept from openapi-fetch 0.17 `coreFetch`: JSON
 * body with `content-type: application/json` unless a header overrides it, header parameters
 * applied last, and its response reading (an empty body is no body; JSON on success; on
 * failure JSON when it parses, text otherwise).
 */
export function createRequestBuilder<Paths extends {}>(baseUrl: string): RequestBuilder<Paths> {
  const base = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
  const call =
    (method: Method) =>
    (path: string, init: CallInit): Promise<RawResult> =>
      send(base, method, path, init);
  // Generated code reads only `{ data, error, response }`; openapi-fetch's result types are
  // that shape narrowed per operation.
  return {
    GET: call('GET'),
    PUT: call('PUT'),
    POST: call('POST'),
    DELETE: call('DELETE'),
    PATCH: call('PATCH'),
    HEAD: call('HEAD'),
  } as unknown as RequestBuilder<Paths>;
}

async function send(
  baseUrl: string,
  method: Method,
  path: string,
  init: CallInit,
): Promise<RawResult> {
  const params = init.params ?? {};
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  for (const name in init.headers) headers[name.toLowerCase()] = init.headers[name]!;
  for (const name in params.header) {
    const value = params.header[name];
    if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
  }
  const response = await init.transport({
    url: buildUrl(baseUrl, path, params),
    method,
    headers,
    body,
  });
  return readResponse(response);
}

/**
 * The request URL. What cannot be built (a value `encodeURIComponent` refuses with URIError)
 * is a ValidationError: it is known before sending and no retry changes it.
 */
function buildUrl(baseUrl: string, path: string, params: Params): URL {
  try {
    const url = createFinalURL(path, { baseUrl, params, querySerializer, pathSerializer });
    // awsJson paths carry the operation in a fragment (`/#X-Amz-Target=...`); it is never sent.
    // Cut before parsing: the serializers percent-encode `#` in parameters, so the first `#` is
    // the fragment, and parsing the shorter string is cheaper than clearing `url.hash` after.
    const fragment = url.indexOf('#');
    return new URL(fragment < 0 ? url : url.slice(0, fragment));
  } catch (error) {
    if (isCloudSessionsError(error)) throw error;
    throw new ValidationError(
      'input',
      'URL',
      `the request URL cannot be built from the input (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

async function readResponse(response: Response): Promise<RawResult> {
  // openapi-fetch reads no body on 204, HEAD or `content-length: 0`; those bodies are empty,
  // so reading the text and treating "" as no body is the same result without two header
  // look-ups per response.
  const text = await response.text();
  if (response.ok) return { data: text ? JSON.parse(text) : undefined, response, text };
  if (!text) return { error: undefined, response };
  try {
    return { error: JSON.parse(text), response };
  } catch {
    return { error: text, response };
  }
}
