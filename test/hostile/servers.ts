/**
 * Loopback servers that misbehave on purpose, for the hostile suite (issue 16). Each counts and
 * records what reaches it, so a test can prove that nothing was sent, or sent only once.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback } from '../helpers/ports.js';

export interface HitRecord {
  method: string;
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HostileServer {
  url: string;
  hits: HitRecord[];
  close(): Promise<void>;
}

/** What the server does with the `index`-th request; it may write anything to `res`. */
export type HostileHandler = (res: ServerResponse, hit: HitRecord, index: number) => void;

export async function startHostileServer(handler: HostileHandler): Promise<HostileServer> {
  const hits: HitRecord[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hit = {
        method: req.method ?? '',
        target: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      hits.push(hit);
      handler(res, hit, hits.length - 1);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A JSON answer. */
export function json(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}
