/**
 * Gateway mode against a real Jupyter Server (Debian: apt-get install -y
 * jupyter-server python3-ipykernel). Run with: npx vitest run --dir test/jupyter
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  startEmulator,
  startJupyterServer,
  type Emulator,
  type JupyterServer,
} from '../../src/emulator/index.js';
import { ociFetch, ociPath } from '../emulator/helpers.js';

const PLATFORM = 'ocid1.aidataplatform.oc1.iad.amaaaaaajupytertest';
const WORKSPACE = 'ws-jupyter-test';
const TOKEN = 'emulator-jupyter-test-token';

let jupyter: JupyterServer;
let emu: Emulator;
const created: Array<{ id: string; kernel: { id: string } }> = [];

async function jupyterApi(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${jupyter.url}api/${path}`, {
    method,
    headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

beforeAll(async () => {
  jupyter = await startJupyterServer({
    baseUrl: `/20260430/aiDataPlatforms/${PLATFORM}/workspaces/${WORKSPACE}/notebook/`,
    token: TOKEN,
  });
  emu = await startEmulator({ jupyter: { url: jupyter.url, token: TOKEN } });
  for (const name of ['first.ipynb', 'second.ipynb']) {
    const res = await jupyterApi('POST', 'sessions', {
      path: name,
      type: 'notebook',
      name,
      kernel: { name: 'python3' },
    });
    expect(res.status).toBe(201);
    created.push(await res.json());
  }
}, 120_000);

afterAll(async () => {
  await emu?.close();
  await jupyter?.close();
}, 60_000);

describe('gateway to a real Jupyter Server', () => {
  test('lists the real kernels as OCI SessionSummary items', async () => {
    const res = await ociFetch(emu, ociPath(PLATFORM, WORKSPACE), {
      headers: { 'opc-request-id': 'JUPYTER-1' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('opc-request-id')).toBe('JUPYTER-1');
    expect(res.headers.get('etag')).toBeTruthy();
    const { items } = await res.json();
    expect(items.map((s: { id: string }) => s.id).sort()).toEqual(created.map((s) => s.id).sort());
    for (const item of items) {
      expect(item.lifecycleState).toBe('ACTIVE');
      expect(item.type).toBe('notebook');
      expect(item.kernel.name).toBe('python3');
      expect(item.kernel.last_activity).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(typeof item.kernel.connections).toBe('number');
      expect(created.map((s) => s.kernel.id)).toContain(item.kernel.id);
    }
  });

  test('the path filter selects one session', async () => {
    const res = await ociFetch(emu, ociPath(PLATFORM, WORKSPACE, '?path=second.ipynb'));
    const { items } = await res.json();
    expect(items.map((s: { path: string }) => s.path)).toEqual(['second.ipynb']);
  });

  test('a deleted session disappears from the list', async () => {
    const gone = created[0]!;
    expect((await jupyterApi('DELETE', `sessions/${gone.id}`)).status).toBe(204);
    const { items } = await (await ociFetch(emu, ociPath(PLATFORM, WORKSPACE))).json();
    expect(items.map((s: { id: string }) => s.id)).not.toContain(gone.id);
  });

  test('another workspace on the same server is NotAuthorizedOrNotFound', async () => {
    const other = await startEmulator({ jupyter: { url: jupyter.origin, token: TOKEN } });
    try {
      const res = await ociFetch(other, ociPath(PLATFORM, 'not-this-workspace'));
      expect(res.status).toBe(404);
      expect((await res.json()).code).toBe('NotAuthorizedOrNotFound');
    } finally {
      await other.close();
    }
  });

  test('a wrong token is NotAuthenticated', async () => {
    const other = await startEmulator({ jupyter: { url: jupyter.url, token: 'wrong' } });
    try {
      const res = await ociFetch(other, ociPath(PLATFORM, WORKSPACE));
      expect(res.status).toBe(401);
      expect((await res.json()).code).toBe('NotAuthenticated');
    } finally {
      await other.close();
    }
  });
});
