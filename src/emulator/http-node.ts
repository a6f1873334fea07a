/**
 * Transport plumbing of the emulator: reading the raw body, writing a
 * response with the headers every response carries, and the two faults that
 * break the connection itself (reset, truncated body).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorResponse } from './wire.js';

/** Largest request body accepted; the list operations need a few hundred bytes at most. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole body as bytes; undefined when it exceeds {@link MAX_BODY_BYTES}. */
export async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** All headers of the final response: the handler's plus Date and Content-Length. */
export function finalHeaders(
  response: EmulatorResponse,
  serverNowMs: number,
  extra: Record<string, string>,
): Record<string, string> {
  return {
    ...response.headers,
    ...extra,
    // Clients correct their clock from this header after a skew rejection, so it
    // carries the emulator's (possibly offset) time on every response.
    date: new Date(serverNowMs).toUTCString(),
    'content-length': String(Buffer.byteLength(response.body)),
  };
}

/** Writes a complete response. */
export function sendResponse(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
): void {
  if (res.destroyed || res.headersSent) return;
  res.sendDate = false;
  res.writeHead(status, headers);
  res.end(body);
}

/**
 * Sends the head and the first half of the body while announcing the full
 * Content-Length, then ends the connection: the client sees a body cut short.
 * Written to the socket directly so Node's own length checks stay out of the way.
 */
export function sendTruncated(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
): void {
  const socket = res.socket;
  if (!socket || socket.destroyed) return;
  const bytes = Buffer.from(body);
  const head =
    `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Error'}\r\n` +
    Object.entries({ ...headers, connection: 'close' })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n';
  socket.end(
    Buffer.concat([Buffer.from(head, 'latin1'), bytes.subarray(0, Math.floor(bytes.length / 2))]),
  );
}

/** Drops the connection with a TCP RST (falls back to a plain destroy). */
export function resetConnection(req: IncomingMessage): void {
  const socket = req.socket as typeof req.socket & { resetAndDestroy?: () => void };
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}
