import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  NIMBLE_ENUMS,
  startEmulator,
  type Emulator,
  type NimbleStreamingSession,
} from '../../src/emulator/index.js';
import { nimbleCall } from './helpers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ sizes: { nimbleStudios: 1, nimbleSessionsPerStudio: 60 } });
});
afterAll(() => emu.close());

const studio = () => emu.data.nimble.studios[0]!;

interface Page {
  sessions: NimbleStreamingSession[];
  nextToken?: string;
}

async function listAll(
  target: Emulator,
  studioId: string,
  query: Record<string, string> = {},
): Promise<Page[]> {
  const out: Page[] = [];
  let token: string | undefined;
  do {
    const res = await nimbleCall(target, studioId, {
      ...query,
      ...(token ? { nextToken: token } : {}),
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    out.push(page);
    token = page.nextToken;
  } while (token);
  return out;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const TIMESTAMPS = [
  'createdAt',
  'startedAt',
  'stopAt',
  'stoppedAt',
  'terminateAt',
  'updatedAt',
] as const;

describe('Nimble ListStreamingSessions', () => {
  test('answers 200 application/json with x-amzn-RequestId and Date', async () => {
    const res = await nimbleCall(emu, studio().studioId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(res.headers.get('date')).toBeTruthy();
  });

  test('pages of 25 walk every session in order', async () => {
    const pages = await listAll(emu, studio().studioId);
    expect(pages.map((p) => p.sessions.length)).toEqual([25, 25, 10]);
    expect(pages.flatMap((p) => p.sessions)).toEqual(studio().sessions);
  });

  test('nimblePageSize changes the page size', async () => {
    const small = await startEmulator({
      nimblePageSize: 7,
      sizes: { nimbleStudios: 1, nimbleSessionsPerStudio: 20 },
    });
    try {
      const pages = await listAll(small, small.data.nimble.studios[0]!.studioId);
      expect(pages.map((p) => p.sessions.length)).toEqual([7, 7, 6]);
    } finally {
      await small.close();
    }
  });

  test('every session has all 27 members with valid enums and ISO 8601 timestamps', async () => {
    const [page] = await listAll(emu, studio().studioId);
    for (const s of page!.sessions) {
      expect(Object.keys(s)).toHaveLength(27);
      expect(NIMBLE_ENUMS.StreamingSessionState).toContain(s.state);
      expect(NIMBLE_ENUMS.StreamingSessionStatusCode).toContain(s.statusCode);
      expect(NIMBLE_ENUMS.AutomaticTerminationMode).toContain(s.automaticTerminationMode);
      expect(NIMBLE_ENUMS.SessionBackupMode).toContain(s.backupMode);
      expect(NIMBLE_ENUMS.SessionPersistenceMode).toContain(s.sessionPersistenceMode);
      expect(NIMBLE_ENUMS.VolumeRetentionMode).toContain(s.volumeRetentionMode);
      for (const t of TIMESTAMPS) expect(s[t]).toMatch(ISO_8601);
      expect(s.streamingImageId).toMatch(/^[a-zA-Z0-9-_]{0,22}$/);
      expect(s.maxBackupsToRetain).toBeGreaterThanOrEqual(0);
      expect(s.maxBackupsToRetain).toBeLessThanOrEqual(10);
      expect(s.volumeConfiguration.iops).toBeGreaterThanOrEqual(3000);
      expect(s.volumeConfiguration.size).toBeLessThanOrEqual(16000);
      expect(s.volumeConfiguration.throughput).toBeGreaterThanOrEqual(125);
      expect(s.arn).toContain(`:streaming-session/${s.sessionId}`);
      expect(typeof s.tags).toBe('object');
    }
  });

  test('createdBy filters sessions', async () => {
    const user = studio().sessions[0]!.createdBy;
    const listed = (await listAll(emu, studio().studioId, { createdBy: user })).flatMap(
      (p) => p.sessions,
    );
    expect(listed).toEqual(studio().sessions.filter((s) => s.createdBy === user));
    expect(listed.length).toBeGreaterThan(0);
  });

  test('ownedBy filters sessions', async () => {
    const user = studio().sessions[1]!.ownedBy;
    const listed = (await listAll(emu, studio().studioId, { ownedBy: user })).flatMap(
      (p) => p.sessions,
    );
    expect(listed).toEqual(studio().sessions.filter((s) => s.ownedBy === user));
  });

  test('sessionIds is read as a comma-separated list', async () => {
    const ids = [studio().sessions[3]!.sessionId, studio().sessions[40]!.sessionId];
    const res = await nimbleCall(emu, studio().studioId, { sessionIds: ` ${ids[0]}, ${ids[1]} ` });
    const page = (await res.json()) as Page;
    expect(page.sessions.map((s) => s.sessionId)).toEqual(ids);
    expect(page.nextToken).toBeUndefined();
  });

  test('an empty filter value means no filter', async () => {
    const res = await nimbleCall(emu, studio().studioId, { createdBy: '' });
    expect(((await res.json()) as Page).sessions).toHaveLength(25);
  });

  test('an unknown studio is a 404 ResourceNotFoundException with header and body code', async () => {
    const res = await nimbleCall(emu, 'stid-unknown');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['code', 'context', 'message']);
  });

  test('a bad nextToken is a 400 ValidationException', async () => {
    const res = await nimbleCall(emu, studio().studioId, { nextToken: 'bogus' });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(await res.json()).toMatchObject({
      code: expect.any(String),
      message: expect.any(String),
      context: expect.any(Object),
    });
  });

  test('a token from an unfiltered listing is refused once filters change', async () => {
    const [first] = await listAll(emu, studio().studioId);
    const res = await nimbleCall(emu, studio().studioId, {
      ownedBy: 'someone',
      nextToken: first!.nextToken!,
    });
    expect(res.status).toBe(400);
  });

  test('a studio id needing percent-encoding is routed and signed correctly', async () => {
    const res = await nimbleCall(emu, 'stid with space/and slash');
    expect(res.status).toBe(404);
    expect((await res.json()).context).toEqual({ studioId: 'stid with space/and slash' });
  });
});
