/**
 * A service that has moved on since the client was generated, on loopback. It stands in front
 * of the emulator (the service as the spec describes it) and, per request, either forwards and
 * rewrites the JSON response (new enum values, new members, removed members: the emulator still
 * verifies the signature and serves the data), or answers itself as the newer service would
 * (input it now accepts, an error code it now sends), after verifying the SigV4 signature with
 * the emulator's own independent checker. Node only; for tests.
 */
import { createPublicKey } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { Emulator } from '../../src/emulator/index.js';
import { verifyOciSignature } from '../../src/emulator/oci-verify-node.js';
import { verifySigV4 } from '../../src/emulator/sigv4-verify-node.js';
import { listenOnLoopback } from '../helpers/ports.js';
import { forwardUpstream, HOP_BY_HOP } from '../helpers/relay.js';

/** One request as the newer service received it. */
export interface SeenCall {
  method: string;
  /** Path and query as sent. */
  target: string;
  headers: IncomingMessage['headers'];
  /** The JSON body, parsed; undefined without one. */
  json: unknown;
}

/** What the newer service does with one request. */
export type Evolution =
  /** Forward to the emulator; `rewrite` changes the parsed JSON body of a success response. */
  | { kind: 'forward'; rewrite?: (body: any, call: SeenCall) => unknown }
  /** Answer without the emulator, once the signature (SigV4 for `signingName`, or OCI) verifies. */
  | {
      kind: 'answer';
      signingName: 'athena' | 'nimble' | 'oci';
      status?: number;
      headers?: Record<string, string>;
      body: unknown;
    };

export interface EvolvingService {
  url: string;
  /** Requests that reached the service, oldest first (none when the client refused locally). */
  calls: SeenCall[];
  close(): Promise<void>;
}

export async function startEvolvingService(
  emulator: Emulator,
  evolve: (call: SeenCall) => Evolution,
): Promise<EvolvingService> {
  const upstream = new URL(emulator.url);
  const keys = new Map(emulator.credentials.aws.map((c) => [c.accessKeyId, c]));
  const oci = emulator.credentials.oci;
  const ociKeys = new Map([[oci.keyId, createPublicKey(oci.publicKeyPem)]]);
  const calls: SeenCall[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      const call: SeenCall = {
        method: req.method ?? 'GET',
        target: req.url ?? '/',
        headers: req.headers,
        json: text ? JSON.parse(text) : undefined,
      };
      calls.push(call);
      const evolution = evolve(call);
      if (evolution.kind === 'answer') {
        const verdict =
          evolution.signingName === 'oci'
            ? ociVerdict(
                verifyOciSignature(
                  { method: call.method, target: call.target, headers: req.headers, body },
                  { keys: ociKeys, nowMs: Date.now(), toleranceMs: 5 * 60_000 },
                ),
              )
            : verifySigV4(
                { method: call.method, target: call.target, rawHeaders: req.rawHeaders, body },
                {
                  credentials: keys,
                  region: emulator.credentials.region,
                  service: evolution.signingName,
                  nowMs: Date.now(),
                  toleranceMs: 5 * 60_000,
                },
              );
        const [status, headers, answer] = verdict.ok
          ? [evolution.status ?? 200, evolution.headers ?? {}, evolution.body]
          : [403, { 'x-amzn-errortype': verdict.code }, { message: verdict.message }];
        const json = JSON.stringify(answer);
        res.writeHead(status, {
          'content-type': 'application/json',
          ...headers,
          'content-length': String(Buffer.byteLength(json)),
        });
        res.end(json);
        return;
      }
      const relayed = await forwardUpstream(upstream, call, body);
      let out = relayed.body;
      if (evolution.rewrite && relayed.status < 300 && out.length > 0) {
        out = Buffer.from(
          JSON.stringify(evolution.rewrite(JSON.parse(out.toString('utf8')), call)),
        );
      }
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(relayed.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
      }
      headers['content-length'] = String(out.length);
      res.writeHead(relayed.status, headers);
      res.end(out);
    })().catch((error: unknown) => {
      res.writeHead(599, { 'content-type': 'text/plain' });
      res.end(`evolving service failed: ${String(error)}`);
    });
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function ociVerdict(
  result: { ok: true } | { ok: false; reason: string },
): { ok: true } | { ok: false; code: string; message: string } {
  return result.ok ? result : { ok: false, code: 'NotAuthenticated', message: result.reason };
}
