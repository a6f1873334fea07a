import { inspect } from 'node:util';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AthenaClient } from 'cloud-sessions/athena';
import { AiDataPlatformClient } from 'cloud-sessions/oci-ai-data-platform';
import { TEST_OCI_KEY_ID, testOciKeys } from '../helpers/credentials.js';

const SECRET = 'wJalrXUtnFEMI-secret-for-leak-test';
const TOKEN = 'session-token-for-leak-test';
const NOTEBOOK = '0123abcd-0123-0123-0123-0123456789ab';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

/** Every string that must never be printed: secret, token, signature, PEM body lines. */
function secretsIn(headers: Record<string, unknown>[]): string[] {
  const signatures = headers.flatMap((h) => {
    const auth = String(h.authorization ?? '');
    return [
      /Signature=([0-9a-f]{64})/.exec(auth)?.[1],
      /signature="([^"]+)"/.exec(auth)?.[1],
    ].filter((s): s is string => Boolean(s));
  });
  const pemLines = testOciKeys()
    .privateKeyPem.split('\n')
    .filter((l) => l.length > 20 && !l.startsWith('-----'));
  return [SECRET, TOKEN, ...signatures, ...pemLines.slice(0, 3)];
}

describe('no secret reaches logs, errors or printed clients', () => {
  it('AWS: logger entries, the thrown error and the client print no secret, token or signature', async () => {
    const logs: string[] = [];
    const logger = {
      debug: (m: string, d?: object) => logs.push(m + JSON.stringify(d)),
      info: (m: string, d?: object) => logs.push(m + JSON.stringify(d)),
      warn: (m: string, d?: object) => logs.push(m + JSON.stringify(d)),
    };
    const seen: Record<string, unknown>[] = [];
    nock('http://athena.test')
      .post('/')
      .times(2)
      .reply(function () {
        seen.push({ ...this.req.headers });
        return [400, { __type: 'InvalidRequestException', Message: 'bad' }];
      });
    const client = new AthenaClient({
      region: 'us-east-1',
      endpoint: 'http://athena.test',
      credentials: { accessKeyId: 'AKIDLEAK', secretAccessKey: SECRET, sessionToken: TOKEN },
      logger,
    });
    const error = await client
      .listNotebookSessions({ NotebookId: NOTEBOOK })
      .catch((e: unknown) => e);
    await client.listNotebookSessions({ NotebookId: NOTEBOOK }).catch(() => undefined);
    expect(logs.length).toBeGreaterThanOrEqual(2);
    expect(logs[0]).toContain('POST http://athena.test/ -> 400');
    const printed = [
      ...logs,
      inspect(client, { depth: 10, showHidden: true }),
      JSON.stringify(client),
      String(error),
      inspect(error, { depth: 10 }),
      JSON.stringify(error),
    ].join('\n');
    for (const secret of secretsIn(seen)) expect(printed).not.toContain(secret);
  });

  it('OCI: the client and its errors print no private key or signature', async () => {
    const seen: Record<string, unknown>[] = [];
    nock('http://aidp.test')
      .get(/.*/)
      .reply(function () {
        seen.push({ ...this.req.headers });
        return [401, { code: 'NotAuthenticated', message: 'no' }];
      });
    const client = new AiDataPlatformClient({
      region: 'us-ashburn-1',
      endpoint: 'http://aidp.test',
      auth: { keyId: TEST_OCI_KEY_ID, privateKey: testOciKeys().privateKeyPem },
      retry: false,
    });
    const error = await client
      .listSessions({ aiDataPlatformId: 'p', workspaceKey: 'w' })
      .catch((e: unknown) => e);
    const printed = [
      inspect(client, { depth: 10, showHidden: true }),
      String(error),
      inspect(error, { depth: 10 }),
    ].join('\n');
    const secrets = secretsIn(seen);
    expect(secrets.length).toBeGreaterThan(1);
    for (const secret of secrets) expect(printed).not.toContain(secret);
  });
});
