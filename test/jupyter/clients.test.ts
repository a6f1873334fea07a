/**
 * The generated Jupyter and OCI clients against a real Jupyter Server (Debian's jupyter-server
 * and python3-ipykernel), the OCI client going through the emulator's signing gateway.
 * Run with `npm run test:jupyter`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JupyterServerClient, type Session } from 'cloud-sessions/jupyter-server';
import { AiDataPlatformClient } from 'cloud-sessions/oci-ai-data-platform';
import { isCloudSessionsError } from 'cloud-sessions/runtime';
import {
  startEmulator,
  startJupyterServer,
  type Emulator,
  type JupyterServer,
} from '../../src/emulator/index.js';

const PLATFORM = 'ocid1.aidataplatform.oc1.iad.amaaaaaaclienttest';
const WORKSPACE = 'ws-clients';
const TOKEN = 'jupyter-clients-test-token';

let jupyterServer: JupyterServer;
let emulator: Emulator;
let jupyter: JupyterServerClient;
let oci: AiDataPlatformClient;
const created: Session[] = [];

beforeAll(async () => {
  jupyterServer = await startJupyterServer({
    baseUrl: `/20260430/aiDataPlatforms/${PLATFORM}/workspaces/${WORKSPACE}/notebook/`,
    token: TOKEN,
  });
  emulator = await startEmulator({ jupyter: { url: jupyterServer.url, token: TOKEN } });
  jupyter = new JupyterServerClient({ endpoint: jupyterServer.url, token: TOKEN });
  oci = new AiDataPlatformClient({
    region: 'us-ashburn-1',
    endpoint: emulator.url,
    auth: {
      keyId: emulator.credentials.oci.keyId,
      privateKey: emulator.credentials.oci.privateKeyPem,
    },
  });
  for (const name of ['analysis.ipynb', 'report.ipynb']) {
    created.push(
      await jupyter.createSession({
        path: name,
        name,
        type: 'notebook',
        kernel: { name: 'python3' },
      }),
    );
  }
}, 120_000);

afterAll(async () => {
  for (const session of created) {
    await jupyter?.deleteSession({ session: session.id! }).catch(() => undefined);
  }
  await emulator?.close();
  await jupyterServer?.close();
}, 60_000);

describe('real kernels through the generated clients', () => {
  it('creates sessions with real python3 kernels', () => {
    expect(created).toHaveLength(2);
    for (const session of created) {
      expect(session.kernel?.name).toBe('python3');
      expect(session.kernel?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(session.kernel?.last_activity).toBeInstanceOf(Date);
    }
  });

  it('lists the same sessions, kernel ids, states and Dates through Jupyter and through the signed OCI gateway', async () => {
    const direct = await jupyter.listSessions();
    const viaOci = await oci.listSessions({ aiDataPlatformId: PLATFORM, workspaceKey: WORKSPACE });
    const byId = <T extends { id?: string }>(list: T[]): T[] =>
      [...list].sort((a, b) => a.id!.localeCompare(b.id!));
    const a = byId(direct);
    const b = byId(viaOci.items);
    expect(a.map((s) => s.id)).toEqual(created.map((s) => s.id).sort());
    expect(b.map((s) => s.id)).toEqual(a.map((s) => s.id));
    for (const [i, session] of a.entries()) {
      const item = b[i]!;
      expect(item.kernel?.id).toBe(session.kernel?.id);
      expect(item.kernel?.name).toBe('python3');
      expect(item.kernel?.execution_state).toBe(session.kernel?.execution_state);
      expect(item.kernel?.last_activity).toBeInstanceOf(Date);
      expect(item.kernel?.last_activity?.getTime()).toBe(session.kernel?.last_activity?.getTime());
      expect(item.path).toBe(session.path);
    }
    expect(viaOci.opcRequestId).toBeTruthy();
    expect(viaOci.etag).toBeTruthy();
    const signed = emulator.requests.filter((r) => r.api === 'oci');
    expect(signed.at(-1)?.signed).toBe(true);
  });

  it('rejects a wrong Jupyter token with a typed error carrying the status', async () => {
    const wrong = new JupyterServerClient({
      endpoint: jupyterServer.url,
      token: 'wrong',
      retry: false,
    });
    const error = await wrong.listSessions().catch((e: unknown) => e);
    expect(isCloudSessionsError(error)).toBe(true);
    expect(error).toMatchObject({ status: 403 });
  });

  it('deletes a session and its kernel; both clients stop seeing it', async () => {
    const victim = created.pop()!;
    await jupyter.deleteSession({ session: victim.id! });
    const direct = await jupyter.listSessions();
    const viaOci = await oci.listSessions({ aiDataPlatformId: PLATFORM, workspaceKey: WORKSPACE });
    expect(direct.map((s) => s.id)).not.toContain(victim.id);
    expect(viaOci.items.map((s) => s.id)).not.toContain(victim.id);
  });
});
