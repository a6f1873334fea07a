/**
 * Shared pieces of the end-to-end tests: generated clients pointed at the emulator (or a
 * fault-injecting proxy in front of it), a logger that records retries, and, per protocol,
 * one list call plus the error responses that protocol really sends.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AthenaClient, type AthenaClientConfig } from 'cloud-sessions/athena';
import { NimbleStudioClient, type NimbleStudioClientConfig } from 'cloud-sessions/nimble-studio';
import {
  AiDataPlatformClient,
  type AiDataPlatformClientConfig,
} from 'cloud-sessions/oci-ai-data-platform';
import type { Emulator } from '../../src/emulator/index.js';
import type { FaultAction } from '../helpers/fault-server.js';

/**
 * Retry settings for tests about correctness rather than policy: fast, generous, no quota,
 * and no additive jitter (OCI's default adds up to 1 s per retry).
 */
export const FAST_RETRY = {
  baseDelayMs: 1,
  maxDelayMs: 5,
  additiveJitterMs: 0,
  maxAttempts: 10,
  quota: false,
} as const;

/** One `warn` entry the runtime logs before a retry. */
export interface RetryLogEntry {
  attempt: number;
  reason: string;
  delayMs: number;
  error: string;
}

/** A logger that keeps the retry entries, and an optional hook called on each. */
export function retryLog(onWarn?: (entry: RetryLogEntry) => void): {
  logger: { warn(message: string, details?: Record<string, unknown>): void };
  entries: RetryLogEntry[];
} {
  const entries: RetryLogEntry[] = [];
  return {
    entries,
    logger: {
      warn(_message, details) {
        const entry = details as unknown as RetryLogEntry;
        entries.push(entry);
        onWarn?.(entry);
      },
    },
  };
}

type CommonConfig = Pick<AthenaClientConfig, 'retry' | 'logger' | 'fetch'>;

/**
 * The transport these suites run on when a test names none: the client default (in Node, the
 * keep-alive `node:http` transport), or, with `CLOUD_SESSIONS_TEST_FETCH=global`,
 * `globalThis.fetch` (undici). `.ci/run` runs the transport-facing suites both ways, so
 * signals, timeouts, retries, content-encoding and error mapping are checked on each.
 */
const TRANSPORT: CommonConfig =
  process.env.CLOUD_SESSIONS_TEST_FETCH === 'global' ? { fetch: 'global' } : {};

export function athenaClient(
  emulator: Emulator,
  config: CommonConfig & {
    endpoint?: string;
    credentials?: AthenaClientConfig['credentials'];
  } = {},
): AthenaClient {
  return new AthenaClient({
    region: emulator.credentials.region,
    credentials: emulator.credentials.aws[0]!,
    ...TRANSPORT,
    ...config,
    endpoint: config.endpoint ?? emulator.url,
  });
}

export function nimbleClient(
  emulator: Emulator,
  config: CommonConfig & {
    endpoint?: string;
    credentials?: NimbleStudioClientConfig['credentials'];
  } = {},
): NimbleStudioClient {
  return new NimbleStudioClient({
    region: emulator.credentials.region,
    credentials: emulator.credentials.aws[0]!,
    ...TRANSPORT,
    ...config,
    endpoint: config.endpoint ?? emulator.url,
  });
}

export function ociClient(
  emulator: Emulator,
  config: CommonConfig & { endpoint?: string; auth?: AiDataPlatformClientConfig['auth'] } = {},
): AiDataPlatformClient {
  return new AiDataPlatformClient({
    region: 'us-ashburn-1',
    auth: {
      keyId: emulator.credentials.oci.keyId,
      privateKey: emulator.credentials.oci.privateKeyPem,
    },
    ...TRANSPORT,
    ...config,
    endpoint: config.endpoint ?? emulator.url,
  });
}

/** A protocol as the fault tests see it: one list call and the responses that protocol sends. */
export interface ProtocolCase {
  name: 'athena' | 'nimble' | 'oci';
  family: 'aws' | 'oci';
  /** One list call on a fresh client against `endpoint` (the emulator or a proxy in front of it). */
  list(
    emulator: Emulator,
    config: CommonConfig & { endpoint?: string },
    signal?: AbortSignal,
  ): Promise<unknown>;
  /** The service's throttling response; `retryAfter` adds a `Retry-After` header. */
  throttle(retryAfter?: string): FaultAction;
  /** A 500 in the service's own error shape. */
  internal(): FaultAction;
  /** A non-retryable 400 in the service's own error shape, and its error code. */
  badRequest(): FaultAction & { code: string };
  /** Names of the error classes the client raises for those. */
  throttleErrorName: string;
  internalErrorName: string;
}

const AWS_JSON = { 'content-type': 'application/x-amz-json-1.1' };
const JSON_TYPE = { 'content-type': 'application/json' };

function withRetryAfter(headers: Record<string, string>, retryAfter?: string) {
  return retryAfter === undefined ? headers : { ...headers, 'retry-after': retryAfter };
}

export const PROTOCOLS: readonly ProtocolCase[] = [
  {
    name: 'athena',
    family: 'aws',
    list: (emulator, config, signal) =>
      athenaClient(emulator, config).listNotebookSessions(
        { NotebookId: emulator.data.athena.notebooks[0]!.notebookId },
        { signal },
      ),
    // awsJson1_1 front doors throttle with HTTP 400 and the type in `__type` (aws-contracts §1.5).
    throttle: (retryAfter) => ({
      kind: 'respond',
      status: 400,
      headers: withRetryAfter(AWS_JSON, retryAfter),
      body: JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }),
    }),
    internal: () => ({
      kind: 'respond',
      status: 500,
      headers: AWS_JSON,
      body: JSON.stringify({ __type: 'InternalServerException', Message: 'Internal error.' }),
    }),
    badRequest: () => ({
      kind: 'respond',
      status: 400,
      headers: AWS_JSON,
      code: 'InvalidRequestException',
      body: JSON.stringify({
        __type: 'InvalidRequestException',
        Message: 'bad input',
        AthenaErrorCode: 'INVALID_INPUT',
      }),
    }),
    throttleErrorName: 'AthenaServiceException',
    internalErrorName: 'InternalServerException',
  },
  {
    name: 'nimble',
    family: 'aws',
    list: (emulator, config, signal) =>
      nimbleClient(emulator, config).listStreamingSessions(
        { studioId: emulator.data.nimble.studios[0]!.studioId },
        { signal },
      ),
    throttle: (retryAfter) => ({
      kind: 'respond',
      status: 429,
      headers: withRetryAfter(
        { ...JSON_TYPE, 'x-amzn-errortype': 'ThrottlingException' },
        retryAfter,
      ),
      body: JSON.stringify({ message: 'Rate exceeded', code: 'ThrottlingException', context: {} }),
    }),
    internal: () => ({
      kind: 'respond',
      status: 500,
      headers: { ...JSON_TYPE, 'x-amzn-errortype': 'InternalServerErrorException' },
      body: JSON.stringify({ message: 'Internal error.', code: 'InternalServerError' }),
    }),
    badRequest: () => ({
      kind: 'respond',
      status: 400,
      headers: { ...JSON_TYPE, 'x-amzn-errortype': 'ValidationException' },
      code: 'ValidationException',
      body: JSON.stringify({ message: 'bad input', code: 'InvalidParameter', context: {} }),
    }),
    throttleErrorName: 'ThrottlingException',
    internalErrorName: 'InternalServerErrorException',
  },
  {
    name: 'oci',
    family: 'oci',
    list: (emulator, config, signal) => {
      const platform = emulator.data.oci.platforms[0]!;
      return ociClient(emulator, config).listSessions(
        {
          aiDataPlatformId: platform.aiDataPlatformId,
          workspaceKey: platform.workspaces[0]!.workspaceKey,
        },
        { signal },
      );
    },
    // oci-common retries 429 only with code TooManyRequests (oci-contracts §2.5).
    throttle: (retryAfter) => ({
      kind: 'respond',
      status: 429,
      headers: withRetryAfter(JSON_TYPE, retryAfter),
      body: JSON.stringify({ code: 'TooManyRequests', message: 'Too many requests for the user.' }),
    }),
    internal: () => ({
      kind: 'respond',
      status: 500,
      headers: JSON_TYPE,
      body: JSON.stringify({ code: 'InternalServerError', message: 'Internal Server Error' }),
    }),
    badRequest: () => ({
      kind: 'respond',
      status: 400,
      headers: JSON_TYPE,
      code: 'InvalidParameter',
      body: JSON.stringify({ code: 'InvalidParameter', message: 'bad input' }),
    }),
    throttleErrorName: 'TooManyRequests',
    internalErrorName: 'InternalServerError',
  },
];

/** One request the paged OCI server received. */
export interface PagedRequest {
  target: string;
  /** The `page` query parameter, or null when absent. */
  page: string | null;
  signed: boolean;
}

/**
 * A loopback OCI sessions list that pages with the `opc-next-page` header (`page` query
 * parameter in, header out), as OCI list operations that paginate do (oci-contracts §2.2).
 * Tokens are opaque (`tok-<offset>`); an unknown token is a 400 InvalidParameter. It does not
 * verify signatures (the emulator's OCI list does not paginate); it records whether one came.
 */
export async function startPagedOciServer(options: {
  items: number;
  pageSize: number;
  /** Header value sent on the last page instead of omitting it (e.g. `''`). */
  lastPageHeader?: string;
}): Promise<{
  url: string;
  requests: PagedRequest[];
  ids: string[];
  close(): Promise<void>;
}> {
  const ids = Array.from({ length: options.items }, (_, i) => `ocid1.session.${i}`);
  const requests: PagedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const page = url.searchParams.get('page');
    requests.push({ target: req.url ?? '/', page, signed: Boolean(req.headers.authorization) });
    const offset = page === null ? 0 : /^tok-\d+$/.test(page) ? Number(page.slice(4)) : NaN;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'opc-request-id': `req-${requests.length}`,
      date: new Date().toUTCString(),
    };
    if (!Number.isInteger(offset) || offset >= ids.length) {
      res.writeHead(400, headers);
      res.end(
        JSON.stringify({ code: 'InvalidParameter', message: 'The page token is not valid.' }),
      );
      return;
    }
    const end = offset + options.pageSize;
    if (end < ids.length) headers['opc-next-page'] = `tok-${end}`;
    else if (options.lastPageHeader !== undefined)
      headers['opc-next-page'] = options.lastPageHeader;
    const items = ids.slice(offset, end).map((id) => ({ id, name: id, type: 'notebook' }));
    res.writeHead(200, headers);
    res.end(JSON.stringify({ items }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    ids,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
