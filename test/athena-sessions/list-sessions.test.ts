/**
 * Athena ListSessions, added by `npm run import -- --add athena:ListSessions`: the generated
 * client and its overlay-added paginator against the signature-verifying emulator, the
 * emulator's own answers, and the CLI's `list athena-sessions`.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  AthenaClient,
  isInvalidRequestException,
  paginateListSessions,
} from 'cloud-sessions/athena';
import { ATHENA_WORK_GROUP_SESSIONS } from '../../src/emulator/data.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { runCliOnEmulator } from '../cli/in-process.js';
import { athenaCall } from '../emulator/helpers.js';

let emu: Emulator;
let client: AthenaClient;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  client = new AthenaClient({
    region: emu.credentials.region,
    credentials: emu.credentials.aws[0]!,
    endpoint: emu.url,
    retry: false,
  });
});
afterAll(() => emu.close());

const group = () => emu.data.athena.workGroups[0]!;

function listSessionsCall(input: unknown, secret?: string): Promise<Response> {
  return athenaCall(
    emu,
    input,
    secret ? { credentials: { ...emu.credentials.aws[0]!, secretAccessKey: secret } } : {},
    'ListSessions',
  );
}

describe('generated client', () => {
  test('paginateListSessions walks every session of the work group, newest first, as Dates', async () => {
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of paginateListSessions(
      client,
      { WorkGroup: group().workGroup },
      { pageSize: 20 },
    )) {
      pages.push(page.Sessions?.length ?? 0);
      for (const s of page.Sessions ?? []) {
        ids.push(s.SessionId!);
        expect(s.Status?.StartDateTime).toBeInstanceOf(Date);
      }
    }
    expect(ATHENA_WORK_GROUP_SESSIONS).toBe(45);
    expect(pages).toEqual([20, 20, 5]);
    expect(ids).toEqual(group().sessions.map((s) => s.SessionId));
  });

  test('StartDateTime arrives as the epoch seconds the emulator holds', async () => {
    const page = await client.listSessions({ WorkGroup: group().workGroup, MaxResults: 1 });
    const first = group().sessions[0]!;
    expect(page.Sessions![0]!.Status!.StartDateTime!.getTime()).toBe(
      first.Status.StartDateTime * 1000,
    );
  });

  test('StateFilter selects one state', async () => {
    const state = group().sessions[0]!.Status.State as 'IDLE';
    const page = await client.listSessions({
      WorkGroup: group().workGroup,
      StateFilter: state,
      MaxResults: 100,
    });
    const expected = group()
      .sessions.filter((s) => s.Status.State === state)
      .map((s) => s.SessionId);
    expect(page.Sessions!.map((s) => s.SessionId)).toEqual(expected);
  });

  test('an unknown work group is a modelled ResourceNotFoundException', async () => {
    await expect(client.listSessions({ WorkGroup: 'no-such-group' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      ResourceName: 'no-such-group',
    });
  });

  test('a work group name outside the model pattern: strict refuses it before sending, the default lets the service judge', async () => {
    const fetchSpy = vi.fn(fetch);
    const local = new AthenaClient({
      region: emu.credentials.region,
      credentials: emu.credentials.aws[0]!,
      endpoint: emu.url,
      fetch: fetchSpy,
      retry: false,
    });
    await expect(
      local.listSessions({ WorkGroup: '!!!' }, { validation: 'strict' }),
    ).rejects.toThrow(/WorkGroup/);
    expect(fetchSpy).not.toHaveBeenCalled();
    // Default mode follows botocore (issue 14): no pattern check, so the emulator answers.
    await expect(local.listSessions({ WorkGroup: '!!!' })).rejects.toThrow(
      /regular expression pattern/,
    );
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });
});

describe('emulator route', () => {
  test('verifies the signature (awsJson answers a bad one with 400 InvalidSignatureException)', async () => {
    const res = await listSessionsCall({ WorkGroup: group().workGroup }, 'wrong-secret');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('InvalidSignatureException');
  });

  test('answers an out-of-range MaxResults with the AWS validation message', async () => {
    const res = await listSessionsCall({ WorkGroup: group().workGroup, MaxResults: 101 });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { __type: string; Message: string };
    expect(body.__type).toContain('InvalidRequestException');
    expect(body.Message).toContain("at 'maxResults' failed to satisfy constraint");
  });

  test('a token is bound to its work group and filter', async () => {
    const first = (await (
      await listSessionsCall({ WorkGroup: group().workGroup, MaxResults: 5 })
    ).json()) as {
      NextToken: string;
    };
    const res = await listSessionsCall({
      WorkGroup: group().workGroup,
      StateFilter: 'BUSY',
      NextToken: first.NextToken,
    });
    expect(res.status).toBe(400);
  });

  test('the client surfaces a rejected token as InvalidRequestException', async () => {
    const error = await client
      .listSessions({ WorkGroup: group().workGroup, NextToken: 'not-a-token' })
      .catch((e: unknown) => e);
    expect(isInvalidRequestException(error)).toBe(true);
  });
});

describe('cloud-sessions list athena-sessions', () => {
  test('lists the work group as ndjson, one line per session', async () => {
    const { code, stdout, stderr } = await runCliOnEmulator(
      emu,
      ['list', 'athena-sessions'],
      ['--work-group', group().workGroup, '-o', 'ndjson', '--page-size', '7'],
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { SessionId: string });
    expect(lines.map((l) => l.SessionId)).toEqual(group().sessions.map((s) => s.SessionId));
  });

  test('with --validation strict an unknown --state is a typed error naming StateFilter, nothing sent', async () => {
    const before = emu.requests.length;
    const { code, stderr } = await runCliOnEmulator(
      emu,
      ['list', 'athena-sessions'],
      ['--work-group', 'wg', '--state', 'SLEEPING', '--validation', 'strict'],
    );
    expect(code).not.toBe(0);
    expect(stderr).toContain('StateFilter');
    expect(emu.requests.length).toBe(before);
  });
});
