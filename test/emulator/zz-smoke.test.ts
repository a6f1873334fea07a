import { test, expect } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { athenaCall, nimbleCall, ociFetch, ociPath } from '../../test/emulator/helpers.js';
test('smoke', async () => {
  const emu = await startEmulator();
  try {
    const nb = emu.data.athena.notebooks[0]!;
    let r = await athenaCall(emu, { NotebookId: nb.notebookId, MaxResults: 3 });
    console.log(r.status, [...r.headers], await r.text());
    const st = emu.data.nimble.studios[0]!;
    r = await nimbleCall(emu, st.studioId, { createdBy: st.sessions[0]!.createdBy });
    console.log(r.status, [...r.headers], (await r.text()).slice(0, 300));
    const p = emu.data.oci.platforms[0]!;
    r = await ociFetch(emu, ociPath(p.aiDataPlatformId, p.workspaces[0]!.workspaceKey));
    console.log(r.status, [...r.headers], (await r.text()).slice(0, 300));
    console.log(emu.requests);
  } finally { await emu.close(); }
});
