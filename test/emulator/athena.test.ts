import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { athenaCall, awsFetch } from './helpers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ sizes: { athenaNotebooks: 2, athenaSessionsPerNotebook: [23, 0] } });
});
afterAll(() => emu.close());

const notebook = () => emu.data.athena.notebooks[0]!;

interface Page {
  NotebookSessionsList: Array<{ SessionId: string; CreationTime: number }>;
  NextToken?: string;
}

async function pages(maxResults?: number): Promise<Page[]> {
  const out: Page[] = [];
  let token: string | undefined;
  do {
    const res = await athenaCall(emu, {
      NotebookId: notebook().notebookId,
      MaxResults: maxResults,
      NextToken: token,
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    out.push(page);
    token = page.NextToken;
  } while (token);
  return out;
}

describe('Athena ListNotebookSessions', () => {
  test('answers 200 with awsJson content type, request id and Date', async () => {
    const res = await athenaCall(emu, { NotebookId: notebook().notebookId });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(res.headers.get('date') ?? ''))).toBe(false);
  });

  test('pages hold at most 10 sessions without MaxResults and walk every session newest first', async () => {
    const all = await pages();
    expect(all.map((p) => p.NotebookSessionsList.length)).toEqual([10, 10, 3]);
    const listed = all.flatMap((p) => p.NotebookSessionsList);
    expect(listed).toEqual(notebook().sessions);
    const times = listed.map((s) => s.CreationTime);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  test('MaxResults above 10 still yields pages of 10', async () => {
    const all = await pages(100);
    expect(all.map((p) => p.NotebookSessionsList.length)).toEqual([10, 10, 3]);
  });

  test('MaxResults below 10 sets the page size', async () => {
    const all = await pages(4);
    expect(all.map((p) => p.NotebookSessionsList.length)).toEqual([4, 4, 4, 4, 4, 3]);
    expect(all.flatMap((p) => p.NotebookSessionsList)).toEqual(notebook().sessions);
  });

  test('CreationTime is epoch seconds with a fractional part', async () => {
    const [first] = await pages();
    for (const s of first!.NotebookSessionsList) {
      expect(Number.isInteger(s.CreationTime)).toBe(false);
      expect(s.CreationTime).toBeGreaterThan(1.6e9);
      expect(s.CreationTime).toBeLessThan(2e9);
    }
  });

  test('a notebook without sessions gives an empty list and no NextToken', async () => {
    const res = await athenaCall(emu, { NotebookId: emu.data.athena.notebooks[1]!.notebookId });
    expect(await res.json()).toEqual({ NotebookSessionsList: [] });
  });

  test('an unknown notebook is a 400 ResourceNotFoundException naming the resource', async () => {
    const id = '00000000-0000-0000-0000-000000000000';
    const res = await athenaCall(emu, { NotebookId: id });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ __type: 'ResourceNotFoundException', ResourceName: id });
    expect(typeof body.Message).toBe('string');
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
  });

  test.each([
    ['missing NotebookId', { NotebookId: undefined }, "Value null at 'notebookId'"],
    [
      'NotebookId not matching the pattern',
      { NotebookId: 'NOT-A-UUID' },
      'regular expression pattern',
    ],
    [
      'NotebookId longer than 36',
      { NotebookId: 'a'.repeat(37) },
      'length less than or equal to 36',
    ],
    ['empty NotebookId', { NotebookId: '' }, 'length greater than or equal to 1'],
    ['MaxResults 0', { MaxResults: 0 }, 'value greater than or equal to 1'],
    ['MaxResults 101', { MaxResults: 101 }, 'value less than or equal to 100'],
    ['empty NextToken', { NextToken: '' }, 'length greater than or equal to 1'],
    [
      'NextToken longer than 1024',
      { NextToken: 'x'.repeat(1025) },
      'length less than or equal to 1024',
    ],
  ])('%s is a 400 InvalidRequestException', async (_name, input, fragment) => {
    const res = await athenaCall(emu, { NotebookId: notebook().notebookId, ...input });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.__type).toBe('InvalidRequestException');
    expect(body.AthenaErrorCode).toBe('INVALID_INPUT');
    expect(body.Message).toContain(fragment);
  });

  test('several violations are reported together', async () => {
    const res = await athenaCall(emu, { NotebookId: 'x', MaxResults: 0 });
    expect((await res.json()).Message).toMatch(/^2 validation errors detected: /);
  });

  test.each([
    ['garbage', 'not-a-token!'],
    ['valid base64 of something else', Buffer.from('{"v":1}').toString('base64url')],
  ])('a bad NextToken (%s) is an InvalidRequestException', async (_name, token) => {
    const res = await athenaCall(emu, { NotebookId: notebook().notebookId, NextToken: token });
    expect(res.status).toBe(400);
    expect((await res.json()).__type).toBe('InvalidRequestException');
  });

  test("another notebook's NextToken is refused", async () => {
    const [first] = await pages();
    const other = await startEmulator({ seed: 99 });
    try {
      const res = await athenaCall(other, {
        NotebookId: other.data.athena.notebooks[0]!.notebookId,
        NextToken: first!.NextToken,
      });
      expect((await res.json()).__type).toBe('InvalidRequestException');
    } finally {
      await other.close();
    }
  });

  test('wrong JSON types are a SerializationException', async () => {
    const res = await athenaCall(emu, { NotebookId: notebook().notebookId, MaxResults: '5' });
    expect(res.status).toBe(400);
    expect((await res.json()).__type).toBe('SerializationException');
  });

  test('a body that is not JSON is a SerializationException', async () => {
    const res = await athenaCall(emu, '{nope');
    expect((await res.json()).__type).toBe('SerializationException');
  });

  test('an unknown X-Amz-Target is an UnknownOperationException', async () => {
    const res = await awsFetch(
      emu,
      {
        method: 'POST',
        path: '/',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AmazonAthena.ListWorkGroups',
        },
        body: '{}',
      },
      { service: 'athena' },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).__type).toBe('UnknownOperationException');
  });
});
