import type { EmulatorData } from './data.js';
import { decodePageToken, encodePageToken } from './tokens.js';
import { awsJsonError, jsonResponse, type EmulatorResponse } from './wire.js';

/** `AmazonAthena.ListSessions`: the Spark sessions of a work group. */
export const ATHENA_LIST_SESSIONS_TARGET = 'AmazonAthena.ListSessions';

/**
 * Page size when MaxResults is absent. The model bounds MaxResults (1..100) and `SessionsList`
 * (0..100) but documents no default; the emulator picks 20 so a default listing has several pages.
 */
export const ATHENA_SESSIONS_DEFAULT_PAGE = 20;

/**
 * Constraints from the model (WorkGroupName, SessionState, MaxSessionsCount, SessionManagerToken).
 * They repeat what generated/athena/client.ts holds on purpose: the emulator plays the service and
 * must stay independent of the generator it checks (and src/ never imports generated/), so it
 * spells them out; test/athena-sessions/list-sessions.test.ts pins them to specs/athena.yaml.
 */
export const WORK_GROUP_PATTERN = '[a-zA-Z0-9._-]{1,128}';
export const SESSION_STATES = [
  'CREATING',
  'CREATED',
  'IDLE',
  'BUSY',
  'TERMINATING',
  'TERMINATED',
  'DEGRADED',
  'FAILED',
];

interface ListSessionsInput {
  WorkGroup?: string;
  StateFilter?: string;
  MaxResults?: number;
  NextToken?: string;
}

function serialization(message: string): EmulatorResponse {
  return awsJsonError('SerializationException', message, { messageKey: 'message' });
}

function parseInput(body: string): ListSessionsInput | EmulatorResponse {
  let parsed: unknown;
  try {
    parsed = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return serialization('Request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return serialization('Request body must be a JSON object.');
  const input = parsed as Record<string, unknown>;
  const typeErrors: string[] = [];
  for (const name of ['WorkGroup', 'StateFilter', 'NextToken']) {
    if (input[name] != null && typeof input[name] !== 'string')
      typeErrors.push(`${name}: expected a string`);
  }
  if (input.MaxResults != null && !Number.isInteger(input.MaxResults))
    typeErrors.push('MaxResults: expected an integer');
  if (typeErrors.length) return serialization(typeErrors.join('; '));
  return {
    WorkGroup: (input.WorkGroup ?? undefined) as string | undefined,
    StateFilter: (input.StateFilter ?? undefined) as string | undefined,
    MaxResults: (input.MaxResults ?? undefined) as number | undefined,
    NextToken: (input.NextToken ?? undefined) as string | undefined,
  };
}

/** Constraint violations in the AWS validation wording, one per failed rule. */
export function validateListSessions(input: ListSessionsInput): string[] {
  const errors: string[] = [];
  const fail = (value: unknown, member: string, rule: string): void => {
    const shown = value === undefined ? 'null' : `'${String(value)}'`;
    errors.push(`Value ${shown} at '${member}' failed to satisfy constraint: Member must ${rule}`);
  };
  const wg = input.WorkGroup;
  if (wg === undefined) fail(wg, 'workGroup', 'not be null');
  else if (!new RegExp(`^${WORK_GROUP_PATTERN}$`).test(wg))
    fail(wg, 'workGroup', `satisfy regular expression pattern: ${WORK_GROUP_PATTERN}`);
  if (input.StateFilter !== undefined && !SESSION_STATES.includes(input.StateFilter))
    fail(
      input.StateFilter,
      'stateFilter',
      `satisfy enum value set: [${SESSION_STATES.join(', ')}]`,
    );
  const max = input.MaxResults;
  if (max !== undefined && max < 1)
    fail(max, 'maxResults', 'have value greater than or equal to 1');
  if (max !== undefined && max > 100)
    fail(max, 'maxResults', 'have value less than or equal to 100');
  if (input.NextToken !== undefined && input.NextToken.length > 2048)
    fail('***', 'nextToken', 'have length less than or equal to 2048');
  return errors;
}

/** Handles `AmazonAthena.ListSessions` for a raw JSON body. */
export function listSessions(body: string, data: EmulatorData): EmulatorResponse {
  const input = parseInput(body);
  if ('status' in input) return input;
  const errors = validateListSessions(input);
  if (errors.length > 0) {
    const count = `${errors.length} validation error${errors.length > 1 ? 's' : ''} detected: `;
    return awsJsonError('InvalidRequestException', count + errors.join('; '), {
      extra: { AthenaErrorCode: 'INVALID_INPUT' },
    });
  }
  const workGroup = input.WorkGroup as string;
  const group = data.athena.workGroups.find((g) => g.workGroup === workGroup);
  if (!group) {
    return awsJsonError('ResourceNotFoundException', `WorkGroup ${workGroup} is not found.`, {
      extra: { ResourceName: workGroup },
    });
  }
  const all = input.StateFilter
    ? group.sessions.filter((s) => s.Status.State === input.StateFilter)
    : group.sessions;
  // The token is bound to the work group and filter, as a real service's would be.
  const scope = `${workGroup}|${input.StateFilter ?? ''}`;
  let offset = 0;
  if (input.NextToken !== undefined) {
    const decoded = decodePageToken(input.NextToken, scope, all.length);
    if (decoded === undefined)
      return awsJsonError(
        'InvalidRequestException',
        'The NextToken is not valid for this request.',
        {
          extra: { AthenaErrorCode: 'INVALID_INPUT' },
        },
      );
    offset = decoded;
  }
  const end = offset + (input.MaxResults ?? ATHENA_SESSIONS_DEFAULT_PAGE);
  return jsonResponse('awsJson', 200, {
    Sessions: all.slice(offset, end),
    ...(end < all.length ? { NextToken: encodePageToken({ scope, offset: end }) } : {}),
  });
}
