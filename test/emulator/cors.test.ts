import { afterEach, describe, expect, test } from 'vitest';
import { CORS_ALLOW_HEADERS } from '../../src/emulator/cors.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';

const ORIGIN = 'http://127.0.0.1:9';
let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

function preflight(url: string, method: string, headers: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin: ORIGIN,
      'access-control-request-method': method,
      'access-control-request-headers': headers,
    },
  });
}

describe('emulator cors option', () => {
  test('answers a preflight with 204, any origin, and every header the clients send', async () => {
    emu = await startEmulator({ cors: true });
    const response = await preflight(`${emu.url}/`, 'POST', 'authorization,x-amz-target');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = response.headers.get('access-control-allow-headers')!.split(', ');
    for (const name of [
      'authorization',
      'x-amz-date',
      'x-amz-target',
      'x-amz-security-token',
      'x-date',
      'amz-sdk-invocation-id',
      'amz-sdk-request',
      'content-type',
      'opc-request-id',
      'opc-client-retries',
    ]) {
      expect(allowed).toContain(name);
    }
    expect(allowed).toEqual([...CORS_ALLOW_HEADERS]);
  });

  test('records the preflight as an unsigned, unauthenticated request', async () => {
    emu = await startEmulator({ cors: true });
    await preflight(`${emu.url}/2020-08-01/studios/s/streaming-sessions`, 'GET', 'authorization');
    expect(emu.requests).toEqual([
      expect.objectContaining({ method: 'OPTIONS', status: 204, signed: false }),
    ]);
    expect(emu.requests[0]!.authFailure).toBeUndefined();
  });

  test('adds allow-origin and exposes the headers clients read on every response, errors included', async () => {
    emu = await startEmulator({ cors: true });
    const response = await fetch(`${emu.url}/2020-08-01/studios/s/streaming-sessions`);
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const exposed = response.headers.get('access-control-expose-headers')!.split(', ');
    expect(exposed).toEqual(
      expect.arrayContaining(['date', 'x-amzn-requestid', 'opc-request-id', 'opc-next-page']),
    );
  });

  test('is off by default: OPTIONS is routed like any request and responses carry no CORS headers', async () => {
    emu = await startEmulator();
    const response = await preflight(`${emu.url}/`, 'POST', 'authorization');
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
