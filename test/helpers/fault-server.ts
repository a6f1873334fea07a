/**
 * A loopback proxy that injects one scripted fault per request in front of an upstream
 * server (usually the emulator, which verifies signatures and serves the data). The Host
 * header is forwarded unchanged, so requests signed for the proxy's address still verify
 * upstream. Node only; for tests.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback } from './ports.js';
import { forwardUpstream, HOP_BY_HOP } from './relay.js';

/** What the proxy does with one request. */
export type FaultAction =
  /** Forward upstream and relay the response, with `headers` added or replaced. */
  | { kind: 'pass'; headers?: Record<string, string> }
  /** Answer directly, without contacting the upstream. */
  | { kind: 'respond'; status: number; headers?: Record<string, string>; body?: string }
  /** Reset the connection (TCP RST) before any response byte. */
  | { kind: 'reset' }
  /** Forward, then send the head and half the body while announcing the full Content-Length. */
  | { kind: 'truncate' }
  /** Forward, then send the head and half the body and keep the connection open, silent. */
  | { kind: 'stall' }
  /** Forward after waiting `ms` (a slow response); nothing is sent if the client gives up. */
  | { kind: 'delay'; ms: number };

/** One request as the proxy received it. */
export interface SeenRequest {
  method: string;
  /** Path and query as received. */
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
  action: FaultAction['kind'];
  /** Status relayed or sent; undefined for resets and for slow responses the client abandoned. */
  status: number | undefined;
}

/** Options of {@link startFaultServer}. */
export interface FaultServerOptions {
  /** Base URL of the upstream, e.g. the emulator's `url`. */
  upstream: string;
  /** The action for the `index`-th request (0-based, in arrival order); default: always pass. */
  plan?: (index: number, request: SeenRequest) => FaultAction;
}

/** A running fault-injecting proxy. */
export interface FaultServer {
  url: string;
  port: number;
  /** Requests received so far, oldest first. */
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** Starts the proxy on 127.0.0.1, port 0. */
export async function startFaultServer(options: FaultServerOptions): Promise<FaultServer> {
  const upstream = new URL(options.upstream);
  const plan = options.plan ?? ((): FaultAction => ({ kind: 'pass' }));
  const requests: SeenRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      target: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      action: 'pass',
      status: undefined,
    };
    const action = plan(requests.length, seen);
    seen.action = action.kind;
    requests.push(seen);
    switch (action.kind) {
      case 'reset':
        resetSocket(req.socket);
        return;
      case 'respond': {
        const body = action.body ?? '';
        seen.status = action.status;
        res.writeHead(action.status, {
          date: new Date().toUTCString(),
          ...action.headers,
          'content-length': String(Buffer.byteLength(body)),
        });
        res.end(body);
        return;
      }
      case 'delay':
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, action.ms);
          timers.add(timer);
        });
        if (res.destroyed || req.socket.destroyed) return;
        break;
      case 'pass':
      case 'truncate':
      case 'stall':
        break;
    }
    const answer = await forwardUpstream(upstream, seen, seen.body);
    seen.status = answer.status;
    const headers = relayHeaders(answer.headers);
    if (action.kind === 'truncate' || action.kind === 'stall') {
      const head =
        `HTTP/1.1 ${answer.status} Relayed\r\n` +
        Object.entries({
          ...headers,
          'content-length': String(answer.body.length),
          connection: 'close',
        })
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('') +
        '\r\n';
      const bytes = Buffer.concat([
        Buffer.from(head, 'latin1'),
        answer.body.subarray(0, Math.floor(answer.body.length / 2)),
      ]);
      if (action.kind === 'truncate') req.socket.end(bytes);
      else req.socket.write(bytes);
      return;
    }
    const added = action.kind === 'pass' ? action.headers : undefined;
    res.writeHead(answer.status, {
      ...headers,
      ...added,
      'content-length': String(answer.body.length),
    });
    res.end(answer.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(599, { 'content-type': 'text/plain' });
        res.end('fault server error');
      }
    });
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function relayHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function resetSocket(socket: Socket): void {
  const s = socket as Socket & { resetAndDestroy?: () => void };
  if (typeof s.resetAndDestroy === 'function') s.resetAndDestroy();
  else s.destroy();
}
