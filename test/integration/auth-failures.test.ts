/**
 * Authentication failures end to end against the emulator's real verifiers: each surfaces
 * as a typed service error carrying the service's own code, is not retried, and never shows
 * a secret.
 */
import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaServiceException } from 'cloud-sessions/athena';
import { NimbleStudioServiceException } from 'cloud-sessions/nimble-studio';
import { NotAuthenticated } from 'cloud-sessions/oci-ai-data-platform';
import type { ServiceError } from 'cloud-sessions/runtime';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { FAST_RETRY, athenaClient, nimbleClient, ociClient } from './clients.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

const WRONG_SECRET = 'wrongSecretKey/ThatMustNeverBePrinted0000';

/** Resolves to the rejection of `call` and the number of requests it sent. */
async function failure(
  call: () => Promise<unknown>,
): Promise<{ error: ServiceError; sent: number }> {
  const before = emulator.requests.length;
  const error = await call().then(
    () => expect.fail('the call succeeded'),
    (e: unknown) => e as ServiceError,
  );
  return { error, sent: emulator.requests.length - before };
}

function expectNoSecret(error: unknown, ...secrets: string[]): void {
  const outputs = [
    String(error),
    (error as Error).message,
    (error as Error).stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 5 }),
  ];
  for (const secret of secrets) {
    for (const output of outputs) expect(output).not.toContain(secret);
  }
}

/**
 * A `fetch` that changes one header after signing; `signed` lists, per request, the headers
 * the Authorization header says were signed (so the test can check the change broke one).
 */
function tamperingFetch(
  header: string,
  change: (value: string) => string,
): { fetch: typeof fetch; signed: string[][] } {
  const signedPerRequest: string[][] = [];
  const wrapped = (async (url: string | URL | Request, init?: RequestInit) => {
    const headers = { ...(init?.headers as Record<string, string>) };
    const authorization = headers.authorization ?? '';
    const signed =
      /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ??
      /headers="([^"]+)"/.exec(authorization)?.[1]?.split(' ') ??
      [];
    signedPerRequest.push(signed);
    headers[header] = change(headers[header]!);
    return globalThis.fetch(url, { ...init, headers });
  }) as typeof fetch;
  return { fetch: wrapped, signed: signedPerRequest };
}

describe('AWS SigV4 failures', () => {
  const notebookInput = () => ({ NotebookId: emulator.data.athena.notebooks[0]!.notebookId });

  it('Athena, wrong secret: InvalidSignatureException (400), typed, not retried, secret never shown', async () => {
    const { accessKeyId } = emulator.credentials.aws[0]!;
    const client = athenaClient(emulator, {
      retry: FAST_RETRY,
      credentials: { accessKeyId, secretAccessKey: WRONG_SECRET },
    });
    const { error, sent } = await failure(() => client.listNotebookSessions(notebookInput()));
    expect(error).toBeInstanceOf(AthenaServiceException);
    expect(error).toMatchObject({
      code: 'InvalidSignatureException',
      status: 400,
      retryable: false,
      attempts: 1,
    });
    expect(error.message).toMatch(/^The request signature we calculated does not match/);
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent).toBe(1);
    expectNoSecret(error, WRONG_SECRET, emulator.credentials.aws[0]!.secretAccessKey);
  });

  it('Athena, unknown access key: UnrecognizedClientException (400), not retried', async () => {
    const client = athenaClient(emulator, {
      retry: FAST_RETRY,
      credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: WRONG_SECRET },
    });
    const { error, sent } = await failure(() => client.listNotebookSessions(notebookInput()));
    expect(error).toBeInstanceOf(AthenaServiceException);
    expect(error).toMatchObject({
      code: 'UnrecognizedClientException',
      status: 400,
      retryable: false,
    });
    expect(error.message).toBe('The security token included in the request is invalid.');
    expect(sent).toBe(1);
    expectNoSecret(error, WRONG_SECRET);
  });

  it('Nimble, wrong secret: InvalidSignatureException (403), typed, not retried', async () => {
    const { accessKeyId } = emulator.credentials.aws[0]!;
    const client = nimbleClient(emulator, {
      retry: FAST_RETRY,
      credentials: { accessKeyId, secretAccessKey: WRONG_SECRET },
    });
    const { error, sent } = await failure(() =>
      client.listStreamingSessions({ studioId: emulator.data.nimble.studios[0]!.studioId }),
    );
    expect(error).toBeInstanceOf(NimbleStudioServiceException);
    expect(error).toMatchObject({
      code: 'InvalidSignatureException',
      status: 403,
      retryable: false,
    });
    expect(sent).toBe(1);
    expectNoSecret(error, WRONG_SECRET);
  });

  it('Athena, a signed header changed after signing: InvalidSignatureException, not retried', async () => {
    const tamper = tamperingFetch('x-amz-target', (v) => v.replace('List', 'list'));
    const client = athenaClient(emulator, { retry: FAST_RETRY, fetch: tamper.fetch });
    const { error, sent } = await failure(() => client.listNotebookSessions(notebookInput()));
    expect(tamper.signed).toEqual([expect.arrayContaining(['x-amz-target'])]);
    expect(error).toMatchObject({
      code: 'InvalidSignatureException',
      retryable: false,
      attempts: 1,
    });
    expect(sent).toBe(1);
  });

  it('Nimble, a signed header changed after signing: InvalidSignatureException, not retried', async () => {
    // A GET signs host and x-amz-date only (as botocore does); move the date by a second.
    const tamper = tamperingFetch('x-amz-date', (v) =>
      v.replace(/\d(?=Z$)/, (d) => String((+d + 1) % 10)),
    );
    const client = nimbleClient(emulator, { retry: FAST_RETRY, fetch: tamper.fetch });
    const { error, sent } = await failure(() =>
      client.listStreamingSessions({ studioId: emulator.data.nimble.studios[0]!.studioId }),
    );
    expect(tamper.signed).toEqual([expect.arrayContaining(['x-amz-date'])]);
    expect(error).toMatchObject({ code: 'InvalidSignatureException', status: 403, attempts: 1 });
    expect(error.message).toMatch(/^The request signature we calculated does not match/);
    expect(sent).toBe(1);
  });

  it('Athena, the body changed after signing: InvalidSignatureException', async () => {
    const client = athenaClient(emulator, {
      retry: FAST_RETRY,
      fetch: ((url: string, init: RequestInit) =>
        globalThis.fetch(url, {
          ...init,
          body: String(init.body).replace('{', '{"MaxResults":5,'),
        })) as typeof fetch,
    });
    const { error, sent } = await failure(() => client.listNotebookSessions(notebookInput()));
    expect(error).toMatchObject({ code: 'InvalidSignatureException', retryable: false });
    expect(sent).toBe(1);
  });
});

describe('OCI signature failures', () => {
  const input = () => {
    const platform = emulator.data.oci.platforms[0]!;
    return {
      aiDataPlatformId: platform.aiDataPlatformId,
      workspaceKey: platform.workspaces[0]!.workspaceKey,
    };
  };

  it('the wrong private key: 401 NotAuthenticated, typed, not retried, key never shown', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const client = ociClient(emulator, {
      retry: FAST_RETRY,
      auth: { keyId: emulator.credentials.oci.keyId, privateKey: pem },
    });
    const { error, sent } = await failure(() => client.listSessions(input()));
    expect(error).toBeInstanceOf(NotAuthenticated);
    expect(error).toMatchObject({
      code: 'NotAuthenticated',
      status: 401,
      retryable: false,
      attempts: 1,
    });
    expect(error.requestId).toBeDefined();
    expect(sent).toBe(1);
    expect(emulator.requests.at(-1)!.authFailure).toBe('signature mismatch');
    const keyBody = pem.split('\n')[1]!;
    expectNoSecret(error, keyBody, emulator.credentials.oci.privateKeyPem.split('\n')[1]!);
  });

  it('an unknown keyId: 401 NotAuthenticated, not retried', async () => {
    const client = ociClient(emulator, {
      retry: FAST_RETRY,
      auth: {
        keyId:
          'ocid1.tenancy.oc1..unknown/ocid1.user.oc1..unknown/00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff',
        privateKey: emulator.credentials.oci.privateKeyPem,
      },
    });
    const { error, sent } = await failure(() => client.listSessions(input()));
    expect(error).toBeInstanceOf(NotAuthenticated);
    expect(sent).toBe(1);
    expect(emulator.requests.at(-1)!.authFailure).toBe('unknown keyId');
  });

  it('a signed date header moved by one second after signing: 401, not mistaken for clock skew', async () => {
    const dateHeader = 'x-date';
    const tamper = tamperingFetch(dateHeader, (v) => new Date(Date.parse(v) + 1_000).toUTCString());
    const client = ociClient(emulator, { retry: FAST_RETRY, fetch: tamper.fetch });
    const { error, sent } = await failure(() => client.listSessions(input()));
    expect(tamper.signed).toEqual([expect.arrayContaining([dateHeader])]);
    expect(error).toBeInstanceOf(NotAuthenticated);
    expect(error).toMatchObject({ retryable: false, attempts: 1 });
    expect(sent).toBe(1);
    expect(emulator.requests.at(-1)!.authFailure).toBe('signature mismatch');
  });
});
