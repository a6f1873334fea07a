import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator, type OciSessionSummary } from '../../src/emulator/index.js';
import { ociFetch, ociPath } from './helpers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ sizes: { ociSessionsPerWorkspace: 12 } });
});
afterAll(() => emu.close());

const platform = () => emu.data.oci.platforms[0]!;
const workspace = () => platform().workspaces[0]!;
const path = (query = '') => ociPath(platform().aiDataPlatformId, workspace().workspaceKey, query);

describe('OCI notebook sessions list', () => {
  test('answers 200 {items} with etag, opc-request-id and Date', async () => {
    const res = await ociFetch(emu, path());
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^[0-9a-f]{16}$/);
    expect(res.headers.get('opc-request-id')).toMatch(/^[0-9A-F]{32}$/);
    expect(res.headers.get('date')).toBeTruthy();
    expect(await res.json()).toEqual({ items: workspace().sessions });
  });

  test('items keep the mixed wire casing and ISO 8601 Z kernel activity', async () => {
    const { items } = (await (await ociFetch(emu, path())).json()) as {
      items: OciSessionSummary[];
    };
    for (const s of items) {
      expect(s).toHaveProperty('cluster_id');
      expect(s).toHaveProperty('lifecycleState');
      expect(s.kernel).toHaveProperty('execution_state');
      expect(s.kernel.last_activity).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(Number.isInteger(s.kernel.connections)).toBe(true);
      expect(['CREATING', 'ACTIVE', 'FAILED']).toContain(s.lifecycleState);
      expect(['notebook', 'file', 'agentflow']).toContain(s.type);
    }
  });

  test('the same body gives the same etag', async () => {
    const a = await ociFetch(emu, path());
    const b = await ociFetch(emu, path());
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
  });

  test('the caller-supplied opc-request-id is echoed', async () => {
    const res = await ociFetch(emu, path(), { headers: { 'opc-request-id': 'MY-REQUEST-1' } });
    expect(res.headers.get('opc-request-id')).toBe('MY-REQUEST-1');
  });

  test.each(['cluster_id', 'path'] as const)('the %s query parameter filters', async (name) => {
    const value = workspace().sessions[2]![name];
    const res = await ociFetch(emu, path(`?${name}=${encodeURIComponent(value)}`));
    const { items } = (await res.json()) as { items: OciSessionSummary[] };
    expect(items).toEqual(workspace().sessions.filter((s) => s[name] === value));
    expect(items.length).toBeGreaterThan(0);
  });

  test('the agentFlowKey query parameter filters', async () => {
    const all = emu.data.oci.platforms.flatMap((p) => p.workspaces);
    const ws = all.find((w) => w.sessions.some((s) => s.agentFlowKey))!;
    const p = emu.data.oci.platforms.find((pl) => pl.workspaces.includes(ws))!;
    const key = ws.sessions.find((s) => s.agentFlowKey)!.agentFlowKey!;
    const res = await ociFetch(
      emu,
      ociPath(p.aiDataPlatformId, ws.workspaceKey, `?agentFlowKey=${key}`),
    );
    const { items } = (await res.json()) as { items: OciSessionSummary[] };
    expect(items.map((s) => s.agentFlowKey)).toEqual([key]);
  });

  test('an unknown platform is a 404 NotAuthorizedOrNotFound', async () => {
    const res = await ociFetch(
      emu,
      ociPath('ocid1.aidataplatform.oc1..nope', workspace().workspaceKey),
    );
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      code: 'NotAuthorizedOrNotFound',
      message: expect.any(String),
    });
    expect(res.headers.get('opc-request-id')).toBeTruthy();
  });

  test('an unknown workspace is a 404 NotAuthorizedOrNotFound', async () => {
    const res = await ociFetch(emu, ociPath(platform().aiDataPlatformId, 'no-such-workspace'));
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('NotAuthorizedOrNotFound');
  });

  test('the path is also served under an /api prefix', async () => {
    const res = await ociFetch(emu, `/api${path()}`);
    expect(res.status).toBe(200);
  });

  test('a session-token keyId (ST$<token>) signed with the session key is accepted', async () => {
    const res = await ociFetch(emu, path(), { keyId: emu.credentials.oci.sessionKeyId });
    expect(res.status).toBe(200);
  });
});
