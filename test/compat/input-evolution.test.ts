/**
 * The service relaxes its input rules: Athena's NotebookId no longer has to be a 36-character
 * UUID, MaxResults may go above 100, and the page-size limit of the paginator rises with it.
 * The default client sends such input (the service decides); a strict client refuses it before
 * anything is sent, with the ValidationError naming the member and the rule (issue 14, items
 * 1 and 4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AthenaClient,
  InvalidRequestException,
  paginateListNotebookSessions,
} from 'cloud-sessions/athena';
import { ValidationError } from 'cloud-sessions/runtime';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { athena } from './clients.js';
import { startEvolvingService, type EvolvingService, type SeenCall } from './evolving-service.js';

/** An id format the service accepts since generation: not a UUID, longer than 36 characters. */
const WIDER_ID = 'nb-2027-01-eu-central-analytics-workgroup-0001';

let emu: Emulator;
let service: EvolvingService;
beforeAll(async () => {
  emu = await startEmulator({ sizes: { athenaNotebooks: 1, athenaSessionsPerNotebook: 450 } });
  // Athena after the change: any NotebookId, pages of up to 500 sessions.
  service = await startEvolvingService(emu, (call) => ({
    kind: 'answer',
    signingName: 'athena',
    body: newerAthenaPage(call),
  }));
});
afterAll(async () => {
  await service.close();
  await emu.close();
});

function newerAthenaPage(call: SeenCall): object {
  const { MaxResults = 10, NextToken } = call.json as { MaxResults?: number; NextToken?: string };
  const sessions = emu.data.athena.notebooks[0]!.sessions;
  const start = NextToken === undefined ? 0 : Number(NextToken);
  const end = Math.min(start + Math.min(MaxResults, 500), sessions.length);
  return {
    NotebookSessionsList: sessions.slice(start, end),
    ...(end < sessions.length ? { NextToken: String(end) } : {}),
  };
}

const sentSince = (before: number) => service.calls.slice(before).map((c) => c.json);

async function refusal(run: () => Promise<unknown>): Promise<ValidationError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('a relaxed pattern and maxLength on input (NotebookId)', () => {
  it('default: the client sends it and returns what the service answers', async () => {
    const before = service.calls.length;
    const page = await athena(emu, service.url, 'default').listNotebookSessions({
      NotebookId: WIDER_ID,
    });
    expect(sentSince(before)).toEqual([{ NotebookId: WIDER_ID }]);
    expect(page.NotebookSessionsList).toHaveLength(10);
    expect(page.NotebookSessionsList[0]!.CreationTime).toBeInstanceOf(Date);
  });

  it('strict: refused before sending, naming the member and the rule', async () => {
    const before = service.calls.length;
    const error = await refusal(() =>
      athena(emu, service.url, 'strict').listNotebookSessions({ NotebookId: WIDER_ID }),
    );
    expect(error).toMatchObject({ parameter: 'NotebookId', rule: 'maxLength 36' });
    const offPattern = await refusal(() =>
      athena(emu, service.url, 'strict').listNotebookSessions({ NotebookId: 'nb-2027' }),
    );
    expect(offPattern.parameter).toBe('NotebookId');
    expect(offPattern.rule).toMatch(/^pattern \[a-f0-9\]\{8\}/);
    expect(service.calls.length).toBe(before);
  });

  it('per call: strict on a default client, and default on a strict client', async () => {
    const before = service.calls.length;
    const error = await refusal(() =>
      athena(emu, service.url, 'default').listNotebookSessions(
        { NotebookId: 'nb-2027' },
        { validation: 'strict' },
      ),
    );
    expect(error.rule).toMatch(/^pattern /);
    await athena(emu, service.url, 'strict').listNotebookSessions(
      { NotebookId: 'nb-2027' },
      { validation: 'default' },
    );
    expect(sentSince(before)).toEqual([{ NotebookId: 'nb-2027' }]);
  });

  it('default against the service as generated: its own InvalidRequestException is what the caller gets', async () => {
    const error = await athena(emu, emu.url, 'default')
      .listNotebookSessions({ NotebookId: 'nb-2027' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestException);
    expect((error as Error).message).toContain('regular expression pattern');
  });

  it('botocore rules still hold by default: empty and missing NotebookId are refused locally', async () => {
    const before = service.calls.length;
    const client = athena(emu, service.url, 'default');
    expect(await refusal(() => client.listNotebookSessions({ NotebookId: '' }))).toMatchObject({
      parameter: 'NotebookId',
      rule: 'minLength 1',
    });
    expect(await refusal(() => client.listNotebookSessions({} as never))).toMatchObject({
      parameter: 'NotebookId',
      rule: 'required',
    });
    expect(service.calls.length).toBe(before);
  });
});

describe('a raised maximum on input (MaxResults above 100)', () => {
  it('default: MaxResults 250 is sent and the larger page comes back', async () => {
    const before = service.calls.length;
    const page = await athena(emu, service.url, 'default').listNotebookSessions({
      NotebookId: WIDER_ID,
      MaxResults: 250,
    });
    expect(sentSince(before)).toEqual([{ NotebookId: WIDER_ID, MaxResults: 250 }]);
    expect(page.NotebookSessionsList).toHaveLength(250);
  });

  it('strict: refused before sending with maximum 100', async () => {
    const before = service.calls.length;
    const error = await refusal(() =>
      athena(emu, service.url, 'strict').listNotebookSessions({
        NotebookId: emu.data.athena.notebooks[0]!.notebookId,
        MaxResults: 250,
      }),
    );
    expect(error).toMatchObject({ parameter: 'MaxResults', rule: 'maximum 100' });
    expect(service.calls.length).toBe(before);
  });

  it('the minimum is botocore’s rule: MaxResults 0 is refused in the default mode too', async () => {
    const error = await refusal(() =>
      athena(emu, service.url, 'default').listNotebookSessions({
        NotebookId: WIDER_ID,
        MaxResults: 0,
      }),
    );
    expect(error).toMatchObject({ parameter: 'MaxResults', rule: 'minimum 1' });
  });
});

describe('a paginator whose page-size limit was raised (pageSize 200 > 100)', () => {
  const listAll = (
    client: AthenaClient,
    config: Parameters<typeof paginateListNotebookSessions>[2],
  ) => paginateListNotebookSessions(client, { NotebookId: WIDER_ID }, config).buildFullResult();

  it('default: every page request carries MaxResults 200 and all sessions arrive', async () => {
    const before = service.calls.length;
    const result = await listAll(athena(emu, service.url, 'default'), { pageSize: 200 });
    expect(result.NotebookSessionsList).toHaveLength(450);
    expect(sentSince(before)).toEqual([
      { NotebookId: WIDER_ID, MaxResults: 200 },
      { NotebookId: WIDER_ID, MaxResults: 200, NextToken: '200' },
      { NotebookId: WIDER_ID, MaxResults: 200, NextToken: '400' },
    ]);
  });

  it('default: maxItems and resume work across the larger pages', async () => {
    const client = athena(emu, service.url, 'default');
    const first = paginateListNotebookSessions(
      client,
      { NotebookId: WIDER_ID },
      { pageSize: 200, maxItems: 250 },
    );
    const got = await first.buildFullResult();
    expect(got.NotebookSessionsList).toHaveLength(250);
    const rest = await listAll(client, { pageSize: 200, startingToken: first.resumeToken! });
    expect(rest.NotebookSessionsList).toHaveLength(200);
    expect(rest.NotebookSessionsList[0]).toEqual(
      expect.objectContaining({
        SessionId: emu.data.athena.notebooks[0]!.sessions[250]!.SessionId,
      }),
    );
  });

  it('strict paginator: config.pageSize refused before the first request', async () => {
    const before = service.calls.length;
    expect(() =>
      paginateListNotebookSessions(
        athena(emu, service.url, 'default'),
        { NotebookId: emu.data.athena.notebooks[0]!.notebookId },
        { pageSize: 200, validation: 'strict' },
      ),
    ).toThrowError(expect.objectContaining({ parameter: 'config.pageSize', rule: 'range 1..100' }));
    expect(service.calls.length).toBe(before);
  });

  it('strict client: the first page request is refused locally (MaxResults maximum 100)', async () => {
    const before = service.calls.length;
    const error = await refusal(() =>
      paginateListNotebookSessions(
        athena(emu, service.url, 'strict'),
        { NotebookId: emu.data.athena.notebooks[0]!.notebookId },
        { pageSize: 200 },
      ).buildFullResult(),
    );
    expect(error).toMatchObject({ parameter: 'MaxResults', rule: 'maximum 100' });
    expect(service.calls.length).toBe(before);
  });

  it('pageSize below the minimum is refused in both modes', () => {
    for (const validation of ['default', 'strict'] as const) {
      expect(() =>
        paginateListNotebookSessions(
          athena(emu, service.url, 'default'),
          { NotebookId: WIDER_ID },
          {
            pageSize: 0,
            validation,
          },
        ),
      ).toThrowError(expect.objectContaining({ parameter: 'config.pageSize' }));
    }
  });
});

describe('the evolving service', () => {
  it('verifies signatures: a wrong secret is refused, so the cases above were really signed', async () => {
    const client = new AthenaClient({
      region: emu.credentials.region,
      credentials: { accessKeyId: emu.credentials.aws[0]!.accessKeyId, secretAccessKey: 'wrong' },
      endpoint: service.url,
      retry: false,
    });
    const error = await client
      .listNotebookSessions({ NotebookId: WIDER_ID })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: 'InvalidSignatureException' });
  });
});
