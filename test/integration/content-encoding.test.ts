/**
 * Compressed responses through the clients, on the transport the suite runs on (the default,
 * or `fetch` with CLOUD_SESSIONS_TEST_FETCH=global; see clients.ts): a gzip, deflate or br body
 * is decoded into the same typed output, and a body that is not what its content-encoding says
 * is a ConnectionError on both. The emulator verifies the signature; a proxy in front of it
 * compresses its replies, as a CDN or load balancer might.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError } from 'cloud-sessions/runtime';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { athenaClient, nimbleClient } from './clients.js';

const ENCODERS: Record<string, (body: Buffer) => Buffer> = {
  gzip: (b) => zlib.gzipSync(b),
  deflate: (b) => zlib.deflateSync(b),
  br: (b) => zlib.brotliCompressSync(b),
  broken: (b) => b,
};

let emulator: Emulator;
const proxies: Server[] = [];
/** Base URL of a proxy that encodes every reply with `coding`; one per coding, on its own port. */
const proxyUrl: Record<string, string> = {};

/** A proxy to the emulator that re-encodes its replies (paths untouched: they are signed). */
async function encodingProxy(target: URL, coding: string): Promise<string> {
  const proxy = createServer((req, res) => {
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (reply) => {
        const chunks: Buffer[] = [];
        reply.on('data', (c: Buffer) => chunks.push(c));
        reply.on('end', () => {
          const body = ENCODERS[coding]!(Buffer.concat(chunks));
          const headers = { ...reply.headers, 'content-length': String(body.length) };
          delete headers['transfer-encoding'];
          headers['content-encoding'] = coding === 'broken' ? 'gzip' : coding;
          res.writeHead(reply.statusCode!, headers);
          res.end(body);
        });
      },
    );
    req.pipe(upstream);
  });
  proxies.push(proxy);
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  emulator = await startEmulator();
  for (const coding of Object.keys(ENCODERS)) {
    proxyUrl[coding] = await encodingProxy(new URL(emulator.url), coding);
  }
});

afterAll(async () => {
  for (const proxy of proxies) await new Promise((resolve) => proxy.close(resolve));
  await emulator.close();
});

describe('content-encoding of responses', () => {
  it.each(['gzip', 'deflate', 'br'])(
    'decodes %s: same typed output as uncompressed',
    async (coding) => {
      const notebook = emulator.data.athena.notebooks[0]!.notebookId;
      const plain = await athenaClient(emulator).listNotebookSessions({ NotebookId: notebook });
      const viaProxy = athenaClient(emulator, { endpoint: proxyUrl[coding]! });
      const decoded = await viaProxy.listNotebookSessions({ NotebookId: notebook });
      expect(decoded).toEqual(plain);
      expect(decoded.NotebookSessionsList?.[0]?.CreationTime).toBeInstanceOf(Date);
    },
  );

  it('decodes a restJson1 body (Nimble) sent as br', async () => {
    const studio = emulator.data.nimble.studios[0]!.studioId;
    const plain = await nimbleClient(emulator).listStreamingSessions({ studioId: studio });
    const viaProxy = nimbleClient(emulator, { endpoint: proxyUrl.br! });
    expect(await viaProxy.listStreamingSessions({ studioId: studio })).toEqual(plain);
  });

  it('a body that is not the gzip it claims to be is a ConnectionError', async () => {
    const notebook = emulator.data.athena.notebooks[0]!.notebookId;
    const client = athenaClient(emulator, { endpoint: proxyUrl.broken!, retry: false });
    const error = await client
      .listNotebookSessions({ NotebookId: notebook })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
  });
});
