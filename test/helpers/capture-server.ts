/**
 * A loopback HTTP server that records every request, checks its SigV4 signature with the
 * emulator's independent verifier, and answers with a canned JSON response. Node only; for
 * wire-shape tests.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySigV4, type SigV4Result } from '../../src/emulator/sigv4-verify-node.js';
import { testAwsCredentials } from './credentials.js';

export interface CapturedRequest {
  method: string;
  /** Path and query as received. */
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The SigV4 verdict, when the server was started with `sigv4`. */
  signature?: SigV4Result;
}

export interface CaptureOptions {
  /** Verify SigV4 for this signing name and region, with {@link testAwsCredentials}. */
  sigv4?: { service: string; region: string };
  reply?: (request: CapturedRequest) => { status: number; body: unknown };
}

export interface CaptureServer {
  url: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

export async function startCaptureServer(options: CaptureOptions = {}): Promise<CaptureServer> {
  const reply = options.reply ?? (() => ({ status: 200, body: {} }));
  const requests: CapturedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const seen: CapturedRequest = {
        method: req.method ?? '',
        target: req.url ?? '',
        headers: req.headers,
        body: bytes.toString('utf8'),
      };
      if (options.sigv4) {
        seen.signature = verifySigV4(
          { method: seen.method, target: seen.target, rawHeaders: req.rawHeaders, body: bytes },
          {
            credentials: new Map([[testAwsCredentials.accessKeyId, testAwsCredentials]]),
            region: options.sigv4.region,
            service: options.sigv4.service,
            nowMs: Date.now(),
            toleranceMs: 5 * 60_000,
          },
        );
      }
      requests.push(seen);
      const { status, body } = reply(seen);
      res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': 'req-1' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
