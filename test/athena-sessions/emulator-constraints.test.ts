/**
 * The emulator's ListSessions constraints are written out in src/emulator/athena-sessions.ts
 * (the emulator stays independent of the generator), so they are pinned here to the spec the
 * client is generated from: the same states, the same work-group names accepted, the same bounds.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import {
  SESSION_STATES,
  WORK_GROUP_PATTERN,
  validateListSessions,
} from '../../src/emulator/athena-sessions.js';

interface Schema {
  pattern?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}
const spec = parse(readFileSync(new URL('../../specs/athena.yaml', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, Schema & { properties?: Record<string, Schema> }> };
};
const schemas = spec.components.schemas;
const request = schemas.ListSessionsRequest!.properties!;

describe('emulator ListSessions constraints match specs/athena.yaml', () => {
  test('the session states are the SessionState enum', () => {
    expect(SESSION_STATES).toEqual(schemas.SessionState!.enum);
  });

  const names = [
    'wg',
    'primary',
    'a-b.c_d',
    'x'.repeat(128),
    '',
    'x'.repeat(129),
    'a b',
    'wg/1',
    'é',
  ];
  test.each(names)(
    'work group %j: accepted by the emulator exactly when the spec accepts it',
    (name) => {
      const specAccepts = new RegExp(`^(?:${request.WorkGroup!.pattern!})$`, 'u').test(name);
      expect(new RegExp(`^${WORK_GROUP_PATTERN}$`).test(name)).toBe(specAccepts);
      expect(validateListSessions({ WorkGroup: name }).length === 0).toBe(specAccepts);
    },
  );

  test('MaxResults and NextToken bounds are the spec minimum, maximum and maxLength', () => {
    const { minimum, maximum } = request.MaxResults!;
    const ok = (input: object) => validateListSessions({ WorkGroup: 'wg', ...input }).length === 0;
    expect(
      [minimum! - 1, minimum!, maximum!, maximum! + 1].map((n) => ok({ MaxResults: n })),
    ).toEqual([false, true, true, false]);
    const max = request.NextToken!.maxLength!;
    expect(ok({ NextToken: 't'.repeat(max) })).toBe(true);
    expect(ok({ NextToken: 't'.repeat(max + 1) })).toBe(false);
  });
});
