import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { startJupyterServer } from '../../src/emulator/index.js';

async function processesMentioning(marker: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((p) => /^\d+$/.test(p))) {
    try {
      if ((await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes(marker)) found.push(pid);
    } catch {
      // ended meanwhile
    }
  }
  return found;
}

describe('startJupyterServer', () => {
  test('close stops the server and its kernels and removes the root directory', async () => {
    const server = await startJupyterServer({
      baseUrl: '/20260430/aiDataPlatforms/p/workspaces/w/notebook',
      token: 'tok-process-test',
    });
    expect(server.url).toBe(`${server.origin}/20260430/aiDataPlatforms/p/workspaces/w/notebook/`);
    const res = await fetch(`${server.url}api/sessions`, {
      method: 'POST',
      headers: { authorization: 'token tok-process-test', 'content-type': 'application/json' },
      body: JSON.stringify({
        path: 'x.ipynb',
        type: 'notebook',
        name: 'x.ipynb',
        kernel: { name: 'python3' },
      }),
    });
    expect(res.status).toBe(201);
    expect((await processesMentioning(server.rootDir)).length).toBeGreaterThan(0);
    await server.close();
    expect(await processesMentioning(server.rootDir)).toEqual([]);
    expect(existsSync(server.rootDir)).toBe(false);
    await expect(fetch(`${server.url}api/status`)).rejects.toThrow();
  });

  test('the token never appears in JSON output', async () => {
    const server = await startJupyterServer({ baseUrl: '/', token: 'tok-hidden-value' });
    try {
      expect(JSON.stringify(server)).not.toContain('tok-hidden-value');
      expect(server.url).toBe(`${server.origin}/`);
    } finally {
      await server.close();
    }
  });
});
