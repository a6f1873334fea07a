import type { EmulatorData, OciSessionSummary } from './data.js';
import { jsonResponse, ociError, OCI_NOT_FOUND_MESSAGE, type EmulatorResponse } from './wire.js';

/** Path of the sessions list (oci-contracts §3); an `/api` prefix is accepted too (§2.1, unresolved). */
export const OCI_SESSIONS_PATH =
  /^(?:\/api)?\/20260430\/aiDataPlatforms\/([^/]+)\/workspaces\/([^/]+)\/notebook\/api\/sessions\/?$/;

/** Optional query filters (oci-contracts §3); an empty value means "no filter". */
export interface OciSessionFilters {
  agentFlowKey?: string;
  cluster_id?: string;
  path?: string;
}

/** Reads the filters from the query string. */
export function ociFiltersFromQuery(query: URLSearchParams): OciSessionFilters {
  const value = (name: string): string | undefined => query.get(name) || undefined;
  return {
    agentFlowKey: value('agentFlowKey'),
    cluster_id: value('cluster_id'),
    path: value('path'),
  };
}

/** Keeps the sessions that pass every set filter. */
export function filterOciSessions<T extends Partial<OciSessionSummary>>(
  sessions: readonly T[],
  filters: OciSessionFilters,
): T[] {
  return sessions.filter(
    (s) =>
      (filters.agentFlowKey === undefined || s.agentFlowKey === filters.agentFlowKey) &&
      (filters.cluster_id === undefined || s.cluster_id === filters.cluster_id) &&
      (filters.path === undefined || s.path === filters.path),
  );
}

/** A stable entity tag for a body: two 32-bit FNV-1a hashes, hex. */
export function etagFor(body: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** A 200 `SessionCollection` with its `etag` header. */
export function sessionCollectionResponse(items: readonly unknown[]): EmulatorResponse {
  const response = jsonResponse('oci', 200, { items });
  response.headers.etag = etagFor(response.body);
  return response;
}

/** The 404 OCI sends for a platform or workspace that is absent or not the caller's. */
export function ociNotFound(): EmulatorResponse {
  return ociError(404, 'NotAuthorizedOrNotFound', OCI_NOT_FOUND_MESSAGE);
}

/** Handles the sessions list from the seeded data. */
export function listOciSessions(
  aiDataPlatformId: string,
  workspaceKey: string,
  query: URLSearchParams,
  data: EmulatorData,
): EmulatorResponse {
  const workspace = data.oci.platforms
    .find((p) => p.aiDataPlatformId === aiDataPlatformId)
    ?.workspaces.find((w) => w.workspaceKey === workspaceKey);
  if (!workspace) return ociNotFound();
  return sessionCollectionResponse(
    filterOciSessions(workspace.sessions, ociFiltersFromQuery(query)),
  );
}
