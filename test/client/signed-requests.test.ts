import { createVerify } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromIni } from '@aws-sdk/credential-providers';
import { AthenaClient } from 'cloud-sessions/athena';
import { NimbleStudioClient } from 'cloud-sessions/nimble-studio';
import { AiDataPlatformClient } from 'cloud-sessions/oci-ai-data-platform';
import { TEST_OCI_KEY_ID, testOciKeys } from '../helpers/credentials.js';

const NOTEBOOK = '0123abcd-0123-0123-0123-0123456789ab';
const SIGV4 =
  /^AWS4-HMAC-SHA256 Credential=(\w+)\/(\d{8})\/([a-z0-9-]+)\/(\w+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/;

const ENV_KEYS = [
  'HOME',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_CONFIG_FILE',
  'OCI_CONFIG_FILE',
  'OCI_CLI_PROFILE',
  'OCI_REGION',
];
let saved: Record<string, string | undefined>;
let home: string;

beforeAll(() => nock.disableNetConnect());
beforeEach(async () => {
  saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const k of ENV_KEYS) delete process.env[k];
  home = await mkdtemp(path.join(tmpdir(), 'home-'));
  process.env.HOME = home;
});
afterEach(async () => {
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await rm(home, { recursive: true, force: true });
  vi.useRealTimers();
  expect(nock.isDone()).toBe(true);
  nock.cleanAll();
});

type Seen = Record<string, string | string[] | undefined>;
function capture(scope: nock.Interceptor, status = 200, body: object = {}): Seen[] {
  const seen: Seen[] = [];
  scope.reply(function () {
    seen.push({ ...this.req.headers });
    return [status, body];
  });
  return seen;
}

/** The two SigV4 clients, each with one call and its expected signed headers. */
const AWS_CLIENTS = [
  {
    name: 'Athena',
    signingName: 'athena',
    scope: () => nock('http://aws.test').post('/'),
    body: { NotebookSessionsList: [] },
    signedHeaders: 'content-type;host;x-amz-date;x-amz-target',
    call: (config: object) =>
      new AthenaClient({ endpoint: 'http://aws.test', ...config }).listNotebookSessions({
        NotebookId: NOTEBOOK,
      }),
  },
  {
    name: 'Nimble',
    signingName: 'nimble',
    scope: () => nock('http://aws.test').get('/2020-08-01/studios/s/streaming-sessions'),
    body: { sessions: [] },
    signedHeaders: 'host;x-amz-date',
    call: (config: object) =>
      new NimbleStudioClient({ endpoint: 'http://aws.test', ...config }).listStreamingSessions({
        studioId: 's',
      }),
  },
];

/** Where the credentials come from: each sets them up and returns the client options. */
const SOURCES = [
  {
    name: 'the environment',
    setup: async () => {
      process.env.AWS_ACCESS_KEY_ID = 'AKIDFROMENV';
      process.env.AWS_SECRET_ACCESS_KEY = 'env-secret';
      process.env.AWS_REGION = 'eu-west-1';
      return { config: {}, accessKeyId: 'AKIDFROMENV', region: 'eu-west-1' };
    },
  },
  {
    name: 'a profile of the shared files in HOME',
    setup: async () => {
      await mkdir(path.join(home, '.aws'));
      await writeFile(
        path.join(home, '.aws', 'credentials'),
        '[studio]\naws_access_key_id = AKIDFROMFILE\naws_secret_access_key = file-secret\n',
      );
      await writeFile(path.join(home, '.aws', 'config'), '[profile studio]\nregion = us-west-2\n');
      return { config: { profile: 'studio' }, accessKeyId: 'AKIDFROMFILE', region: 'us-west-2' };
    },
  },
  {
    name: 'an AWS SDK v3 provider (fromIni)',
    setup: async () => {
      const file = path.join(home, 'creds');
      await writeFile(
        file,
        '[sdk]\naws_access_key_id = AKIDFROMSDK\naws_secret_access_key = sdk-secret\n',
      );
      const credentials = fromIni({
        profile: 'sdk',
        filepath: file,
        configFilepath: path.join(home, 'none'),
      });
      return {
        config: { credentials, region: 'ap-south-1' },
        accessKeyId: 'AKIDFROMSDK',
        region: 'ap-south-1',
      };
    },
  },
];

describe('SigV4-signed requests', () => {
  for (const client of AWS_CLIENTS) {
    for (const source of SOURCES) {
      it(`${client.name} signs with credentials from ${source.name}`, async () => {
        const { config, accessKeyId, region } = await source.setup();
        const seen = capture(client.scope(), 200, client.body);
        await client.call(config);
        const match = SIGV4.exec(String(seen[0]!.authorization));
        expect(match, String(seen[0]!.authorization)).not.toBeNull();
        expect(match!.slice(1, 5)).toEqual([
          accessKeyId,
          String(seen[0]!['x-amz-date']).slice(0, 8),
          region,
          client.signingName,
        ]);
        expect(match![5]).toBe(client.signedHeaders);
      });
    }
  }

  it('signs the session token of a shared-files profile', async () => {
    await mkdir(path.join(home, '.aws'));
    await writeFile(
      path.join(home, '.aws', 'credentials'),
      '[default]\naws_access_key_id = AKIDTOKEN\naws_secret_access_key = s\naws_session_token = file-token\n',
    );
    const seen = capture(
      nock('http://aws.test').get('/2020-08-01/studios/s/streaming-sessions'),
      200,
      {},
    );
    await new NimbleStudioClient({
      endpoint: 'http://aws.test',
      region: 'us-west-2',
    }).listStreamingSessions({
      studioId: 's',
    });
    expect(SIGV4.exec(String(seen[0]!.authorization))?.[5]).toBe(
      'host;x-amz-date;x-amz-security-token',
    );
    expect(seen[0]!['x-amz-security-token']).toBe('file-token');
  });

  it("re-signs every attempt with that attempt's date", async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T10:00:00Z') });
    const seen: Seen[] = [];
    nock('http://athena.test')
      .post('/')
      .reply(function () {
        seen.push({ ...this.req.headers });
        vi.setSystemTime(new Date('2026-03-01T10:00:07Z'));
        return [503, { __type: 'ServiceUnavailableException' }];
      })
      .post('/')
      .reply(function () {
        seen.push({ ...this.req.headers });
        return [200, { NotebookSessionsList: [] }];
      });
    const client = new AthenaClient({
      region: 'us-east-1',
      endpoint: 'http://athena.test',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      retry: { baseDelayMs: 1 },
    });
    await client.listNotebookSessions({ NotebookId: NOTEBOOK });
    expect(seen.map((h) => h['x-amz-date'])).toEqual(['20260301T100000Z', '20260301T100007Z']);
    expect(seen[0]!.authorization).not.toBe(seen[1]!.authorization);
    expect(seen.map((h) => h['amz-sdk-request'])).toEqual(['attempt=1; max=3', 'attempt=2; max=3']);
    expect(seen[0]!['amz-sdk-invocation-id']).toBe(seen[1]!['amz-sdk-invocation-id']);
  });
});

describe('OCI-signed requests', () => {
  const PATH = '/20260430/aiDataPlatforms/p/workspaces/w/notebook/api/sessions';
  const OCI =
    /^Signature version="1",keyId="([^"]+)",algorithm="rsa-sha256",headers="x-date \(request-target\) host",signature="([A-Za-z0-9+/=]+)"$/;

  function verify(headers: Seen, target: string): boolean {
    const signature = OCI.exec(String(headers.authorization))![2]!;
    const signingString = `x-date: ${headers['x-date']}\n(request-target): get ${target}\nhost: ${headers.host}`;
    return createVerify('RSA-SHA256')
      .update(signingString)
      .verify(testOciKeys().publicKeyPem, signature, 'base64');
  }

  it('signs with an explicit key and keyId; the signature verifies with the public key', async () => {
    const seen = capture(nock('http://aidp.test').get(`${PATH}?path=a%20b`), 200, { items: [] });
    await new AiDataPlatformClient({
      region: 'us-ashburn-1',
      endpoint: 'http://aidp.test',
      auth: { keyId: TEST_OCI_KEY_ID, privateKey: testOciKeys().privateKeyPem },
    }).listSessions({ aiDataPlatformId: 'p', workspaceKey: 'w', path: 'a b' });
    expect(OCI.exec(String(seen[0]!.authorization))?.[1]).toBe(TEST_OCI_KEY_ID);
    expect(verify(seen[0]!, `${PATH}?path=a%20b`)).toBe(true);
  });

  it('signs with a session-token profile of ~/.oci/config in HOME (ST$ keyId, region from the file)', async () => {
    await mkdir(path.join(home, '.oci'));
    await writeFile(path.join(home, '.oci', 'key.pem'), testOciKeys().privateKeyPem);
    await writeFile(path.join(home, '.oci', 'token'), 'session-token-value\n');
    await writeFile(
      path.join(home, '.oci', 'config'),
      '[DEFAULT]\nregion = us-phoenix-1\n[dev]\nfingerprint = 20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34\n' +
        'key_file = ~/.oci/key.pem\ntenancy = ocid1.tenancy.oc1..t\nsecurity_token_file = ~/.oci/token\n',
    );
    const seen = capture(nock('https://aidp.us-phoenix-1.oci.oraclecloud.com').get(PATH), 200, {
      items: [],
    });
    await new AiDataPlatformClient({ auth: { profile: 'dev' } }).listSessions({
      aiDataPlatformId: 'p',
      workspaceKey: 'w',
    });
    expect(OCI.exec(String(seen[0]!.authorization))?.[1]).toBe('ST$session-token-value');
    expect(verify(seen[0]!, PATH)).toBe(true);
  });
});
