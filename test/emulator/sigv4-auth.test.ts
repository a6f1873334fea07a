import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { athenaCall, nimbleCall } from './helpers.js';

let emu: Emulator;
const temporary = {
  accessKeyId: 'ASIAEMULATORTEMP0001',
  secretAccessKey: 'tempSecret/Emulator/Test00000000000000000',
  sessionToken: 'token-emulator-test',
};
const permanent = {
  accessKeyId: 'AKIAEMULATORTEST0002',
  secretAccessKey: 'permSecret/Emulator/Test00000000000000000',
};
beforeAll(async () => {
  emu = await startEmulator({ awsCredentials: [permanent, temporary], region: 'eu-west-1' });
});
afterAll(() => emu.close());

const notebookId = () => emu.data.athena.notebooks[0]!.notebookId;
const studioId = () => emu.data.nimble.studios[0]!.studioId;
const SIX_MINUTES = 6 * 60_000;

async function athenaError(
  res: Response,
): Promise<{ status: number; type: string; message: string }> {
  const body = await res.json();
  return { status: res.status, type: body.__type, message: body.message };
}

describe('SigV4 verification on the awsJson API (Athena)', () => {
  test('a request signed by @smithy/signature-v4 with a configured key is accepted', async () => {
    expect((await athenaCall(emu, { NotebookId: notebookId() })).status).toBe(200);
  });

  test('a wrong secret is an InvalidSignatureException with AWS wording', async () => {
    const res = await athenaCall(
      emu,
      { NotebookId: notebookId() },
      { credentials: { ...permanent, secretAccessKey: 'wrong' } },
    );
    const err = await athenaError(res);
    expect(err).toMatchObject({ status: 400, type: 'InvalidSignatureException' });
    expect(err.message).toMatch(
      /^The request signature we calculated does not match the signature you provided/,
    );
  });

  test('a header changed after signing is an InvalidSignatureException', async () => {
    const res = await athenaCall(
      emu,
      { NotebookId: notebookId() },
      {
        mutate: (h) => (h['content-type'] = 'application/x-amz-json-1.1; charset=utf-8'),
      },
    );
    expect((await athenaError(res)).type).toBe('InvalidSignatureException');
  });

  test('a body changed after signing is an InvalidSignatureException', async () => {
    const res = await athenaCall(
      emu,
      { NotebookId: notebookId() },
      { sendBody: JSON.stringify({ NotebookId: notebookId(), MaxResults: 1 }) },
    );
    expect((await athenaError(res)).type).toBe('InvalidSignatureException');
  });

  test('an unknown access key is an UnrecognizedClientException', async () => {
    const res = await athenaCall(
      emu,
      { NotebookId: notebookId() },
      { credentials: { accessKeyId: 'AKIANOTCONFIGURED000', secretAccessKey: 'x' } },
    );
    expect(await athenaError(res)).toEqual({
      status: 400,
      type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });

  test('a signing time more than 5 minutes old is "Signature expired" with a Date header', async () => {
    const res = await athenaCall(
      emu,
      { NotebookId: notebookId() },
      { signingDate: new Date(Date.now() - SIX_MINUTES) },
    );
    const err = await athenaError(res);
    expect(err.type).toBe('InvalidSignatureException');
    expect(err.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
    );
    expect(Math.abs(Date.parse(res.headers.get('date')!) - Date.now())).toBeLessThan(60_000);
  });

  test('a signing time more than 5 minutes ahead is "Signature not yet current"', async () => {
    const res = await athenaCall(
      emu,
      { NotebookId: notebookId() },
      { signingDate: new Date(Date.now() + SIX_MINUTES) },
    );
    expect((await athenaError(res)).message).toMatch(
      /^Signature not yet current: .* \+ 5 min\.\)$/,
    );
  });

  test('the Date header carries the emulator clock, so clients can correct their skew', async () => {
    const skewed = await startEmulator({ clockOffsetMs: -3_600_000 });
    try {
      const res = await athenaCall(skewed, {
        NotebookId: skewed.data.athena.notebooks[0]!.notebookId,
      });
      expect((await athenaError(res)).message).toMatch(/^Signature not yet current/);
      const serverTime = Date.parse(res.headers.get('date')!);
      const retry = await athenaCall(
        skewed,
        { NotebookId: skewed.data.athena.notebooks[0]!.notebookId },
        { signingDate: new Date(serverTime) },
      );
      expect(retry.status).toBe(200);
    } finally {
      await skewed.close();
    }
  });

  test('a malformed Authorization header is an IncompleteSignatureException', async () => {
    const res = await athenaCall(
      emu,
      { NotebookId: notebookId() },
      {
        mutate: (h) => (h.authorization = h.authorization!.replace(/, Signature=[0-9a-f]+/, '')),
      },
    );
    expect(await athenaError(res)).toMatchObject({
      status: 400,
      type: 'IncompleteSignatureException',
      message: "Authorization header requires 'Signature' parameter.",
    });
  });

  test('a missing Authorization header is a MissingAuthenticationTokenException', async () => {
    const res = await athenaCall(
      emu,
      { NotebookId: notebookId() },
      { mutate: (h) => delete h.authorization },
    );
    expect(await athenaError(res)).toMatchObject({
      type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
  });

  test('a credential scoped to another region is refused', async () => {
    const res = await athenaCall(emu, { NotebookId: notebookId() }, { region: 'us-east-1' });
    expect(await athenaError(res)).toMatchObject({
      type: 'InvalidSignatureException',
      message: "Credential should be scoped to a valid region, not 'us-east-1'. ",
    });
  });

  test('a credential scoped to another service is refused', async () => {
    const res = await athenaCall(emu, { NotebookId: notebookId() }, { service: 'nimble' } as never);
    expect(await athenaError(res)).toMatchObject({
      type: 'InvalidSignatureException',
      message: "Credential should be scoped to correct service: 'athena'. ",
    });
  });

  test('temporary credentials with their session token are accepted', async () => {
    expect(
      (await athenaCall(emu, { NotebookId: notebookId() }, { credentials: temporary })).status,
    ).toBe(200);
  });

  test('temporary credentials with a wrong session token are refused', async () => {
    const res = await athenaCall(
      emu,
      { NotebookId: notebookId() },
      { credentials: { ...temporary, sessionToken: 'other' } },
    );
    expect((await athenaError(res)).type).toBe('UnrecognizedClientException');
  });

  test('temporary credentials without their session token are refused', async () => {
    const { sessionToken: _omitted, ...keyOnly } = temporary;
    const res = await athenaCall(emu, { NotebookId: notebookId() }, { credentials: keyOnly });
    expect((await athenaError(res)).type).toBe('UnrecognizedClientException');
  });

  test('a long-term key sent with a session token is refused', async () => {
    const res = await athenaCall(
      emu,
      { NotebookId: notebookId() },
      { credentials: { ...permanent, sessionToken: 'x' } },
    );
    expect((await athenaError(res)).type).toBe('UnrecognizedClientException');
  });

  test('auth failures are recorded with their code', async () => {
    await athenaCall(
      emu,
      { NotebookId: notebookId() },
      { credentials: { ...permanent, secretAccessKey: 'nope' } },
    );
    expect(emu.requests.at(-1)).toMatchObject({
      api: 'athena',
      status: 400,
      authFailure: 'InvalidSignatureException',
      signed: true,
    });
  });
});

describe('SigV4 verification on the restJson API (Nimble)', () => {
  test('query values needing encoding are canonicalised as the signer did', async () => {
    const res = await nimbleCall(emu, studioId(), { createdBy: "a b+c/d*e~f!'()" });
    expect(res.status).toBe(200);
  });

  test('a wrong secret is a 403 with x-amzn-ErrorType and a message body', async () => {
    const res = await nimbleCall(
      emu,
      studioId(),
      {},
      { credentials: { ...permanent, secretAccessKey: 'wrong' } },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    expect((await res.json()).message).toMatch(/^The request signature we calculated/);
  });

  test('a query parameter added after signing is refused', async () => {
    const res = await nimbleCall(emu, studioId(), {}, { appendQuery: 'ownedBy=x' });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });

  test('a missing Authorization header is a 403 MissingAuthenticationTokenException', async () => {
    const res = await fetch(`${emu.url}/2020-08-01/studios/${studioId()}/streaming-sessions`);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await res.json()).toEqual({ message: 'Missing Authentication Token' });
  });

  test('an unknown key is a 403 UnrecognizedClientException', async () => {
    const res = await nimbleCall(
      emu,
      studioId(),
      {},
      { credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' } },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnrecognizedClientException');
  });

  test('an expired signature is a 403 InvalidSignatureException', async () => {
    const res = await nimbleCall(
      emu,
      studioId(),
      {},
      { signingDate: new Date(Date.now() - SIX_MINUTES) },
    );
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/^Signature expired: /);
  });
});
