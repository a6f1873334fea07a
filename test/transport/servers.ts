/**
 * Loopback servers for the transport tests: a scripted HTTP(S) server that records what it
 * received and counts connections, and a TCP proxy that counts the connections made through it.
 */
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';

/** One request as the scripted server received it. */
export interface ReceivedRequest {
  method: string;
  target: string;
  /** Raw header pairs, names as sent. */
  rawHeaders: string[];
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Index of the connection it came on (0-based, in accept order). */
  connection: number;
}

/** A running scripted server. */
export interface ScriptedServer {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

/** The scripted server's response to one request (may write nothing and leave it hanging). */
export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  received: ReceivedRequest,
) => void | Promise<void>;

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Test-only self-signed certificate for 127.0.0.1 (see fixtures/README.md). */
export const LOOPBACK_CERT = fixture('loopback-cert.pem');

/** Starts a server on 127.0.0.1, port 0; `tls` serves HTTPS with {@link LOOPBACK_CERT}. */
export async function startServer(handler: Handler, tls = false): Promise<ScriptedServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new WeakMap<object, number>();
  let connections = 0;
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        target: req.url ?? '',
        rawHeaders: req.rawHeaders,
        headers: req.headers,
        body: Buffer.concat(chunks),
        connection: sockets.get(req.socket) ?? -1,
      };
      requests.push(received);
      void Promise.resolve(handler(req, res, received)).catch(() => res.destroy());
    });
  };
  const server = tls
    ? https.createServer({ cert: LOOPBACK_CERT, key: fixture('loopback-key.pem') }, listener)
    : http.createServer(listener);
  server.on(tls ? 'secureConnection' : 'connection', (socket: object) => {
    sockets.set(socket, connections++);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A TCP proxy to `upstreamPort` on 127.0.0.1 that counts the connections it accepts. */
export async function startCountingProxy(upstreamPort: number): Promise<{
  url: string;
  readonly connections: number;
  close(): Promise<void>;
}> {
  let connections = 0;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    connections += 1;
    const upstream = net.connect(upstreamPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
