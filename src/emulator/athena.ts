import type { EmulatorData } from './data.js';
import { decodePageToken, encodePageToken } from './tokens.js';
import { awsJsonError, jsonResponse, type EmulatorResponse } from './wire.js';

/** X-Amz-Target of ListNotebookSessions (aws-contracts §1.1); ListSessions is in athena-sessions.ts. */
export const ATHENA_TARGET = 'AmazonAthena.ListNotebookSessions';

/** `NotebookSessionsList` holds at most 10 items whatever MaxResults says (aws-contracts D9). */
export const ATHENA_MAX_PAGE = 10;

const NOTEBOOK_ID_PATTERN = '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}';

/** Input after type checks, before constraint checks. */
interface ListNotebookSessionsInput {
  NotebookId?: string;
  MaxResults?: number;
  NextToken?: string;
}

/**
 * Type-checks the JSON body. Wrong JSON types are a SerializationException at
 * the front door, before the operation's constraints are looked at.
 */
function parseInput(body: string): ListNotebookSessionsInput | EmulatorResponse {
  let parsed: unknown;
  try {
    parsed = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return awsJsonError('SerializationException', 'Request body is not valid JSON.', {
      messageKey: 'message',
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return awsJsonError('SerializationException', 'Request body must be a JSON object.', {
      messageKey: 'message',
    });
  }
  const input = parsed as Record<string, unknown>;
  const typeErrors: string[] = [];
  const check = (name: string, ok: (v: unknown) => boolean, expected: string): void => {
    const value = input[name];
    if (value !== undefined && value !== null && !ok(value))
      typeErrors.push(`${name}: expected ${expected}`);
  };
  check('NotebookId', (v) => typeof v === 'string', 'a string');
  check('MaxResults', (v) => typeof v === 'number' && Number.isInteger(v), 'an integer');
  check('NextToken', (v) => typeof v === 'string', 'a string');
  if (typeErrors.length > 0) {
    return awsJsonError('SerializationException', typeErrors.join('; '), { messageKey: 'message' });
  }
  return {
    NotebookId: (input.NotebookId ?? undefined) as string | undefined,
    MaxResults: (input.MaxResults ?? undefined) as number | undefined,
    NextToken: (input.NextToken ?? undefined) as string | undefined,
  };
}

/**
 * Constraint violations in the AWS validation wording ("Value X at 'y' failed
 * to satisfy constraint: ..."), one per failed rule (aws-contracts §1.3).
 */
export function validateListNotebookSessions(input: ListNotebookSessionsInput): string[] {
  const errors: string[] = [];
  const fail = (value: unknown, member: string, rule: string): void => {
    const shown = value === undefined ? 'null' : `'${String(value)}'`;
    errors.push(`Value ${shown} at '${member}' failed to satisfy constraint: Member must ${rule}`);
  };
  const id = input.NotebookId;
  if (id === undefined) fail(id, 'notebookId', 'not be null');
  else {
    if (id.length < 1) fail(id, 'notebookId', 'have length greater than or equal to 1');
    if (id.length > 36) fail(id, 'notebookId', 'have length less than or equal to 36');
    if (!new RegExp(`^${NOTEBOOK_ID_PATTERN}$`).test(id)) {
      fail(id, 'notebookId', `satisfy regular expression pattern: ${NOTEBOOK_ID_PATTERN}`);
    }
  }
  const max = input.MaxResults;
  if (max !== undefined && max < 1)
    fail(max, 'maxResults', 'have value greater than or equal to 1');
  if (max !== undefined && max > 100)
    fail(max, 'maxResults', 'have value less than or equal to 100');
  const token = input.NextToken;
  if (token !== undefined && token.length < 1) {
    fail(token, 'nextToken', 'have length greater than or equal to 1');
  }
  if (token !== undefined && token.length > 1024) {
    fail('***', 'nextToken', 'have length less than or equal to 1024');
  }
  return errors;
}

function invalidRequest(message: string): EmulatorResponse {
  return awsJsonError('InvalidRequestException', message, {
    extra: { AthenaErrorCode: 'INVALID_INPUT' },
  });
}

/** Handles `AmazonAthena.ListNotebookSessions` for a raw JSON body. */
export function listNotebookSessions(body: string, data: EmulatorData): EmulatorResponse {
  const input = parseInput(body);
  if ('status' in input) return input;
  const errors = validateListNotebookSessions(input);
  if (errors.length > 0) {
    const count = `${errors.length} validation error${errors.length > 1 ? 's' : ''} detected: `;
    return invalidRequest(count + errors.join('; '));
  }
  const notebookId = input.NotebookId as string;
  const notebook = data.athena.notebooks.find((n) => n.notebookId === notebookId);
  if (!notebook) {
    return awsJsonError('ResourceNotFoundException', `Notebook ${notebookId} was not found.`, {
      extra: { ResourceName: notebookId },
    });
  }
  const all = notebook.sessions;
  let offset = 0;
  if (input.NextToken !== undefined) {
    const decoded = decodePageToken(input.NextToken, notebookId, all.length);
    if (decoded === undefined)
      return invalidRequest('The NextToken is not valid for this request.');
    offset = decoded;
  }
  const pageSize = Math.min(input.MaxResults ?? ATHENA_MAX_PAGE, ATHENA_MAX_PAGE);
  const end = offset + pageSize;
  return jsonResponse('awsJson', 200, {
    NotebookSessionsList: all.slice(offset, end),
    ...(end < all.length ? { NextToken: encodePageToken({ scope: notebookId, offset: end }) } : {}),
  });
}
