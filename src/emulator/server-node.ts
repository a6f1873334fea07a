import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ATHENA_TARGET, listNotebookSessions } from './athena.js';
import { ATHENA_LIST_SESSIONS_TARGET, listSessions } from './athena-sessions.js';
import {
  awsKeyMap,
  generateOciTestKey,
  ociKeyMap,
  redactingCredentials,
  type EmulatorCredentials,
} from './credentials-node.js';
import { generateData, type EmulatorData } from './data.js';
import { corsPreflightHeaders, corsResponseHeaders } from './cors.js';
import { FaultSchedule, type FaultKind } from './faults.js';
import {
  finalHeaders,
  readBody,
  resetConnection,
  sendResponse,
  sendTruncated,
} from './http-node.js';
import { listStreamingSessions } from './nimble.js';
import { findGateway, forwardSessionsList, resolveGateways } from './oci-gateway.js';
import { listOciSessions } from './oci.js';
import { verifyOciSignature } from './oci-verify-node.js';
import { resolveOptions } from './resolve-options.js';
import type { EmulatorOptions } from './options.js';
import { routeRequest, type Route } from './router.js';
import { verifySigV4 } from './sigv4-verify-node.js';
import {
  awsJsonError,
  internalError,
  ociError,
  OCI_NOT_AUTHENTICATED_MESSAGE,
  restJsonError,
  throttlingError,
  type EmulatorResponse,
} from './wire.js';

/** The Athena operations the emulator serves, by `X-Amz-Target`. */
const ATHENA_HANDLERS: Record<string, (body: string, data: EmulatorData) => EmulatorResponse> = {
  [ATHENA_TARGET]: listNotebookSessions,
  [ATHENA_LIST_SESSIONS_TARGET]: listSessions,
};

/** One request as the emulator saw it, for assertions on retries and re-signing. */
export interface EmulatorRequestRecord {
  method: string;
  /** Request target as received (path and query). */
  target: string;
  api: Route['api'];
  /** Status sent; undefined when the connection was reset. */
  status: number | undefined;
  fault: FaultKind;
  /** Why authentication failed (AWS error code or OCI reason), when it did. */
  authFailure?: string;
  /** Signing-time headers as received (the Authorization header itself is not kept: it holds a signature). */
  headers: { date?: string; 'x-amz-date'?: string; 'x-date'?: string };
  /** Whether an Authorization header was present. */
  signed: boolean;
}

/** A running emulator. */
export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:4566`; every API is served under it. */
  url: string;
  port: number;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
  /** Test credentials the emulator accepts (redacted in JSON / inspect output). */
  credentials: EmulatorCredentials;
  /** The seeded data it serves (deeply frozen). */
  data: EmulatorData;
  /** Requests received so far, oldest first. */
  requests: readonly EmulatorRequestRecord[];
}

/** Starts the emulator on 127.0.0.1 (see {@link EmulatorOptions} for every option). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const o = resolveOptions(options);
  const data = generateData({ seed: o.seed, sizes: o.sizes, region: o.region, epochMs: o.epochMs });
  const ociTestKey = await generateOciTestKey();
  const awsKeys = awsKeyMap(options.awsCredentials);
  const ociKeys = ociKeyMap(options.ociPublicKeys, ociTestKey);
  const gateways = resolveGateways(options.jupyter);
  const faults = new FaultSchedule(o.faults, o.seed);
  const requests: EmulatorRequestRecord[] = [];
  const serverNow = (): number => Date.now() + o.clockOffsetMs;

  const authenticate = (
    route: Route,
    req: IncomingMessage,
    body: Buffer,
  ): EmulatorResponse | undefined => {
    if (!o.verifySignatures || route.api === 'none') return undefined;
    const target = req.url ?? '/';
    if (route.api === 'oci') {
      const result = verifyOciSignature(
        { method: req.method ?? 'GET', target, headers: req.headers, body },
        { keys: ociKeys, nowMs: serverNow(), toleranceMs: o.clockSkewToleranceMs },
      );
      if (result.ok) return undefined;
      const response = ociError(401, 'NotAuthenticated', OCI_NOT_AUTHENTICATED_MESSAGE);
      response.headers['x-emulator-auth-failure'] = result.reason;
      return response;
    }
    const result = verifySigV4(
      { method: req.method ?? 'GET', target, rawHeaders: req.rawHeaders, body },
      {
        credentials: awsKeys,
        region: o.region,
        service: route.service,
        nowMs: serverNow(),
        toleranceMs: o.clockSkewToleranceMs,
      },
    );
    if (result.ok) return undefined;
    // JSON-RPC (Coral) front doors answer auth failures with 400, REST (API
    // Gateway style) ones with 403, both with lower-case `message`.
    return route.protocol === 'awsJson'
      ? awsJsonError(result.code, result.message, { messageKey: 'message' })
      : restJsonError(result.code, 403, result.message);
  };

  const dispatch = async (
    route: Route,
    req: IncomingMessage,
    body: Buffer,
  ): Promise<EmulatorResponse> => {
    const target = req.url ?? '/';
    const query = new URLSearchParams(
      target.includes('?') ? target.slice(target.indexOf('?') + 1) : '',
    );
    switch (route.api) {
      case 'none':
        return route.response;
      case 'athena': {
        const handler = ATHENA_HANDLERS[String(req.headers['x-amz-target'])];
        if (!handler) {
          const name = req.headers['x-amz-target'] ?? '(none)';
          return awsJsonError(
            'UnknownOperationException',
            `Operation ${String(name)} is not supported.`,
            { messageKey: 'message' },
          );
        }
        const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
        if (type !== 'application/x-amz-json-1.1') {
          return awsJsonError(
            'SerializationException',
            'Content-Type must be application/x-amz-json-1.1.',
            { messageKey: 'message' },
          );
        }
        return handler(body.toString('utf8'), data);
      }
      case 'nimble':
        return listStreamingSessions(route.studioId, query, data, o.nimblePageSize);
      case 'oci': {
        const gateway = findGateway(gateways, route.aiDataPlatformId, route.workspaceKey);
        return gateway
          ? forwardSessionsList(gateway, route.rawPath, query)
          : listOciSessions(route.aiDataPlatformId, route.workspaceKey, query, data);
      }
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '/';
    const route = routeRequest(req.method ?? 'GET', target);
    const record: EmulatorRequestRecord = {
      method: req.method ?? 'GET',
      target,
      api: route.api,
      status: undefined,
      fault: 'none',
      headers: pickHeaders(req),
      signed: typeof req.headers.authorization === 'string',
    };
    requests.push(record);
    if (o.cors && record.method === 'OPTIONS') {
      // A preflight carries no credentials (Fetch standard, CORS-preflight fetch): never authenticated.
      record.status = 204;
      const headers = { ...corsPreflightHeaders(), date: new Date(serverNow()).toUTCString() };
      return sendResponse(res, 204, headers, '');
    }
    const body = await readBody(req);
    if (o.faults.latencyMs) await delay(o.faults.latencyMs);
    if (res.destroyed) return;
    let response: EmulatorResponse;
    if (body === undefined) {
      response = {
        status: 413,
        headers: { 'content-type': 'text/plain' },
        body: 'Request body too large',
      };
    } else {
      const denied = authenticate(route, req, body);
      if (denied) {
        record.authFailure = denied.headers['x-emulator-auth-failure'] ?? errorCode(denied);
        response = denied;
      } else {
        const decision = route.api === 'none' ? { kind: 'none' as const } : faults.next();
        record.fault = decision.kind;
        if (decision.kind === 'reset') return resetConnection(req);
        if (decision.kind === 'throttle') {
          response = throttlingError(route.protocol);
          if (decision.retryAfterSeconds !== undefined)
            response.headers['retry-after'] = String(decision.retryAfterSeconds);
        } else if (decision.kind === 'internal') {
          response = internalError(route.protocol);
        } else {
          response = await dispatch(route, req, body);
        }
      }
    }
    const headers = finalHeaders(response, serverNow(), {
      ...requestIdHeader(route, req),
      ...(o.cors ? corsResponseHeaders() : {}),
    });
    record.status = response.status;
    if (record.fault === 'truncate') sendTruncated(res, response.status, headers, response.body);
    else sendResponse(res, response.status, headers, response.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      sendResponse(
        res,
        500,
        { 'content-type': 'text/plain', date: new Date(serverNow()).toUTCString() },
        'emulator error',
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    credentials: redactingCredentials({
      region: o.region,
      aws: [...awsKeys.values()],
      oci: ociTestKey,
    }),
    data,
    requests,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}

function requestIdHeader(route: Route, req: IncomingMessage): Record<string, string> {
  if (route.protocol !== 'oci') return { 'x-amzn-requestid': randomUUID() };
  const given = req.headers['opc-request-id'];
  // oci-contracts §2.3: echoed when given (letters, digits, `_`, `-`), generated otherwise.
  const valid = typeof given === 'string' && /^[A-Za-z0-9_\-/]{1,98}$/.test(given);
  return { 'opc-request-id': valid ? given : randomUUID().replace(/-/g, '').toUpperCase() };
}

function errorCode(response: EmulatorResponse): string {
  const header = response.headers['x-amzn-errortype'];
  if (header) return header;
  try {
    const body = JSON.parse(response.body) as { __type?: string; code?: string };
    return body.__type ?? body.code ?? String(response.status);
  } catch {
    return String(response.status);
  }
}

function pickHeaders(req: IncomingMessage): EmulatorRequestRecord['headers'] {
  const out: EmulatorRequestRecord['headers'] = {};
  for (const name of ['date', 'x-amz-date', 'x-date'] as const) {
    const value = req.headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
