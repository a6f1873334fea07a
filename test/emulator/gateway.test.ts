import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { mapJupyterError, resolveGateways } from '../../src/emulator/oci-gateway.js';
import { unusedLoopbackPort } from '../helpers/ports.js';
import { ociFetch, ociPath } from './helpers.js';

const PLATFORM = 'ocid1.aidataplatform.oc1..gateway';
const WORKSPACE = 'ws-gateway';
const BASE = `/20260430/aiDataPlatforms/${PLATFORM}/workspaces/${WORKSPACE}/notebook/`;
const jupyterSessions = [
  {
    id: 's-1',
    path: 'a.ipynb',
    name: 'a.ipynb',
    type: 'notebook',
    notebook: { path: 'a.ipynb', name: 'a.ipynb' },
    kernel: {
      id: 'k-1',
      name: 'python3',
      last_activity: '2024-03-01T00:00:00.000000Z',
      execution_state: 'idle',
      connections: 1,
    },
  },
  {
    id: 's-2',
    path: 'b.ipynb',
    name: 'b.ipynb',
    type: 'notebook',
    kernel: {
      id: 'k-2',
      name: 'python3',
      last_activity: '2024-03-01T00:01:00.000000Z',
      execution_state: 'busy',
      connections: 0,
    },
  },
];

let fake: Server;
let fakeUrl: string;
let mode: 'ok' | '500' | 'html404' = 'ok';
const seenAuth: string[] = [];
let emu: Emulator;

beforeAll(async () => {
  fake = createServer((req, res) => {
    seenAuth.push(String(req.headers.authorization));
    if (req.headers.authorization !== 'token T') {
      res
        .writeHead(403, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: 'Forbidden', reason: null }));
    } else if (mode === '500') {
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: 'kernel manager exploded', reason: null }));
    } else if (mode === 'html404' || req.url !== `${BASE}api/sessions`) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html>404</html>');
    } else {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(jupyterSessions));
    }
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  emu = await startEmulator({ jupyter: { url: fakeUrl + BASE, token: 'T' } });
});
afterAll(async () => {
  await emu.close();
  await new Promise<void>((r) => fake.close(() => r()));
});

describe('Jupyter gateway mode', () => {
  test('wraps the bare Jupyter array into {items} of SessionSummary with etag and opc-request-id', async () => {
    mode = 'ok';
    const res = await ociFetch(emu, ociPath(PLATFORM, WORKSPACE), {
      headers: { 'opc-request-id': 'GW-1' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('opc-request-id')).toBe('GW-1');
    expect(res.headers.get('etag')).toBeTruthy();
    const body = await res.json();
    expect(body.items).toHaveLength(2);
    expect(body.items[0]).toEqual({
      id: 's-1',
      name: 'a.ipynb',
      path: 'a.ipynb',
      type: 'notebook',
      kernel: {
        connections: 1,
        execution_state: 'idle',
        id: 'k-1',
        last_activity: '2024-03-01T00:00:00.000000Z',
        name: 'python3',
      },
      lifecycleState: 'ACTIVE',
    });
    expect(seenAuth.at(-1)).toBe('token T');
  });

  test('the path filter applies to forwarded sessions', async () => {
    mode = 'ok';
    const res = await ociFetch(emu, ociPath(PLATFORM, WORKSPACE, '?path=b.ipynb'));
    expect((await res.json()).items.map((s: { id: string }) => s.id)).toEqual(['s-2']);
  });

  test('other workspaces are still served from the seeded data', async () => {
    const p = emu.data.oci.platforms[0]!;
    const res = await ociFetch(emu, ociPath(p.aiDataPlatformId, p.workspaces[0]!.workspaceKey));
    expect((await res.json()).items).toEqual(p.workspaces[0]!.sessions);
  });

  test('a Jupyter 500 becomes an OCI InternalServerError with its message', async () => {
    mode = '500';
    const res = await ociFetch(emu, ociPath(PLATFORM, WORKSPACE));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      code: 'InternalServerError',
      message: 'kernel manager exploded',
    });
  });

  test('a Jupyter HTML 404 becomes NotAuthorizedOrNotFound', async () => {
    mode = 'html404';
    const res = await ociFetch(emu, ociPath(PLATFORM, WORKSPACE));
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('NotAuthorizedOrNotFound');
  });

  test('a wrong Jupyter token becomes a 401 NotAuthenticated', async () => {
    mode = 'ok';
    const bad = await startEmulator({ jupyter: { url: fakeUrl, token: 'wrong' } });
    try {
      const res = await ociFetch(bad, ociPath(PLATFORM, WORKSPACE));
      expect(res.status).toBe(401);
      expect((await res.json()).code).toBe('NotAuthenticated');
    } finally {
      await bad.close();
    }
  });

  test('an unreachable Jupyter server is an InternalServerError', async () => {
    const port = await unusedLoopbackPort();
    const gone = await startEmulator({ jupyter: { url: `http://127.0.0.1:${port}`, token: 'T' } });
    try {
      const res = await ociFetch(gone, ociPath(PLATFORM, WORKSPACE));
      expect(res.status).toBe(500);
      expect((await res.json()).code).toBe('InternalServerError');
    } finally {
      await gone.close();
    }
  });

  test('the gateway signature is still verified', async () => {
    const res = await fetch(emu.url + ociPath(PLATFORM, WORKSPACE));
    expect(res.status).toBe(401);
  });
});

describe('gateway helpers', () => {
  test('a Jupyter base URL names the platform and workspace it serves', () => {
    expect(resolveGateways({ url: `http://h:1${BASE}`, token: 't' })[0]).toMatchObject({
      origin: 'http://h:1',
      aiDataPlatformId: PLATFORM,
      workspaceKey: WORKSPACE,
    });
  });

  test('a bare origin serves every workspace', () => {
    expect(resolveGateways({ url: 'http://h:1', token: 't' })[0]).toMatchObject({
      aiDataPlatformId: undefined,
      workspaceKey: undefined,
    });
  });

  test.each([
    [404, 404, 'NotAuthorizedOrNotFound'],
    [403, 401, 'NotAuthenticated'],
    [401, 401, 'NotAuthenticated'],
    [502, 500, 'InternalServerError'],
    [429, 429, 'TooManyRequests'],
    [400, 400, 'InvalidParameter'],
  ])('Jupyter %i maps to OCI %i %s', (from, status, code) => {
    const mapped = mapJupyterError(from, '{"message":"m","reason":null}');
    expect(mapped.status).toBe(status);
    expect(JSON.parse(mapped.body).code).toBe(code);
  });
});
