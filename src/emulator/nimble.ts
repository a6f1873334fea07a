import type { EmulatorData } from './data.js';
import type { NimbleStreamingSession } from './nimble-data.js';
import { decodePageToken, encodePageToken } from './tokens.js';
import { jsonResponse, restJsonError, type EmulatorResponse } from './wire.js';

/** Default page size: ListStreamingSessions has no maxResults, so the service picks (aws-contracts D8). */
export const NIMBLE_DEFAULT_PAGE_SIZE = 25;

/** Query filters of ListStreamingSessions (aws-contracts §2.2). */
export interface StreamingSessionFilters {
  createdBy?: string;
  ownedBy?: string;
  /**
   * `sessionIds` is one string in the model and no source names a delimiter
   * (aws-contracts D2); the emulator reads it as comma-separated ids.
   */
  sessionIds?: string[];
}

/**
 * Reads the filters from the query. An empty value (`createdBy=`, which the JS
 * SDK sends for an empty string) means "no filter".
 */
export function filtersFromQuery(query: URLSearchParams): StreamingSessionFilters {
  const value = (name: string): string | undefined => query.get(name) || undefined;
  const ids = value('sessionIds')
    ?.split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return {
    createdBy: value('createdBy'),
    ownedBy: value('ownedBy'),
    sessionIds: ids && ids.length > 0 ? ids : undefined,
  };
}

/** True when `session` passes every set filter. */
export function matchesFilters(
  session: NimbleStreamingSession,
  filters: StreamingSessionFilters,
): boolean {
  return (
    (filters.createdBy === undefined || session.createdBy === filters.createdBy) &&
    (filters.ownedBy === undefined || session.ownedBy === filters.ownedBy) &&
    (filters.sessionIds === undefined || filters.sessionIds.includes(session.sessionId))
  );
}

/**
 * Handles `GET /2020-08-01/studios/{studioId}/streaming-sessions`. The token
 * is bound to the studio and the filters, so changing filters mid-pagination
 * is a ValidationException rather than silently skipping items.
 */
export function listStreamingSessions(
  studioId: string,
  query: URLSearchParams,
  data: EmulatorData,
  pageSize: number,
): EmulatorResponse {
  const studio = data.nimble.studios.find((s) => s.studioId === studioId);
  if (!studio) {
    return restJsonError('ResourceNotFoundException', 404, `Studio ${studioId} was not found.`, {
      code: 'ResourceNotFound',
      context: { studioId },
    });
  }
  const filters = filtersFromQuery(query);
  const matching = studio.sessions.filter((s) => matchesFilters(s, filters));
  const scope = JSON.stringify([studioId, filters.createdBy, filters.ownedBy, filters.sessionIds]);
  let offset = 0;
  const token = query.get('nextToken');
  if (token) {
    const decoded = decodePageToken(token, scope, matching.length);
    if (decoded === undefined) {
      return restJsonError('ValidationException', 400, 'The nextToken is not valid.', {
        code: 'InvalidNextToken',
        context: { nextToken: 'invalid' },
      });
    }
    offset = decoded;
  }
  const end = offset + pageSize;
  return jsonResponse('restJson', 200, {
    sessions: matching.slice(offset, end),
    ...(end < matching.length ? { nextToken: encodePageToken({ scope, offset: end }) } : {}),
  });
}
