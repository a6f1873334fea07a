import { ConfigurationError } from '../errors/index.js';
import type { OciSessionSummary } from './data.js';
import {
  filterOciSessions,
  ociFiltersFromQuery,
  ociNotFound,
  sessionCollectionResponse,
} from './oci.js';
import type { EmulatorJupyterGateway } from './options.js';
import { ociError, OCI_NOT_AUTHENTICATED_MESSAGE, type EmulatorResponse } from './wire.js';

/** A gateway with its defaults applied. */
export interface ResolvedGateway {
  /** Jupyter Server origin, e.g. `http://127.0.0.1:8888`. */
  origin: string;
  token: string;
  /** Undefined: serves every platform / workspace. */
  aiDataPlatformId: string | undefined;
  workspaceKey: string | undefined;
  timeoutMs: number;
}

const BASE_URL = /^\/20260430\/aiDataPlatforms\/([^/]+)\/workspaces\/([^/]+)\/notebook\/?/;

/** Applies defaults; reads the platform and workspace from a Jupyter base URL when not given. */
export function resolveGateways(
  option: EmulatorJupyterGateway | EmulatorJupyterGateway[] | undefined,
): ResolvedGateway[] {
  const list = option === undefined ? [] : Array.isArray(option) ? option : [option];
  return list.map((g, i) => {
    let url: URL;
    try {
      url = new URL(g.url);
    } catch {
      throw new ConfigurationError(`jupyter[${i}].url must be an absolute URL`);
    }
    if (typeof g.token !== 'string' || g.token === '') {
      throw new ConfigurationError(`jupyter[${i}].token must be a non-empty string`);
    }
    const fromPath = BASE_URL.exec(url.pathname);
    return {
      origin: url.origin,
      token: g.token,
      aiDataPlatformId:
        g.aiDataPlatformId ?? (fromPath ? decodeURIComponent(fromPath[1] as string) : undefined),
      workspaceKey:
        g.workspaceKey ?? (fromPath ? decodeURIComponent(fromPath[2] as string) : undefined),
      timeoutMs: g.timeoutMs ?? 10_000,
    };
  });
}

/** The first gateway that serves this platform and workspace. */
export function findGateway(
  gateways: readonly ResolvedGateway[],
  aiDataPlatformId: string,
  workspaceKey: string,
): ResolvedGateway | undefined {
  return gateways.find(
    (g) =>
      (g.aiDataPlatformId === undefined || g.aiDataPlatformId === aiDataPlatformId) &&
      (g.workspaceKey === undefined || g.workspaceKey === workspaceKey),
  );
}

/**
 * Jupyter `Session` (oci-contracts §4) to OCI `SessionSummary`: same snake_case
 * kernel fields; OCI adds `lifecycleState`, and a listed Jupyter session is
 * running, hence ACTIVE.
 */
export function toSessionSummary(session: Record<string, unknown>): Partial<OciSessionSummary> {
  const kernel = session.kernel as Record<string, unknown> | null | undefined;
  const pick = (from: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> =>
    Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]]));
  return {
    ...pick(session, ['id', 'name', 'path', 'type']),
    ...(kernel
      ? { kernel: pick(kernel, ['connections', 'execution_state', 'id', 'last_activity', 'name']) }
      : {}),
    lifecycleState: 'ACTIVE',
  } as Partial<OciSessionSummary>;
}

/** Maps a Jupyter error status to OCI's error (oci-contracts §2.4). */
export function mapJupyterError(status: number, text: string): EmulatorResponse {
  let message: string | undefined;
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string' && body.message !== '') message = body.message;
  } catch {
    // Jupyter answers unknown paths with an HTML page; keep OCI's own wording.
  }
  if (status === 404) return ociNotFound();
  if (status === 401 || status === 403)
    return ociError(401, 'NotAuthenticated', OCI_NOT_AUTHENTICATED_MESSAGE);
  if (status === 429) return ociError(429, 'TooManyRequests', message ?? 'Too many requests.');
  if (status >= 500)
    return ociError(500, 'InternalServerError', message ?? 'Internal Server Error');
  return ociError(400, 'InvalidParameter', message ?? `Upstream answered HTTP ${status}.`);
}

/**
 * Lists sessions through a real Jupyter Server: `GET <origin><path>` where the
 * path is the OCI path without a leading `/api` (the server runs with the OCI
 * prefix as its base_url), wraps the bare array into `{items}` and applies the
 * OCI filters.
 */
export async function forwardSessionsList(
  gateway: ResolvedGateway,
  rawPath: string,
  query: URLSearchParams,
): Promise<EmulatorResponse> {
  const path = rawPath.replace(/^\/api(?=\/20260430\/)/, '');
  let response: Response;
  let text: string;
  try {
    response = await fetch(gateway.origin + path, {
      headers: { authorization: `token ${gateway.token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(gateway.timeoutMs),
    });
    text = await response.text();
  } catch {
    return ociError(500, 'InternalServerError', 'The notebook server could not be reached.');
  }
  if (!response.ok) return mapJupyterError(response.status, text);
  let sessions: unknown;
  try {
    sessions = JSON.parse(text);
  } catch {
    sessions = undefined;
  }
  if (!Array.isArray(sessions)) {
    return ociError(500, 'InternalServerError', 'The notebook server sent an unexpected body.');
  }
  const items = sessions
    .filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null)
    .map(toSessionSummary);
  return sessionCollectionResponse(filterOciSessions(items, ociFiltersFromQuery(query)));
}
