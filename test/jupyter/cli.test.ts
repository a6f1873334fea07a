/**
 * `cloud-sessions list jupyter` as a child process against a real Jupyter Server (Debian:
 * apt-get install -y jupyter-server python3-ipykernel), with sessions and python3 kernels
 * created by the generated client. Run with `npm run test:jupyter`.
 */
import { JupyterServerClient, type CreateSessionOutput } from 'cloud-sessions/jupyter-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startJupyterServer, type JupyterServer } from '../../src/emulator/index.js';
import { ndjson, runBin } from '../cli/helpers.js';

const TOKEN = 'cli-jupyter-test-token-0123';
let jupyter: JupyterServer;
let client: JupyterServerClient;
const created: CreateSessionOutput[] = [];

beforeAll(async () => {
  jupyter = await startJupyterServer({ baseUrl: '/cli-test/', token: TOKEN });
  client = new JupyterServerClient({ endpoint: jupyter.url, token: TOKEN });
  for (const name of ['first.ipynb', 'second.ipynb', 'third.ipynb']) {
    created.push(
      await client.createSession({
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
    if (session.id) await client.deleteSession({ session: session.id }).catch(() => undefined);
  }
  await jupyter?.close();
}, 60_000);

const base = () => ['list', 'jupyter', '--url', jupyter.url];

describe('list jupyter', () => {
  test('json lists the real sessions with their kernel ids (token from JUPYTER_TOKEN)', async () => {
    const { code, stdout, stderr } = await runBin([...base(), '-o', 'json'], {
      JUPYTER_TOKEN: TOKEN,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const sessions = JSON.parse(stdout).sessions as Array<{
      id: string;
      path: string;
      kernel: { id: string; name: string; last_activity: string };
    }>;
    const byId = new Map(sessions.map((s) => [s.id, s]));
    for (const session of created) {
      const listed = byId.get(session.id!);
      expect(listed?.kernel.id).toBe(session.kernel!.id);
      expect(listed?.kernel.name).toBe('python3');
      expect(listed?.kernel.last_activity).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect(sessions).toHaveLength(created.length);
  });

  test('table with --token shows one row per session', async () => {
    const { code, stdout } = await runBin([...base(), '--token', TOKEN], {});
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]!.split(/\s{2,}/)).toEqual([
      'ID',
      'NAME',
      'PATH',
      'TYPE',
      'KERNEL',
      'KERNEL STATE',
      'CONNECTIONS',
      'LAST ACTIVITY',
    ]);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(/\s{2,}/)[0])
        .sort(),
    ).toEqual(created.map((s) => s.id).sort());
  });

  test('--max-items then --starting-token yields exactly the rest', async () => {
    const env = { JUPYTER_TOKEN: TOKEN };
    const full = ndjson((await runBin([...base(), '-o', 'ndjson'], env)).stdout);
    const first = ndjson(
      (await runBin([...base(), '-o', 'ndjson', '--max-items', '1'], env)).stdout,
    );
    const token = first.pop()!.NextToken as string;
    expect(first).toHaveLength(1);
    const rest = ndjson(
      (await runBin([...base(), '-o', 'ndjson', '--starting-token', token], env)).stdout,
    );
    expect([...first, ...rest].map((s) => s.id)).toEqual(full.map((s) => s.id));
  });

  test('--debug logs the request without the token', async () => {
    const { code, stderr } = await runBin([...base(), '--debug', '-o', 'json'], {
      JUPYTER_TOKEN: TOKEN,
    });
    expect(code).toBe(0);
    expect(stderr).toContain(`[debug] GET ${jupyter.url}api/sessions -> 200`);
    expect(stderr).toContain('"authorization":"[redacted]"');
    expect(stderr).not.toContain(TOKEN);
  });

  test('a wrong token is a service error (exit 1) that does not echo the token', async () => {
    const { code, stderr } = await runBin([...base(), '--no-retries'], {
      JUPYTER_TOKEN: 'wrong-token-not-printed',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('HTTP status: 403');
    expect(stderr).not.toContain('wrong-token-not-printed');
  });
});
