/**
 * Forwarding one request to an upstream server, for the loopback proxies in front of the
 * emulator (fault-server.ts, compat/evolving-service.ts). The Host header goes up unchanged, so
 * a request signed for the proxy's address still verifies upstream. Node only; for tests.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/** Headers about one connection or one body's framing, which a relay must not copy through. */
export const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
]);

/** The upstream's answer, read whole. */
export interface Relayed {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The request as the proxy received it: method, path and query, headers. */
export interface RelayRequest {
  method: string;
  target: string;
  headers: IncomingHttpHeaders;
}

/** Sends `request` with `body` to `upstream` and reads the whole response. */
export function forwardUpstream(
  upstream: URL,
  request: RelayRequest,
  body: Buffer | string,
): Promise<Relayed> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.target,
        headers: request.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 502,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
