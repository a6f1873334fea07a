import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { ociFetch, ociPath } from './helpers.js';

let emu: Emulator;
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const OTHER_KEY_ID = 'ocid1.tenancy.oc1..other/ocid1.user.oc1..other/aa:bb';
beforeAll(async () => {
  emu = await startEmulator({
    ociPublicKeys: {
      [OTHER_KEY_ID]: other.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    },
  });
});
afterAll(() => emu.close());

const path = () =>
  ociPath(
    emu.data.oci.platforms[0]!.aiDataPlatformId,
    emu.data.oci.platforms[0]!.workspaces[0]!.workspaceKey,
  );
const otherPrivatePem = () => other.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

/** Signs by hand with node:crypto, to control the header list and parameters. */
function manualAuthorization(options: {
  headers: string[];
  values: Record<string, string>;
  keyId?: string;
  extra?: string;
}): string {
  const target = `get ${path()}`;
  const signingString = options.headers
    .map((h) =>
      h === '(request-target)' ? `(request-target): ${target}` : `${h}: ${options.values[h]}`,
    )
    .join('\n');
  const signature = sign(
    'sha256',
    Buffer.from(signingString),
    emu.credentials.oci.privateKeyPem,
  ).toString('base64');
  return `Signature version="1",keyId="${options.keyId ?? emu.credentials.oci.keyId}",algorithm="rsa-sha256",headers="${options.headers.join(' ')}",signature="${signature}"${options.extra ?? ''}`;
}

async function expectNotAuthenticated(res: Response, reason?: RegExp): Promise<void> {
  expect(res.status).toBe(401);
  expect(await res.json()).toEqual({
    code: 'NotAuthenticated',
    message:
      'The required information to complete authentication was not provided or was incorrect.',
  });
  expect(res.headers.get('date')).toBeTruthy();
  expect(res.headers.get('opc-request-id')).toBeTruthy();
  if (reason) expect(res.headers.get('x-emulator-auth-failure')).toMatch(reason);
}

describe('OCI signature verification', () => {
  test('a key configured through ociPublicKeys is accepted', async () => {
    const res = await ociFetch(emu, path(), {
      keyId: OTHER_KEY_ID,
      privateKeyPem: otherPrivatePem(),
    });
    expect(res.status).toBe(200);
  });

  test('a signature by the wrong private key is refused', async () => {
    await expectNotAuthenticated(
      await ociFetch(emu, path(), { privateKeyPem: otherPrivatePem() }),
      /signature mismatch/,
    );
  });

  test('a signed header changed after signing is refused', async () => {
    const res = await ociFetch(emu, path(), {
      mutate: (h) => (h['x-date'] = new Date(Date.parse(h['x-date']!) - 1000).toUTCString()),
    });
    await expectNotAuthenticated(res, /signature mismatch/);
  });

  test('a request target changed after signing is refused', async () => {
    const key = emu.credentials.oci;
    const headers: Record<string, string> = {};
    const res0 = await ociFetch(emu, path(), { mutate: (h) => Object.assign(headers, h) });
    expect(res0.status).toBe(200);
    const res = await fetch(`${emu.url}${path()}?path=x`, { headers });
    await expectNotAuthenticated(res, /signature mismatch/);
    expect(key.keyId).toBeTruthy();
  });

  test('an unknown keyId is refused', async () => {
    await expectNotAuthenticated(
      await ociFetch(emu, path(), { keyId: 'ocid1.tenancy.oc1..x/ocid1.user.oc1..y/00:11' }),
      /unknown keyId/,
    );
  });

  test('an unknown session token keyId is refused', async () => {
    await expectNotAuthenticated(
      await ociFetch(emu, path(), { keyId: 'ST$not-a-known-token' }),
      /unknown keyId/,
    );
  });

  test('an x-date more than 5 minutes away is refused', async () => {
    await expectNotAuthenticated(
      await ociFetch(emu, path(), { date: new Date(Date.now() - 6 * 60_000) }),
      /ms from server time/,
    );
  });

  test('a date within 5 minutes is accepted', async () => {
    expect((await ociFetch(emu, path(), { date: new Date(Date.now() - 4 * 60_000) })).status).toBe(
      200,
    );
  });

  test('signing `date` instead of `x-date` is accepted', async () => {
    const date = new Date().toUTCString();
    const authorization = manualAuthorization({
      headers: ['date', '(request-target)', 'host'],
      values: { date, host: `127.0.0.1:${emu.port}` },
    });
    expect((await fetch(emu.url + path(), { headers: { date, authorization } })).status).toBe(200);
  });

  test('a header list without host is refused', async () => {
    const date = new Date().toUTCString();
    const authorization = manualAuthorization({
      headers: ['date', '(request-target)'],
      values: { date },
    });
    await expectNotAuthenticated(
      await fetch(emu.url + path(), { headers: { date, authorization } }),
      /must include host/,
    );
  });

  test('a malformed Authorization header is refused', async () => {
    await expectNotAuthenticated(
      await fetch(emu.url + path(), { headers: { authorization: 'Signature keyId=oops' } }),
      /malformed/,
    );
  });

  test('a missing version parameter is refused', async () => {
    const date = new Date().toUTCString();
    const authorization = manualAuthorization({
      headers: ['date', '(request-target)', 'host'],
      values: { date, host: `127.0.0.1:${emu.port}` },
    }).replace('version="1",', '');
    await expectNotAuthenticated(
      await fetch(emu.url + path(), { headers: { date, authorization } }),
      /version/,
    );
  });

  test('a request without Authorization is refused', async () => {
    await expectNotAuthenticated(await fetch(emu.url + path()), /no Authorization/);
  });

  test('verifySignatures: false serves unsigned requests', async () => {
    const open = await startEmulator({ verifySignatures: false });
    try {
      const p = open.data.oci.platforms[0]!;
      expect(
        (await fetch(open.url + ociPath(p.aiDataPlatformId, p.workspaces[0]!.workspaceKey))).status,
      ).toBe(200);
      const athena = await fetch(open.url, {
        method: 'POST',
        headers: {
          'x-amz-target': 'AmazonAthena.ListNotebookSessions',
          'content-type': 'application/x-amz-json-1.1',
        },
        body: JSON.stringify({ NotebookId: open.data.athena.notebooks[0]!.notebookId }),
      });
      expect(athena.status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
