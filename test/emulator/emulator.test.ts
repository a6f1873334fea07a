import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { ConfigurationError } from '../../src/errors/index.js';
import { DEFAULT_AWS_CREDENTIAL, startEmulator } from '../../src/emulator/index.js';
import { unusedLoopbackPort } from '../helpers/ports.js';
import { nimbleCall } from './helpers.js';

describe('startEmulator', () => {
  test('listens on 127.0.0.1 and reports its URL and port', async () => {
    const emu = await startEmulator();
    try {
      expect(emu.url).toBe(`http://127.0.0.1:${emu.port}`);
      expect(emu.port).toBeGreaterThan(0);
    } finally {
      await emu.close();
    }
  });

  test('defaults to the deterministic test AWS key and us-east-1', async () => {
    const emu = await startEmulator();
    try {
      expect(emu.credentials.aws).toEqual([{ ...DEFAULT_AWS_CREDENTIAL }]);
      expect(emu.credentials.region).toBe('us-east-1');
    } finally {
      await emu.close();
    }
  });

  test('exposes a usable OCI test key with its MD5 fingerprint', async () => {
    const emu = await startEmulator();
    try {
      const key = emu.credentials.oci;
      expect(key.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
      expect(key.keyId).toBe(`${key.tenancy}/${key.user}/${key.fingerprint}`);
      expect(key.sessionKeyId).toBe(`ST$${key.sessionToken}`);
      expect(key.privateKeyPem).toContain('BEGIN PRIVATE KEY');
    } finally {
      await emu.close();
    }
  });

  test('JSON and inspect output never show secrets', async () => {
    const emu = await startEmulator({
      awsCredentials: [
        { accessKeyId: 'AKIAX', secretAccessKey: 'sekret-value', sessionToken: 'tok-value' },
      ],
    });
    try {
      const secrets = [
        'sekret-value',
        'tok-value',
        emu.credentials.oci.sessionToken,
        'PRIVATE KEY',
      ];
      const outputs = [
        JSON.stringify(emu),
        JSON.stringify(emu.credentials),
        JSON.stringify(emu.credentials.aws),
        JSON.stringify(emu.credentials.oci),
        inspect(emu, { depth: 10 }),
        inspect(emu.credentials.aws[0]),
        inspect(emu.credentials.oci),
      ];
      for (const out of outputs) for (const secret of secrets) expect(out).not.toContain(secret);
      expect(JSON.stringify(emu.credentials)).toContain('AKIAX');
      expect(emu.credentials.aws[0]!.secretAccessKey).toBe('sekret-value');
    } finally {
      await emu.close();
    }
  });

  test('the same seed serves the same data over the wire', async () => {
    const bodies: string[] = [];
    for (let i = 0; i < 2; i++) {
      const emu = await startEmulator({ seed: 77 });
      try {
        bodies.push(await (await nimbleCall(emu, emu.data.nimble.studios[0]!.studioId)).text());
      } finally {
        await emu.close();
      }
    }
    expect(bodies[1]).toBe(bodies[0]);
  });

  test('a given port is used', async () => {
    const port = await unusedLoopbackPort();
    const emu = await startEmulator({ port });
    try {
      expect(emu.port).toBe(port);
    } finally {
      await emu.close();
    }
  });

  test('latencyMs delays responses', async () => {
    const emu = await startEmulator({ faults: { latencyMs: 60 } });
    try {
      const started = performance.now();
      await (await nimbleCall(emu, emu.data.nimble.studios[0]!.studioId)).text();
      expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    } finally {
      await emu.close();
    }
  });

  test('unknown routes get a 404', async () => {
    const emu = await startEmulator();
    try {
      expect((await fetch(`${emu.url}/nope`)).status).toBe(404);
      const oci = await fetch(`${emu.url}/20260430/somethingElse`);
      expect(oci.status).toBe(404);
      expect((await oci.json()).code).toBe('NotAuthorizedOrNotFound');
    } finally {
      await emu.close();
    }
  });

  test('close is idempotent and drops keep-alive connections', async () => {
    const emu = await startEmulator();
    await (await fetch(`${emu.url}/nope`)).text();
    await Promise.all([emu.close(), emu.close()]);
    await expect(fetch(`${emu.url}/nope`)).rejects.toThrow();
  });

  test.each([
    [{ port: -1 }, 'port'],
    [{ sizes: { athenaNotebooks: 1.5 } }, 'sizes.athenaNotebooks'],
    [{ nimblePageSize: 0 }, 'nimblePageSize'],
    [{ awsCredentials: [{ accessKeyId: '', secretAccessKey: 'x' }] }, 'awsCredentials[0]'],
    [{ ociPublicKeys: { k: 'not a pem' } }, 'ociPublicKeys'],
    [{ jupyter: { url: 'nope', token: 't' } }, 'jupyter[0].url'],
    [{ faults: { rate429: 2 } }, 'faults.rate429'],
  ])('%j is a ConfigurationError naming %s', async (options, name) => {
    const attempt = startEmulator(options as never);
    await expect(attempt).rejects.toThrow(ConfigurationError);
    await expect(attempt).rejects.toThrow(name);
  });
});

describe('startJupyterServer without Jupyter', () => {
  test('a missing executable is a ConfigurationError that says how to install it', async () => {
    const { startJupyterServer } = await import('../../src/emulator/index.js');
    const attempt = startJupyterServer({
      baseUrl: '/',
      token: 't',
      executable: '/nonexistent/jupyter-server',
    });
    await expect(attempt).rejects.toThrow(ConfigurationError);
    await expect(attempt).rejects.toThrow(/apt-get install -y jupyter-server python3-ipykernel/);
  });
});
