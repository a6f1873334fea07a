/**
 * The loopback server of the benchmark, run in its own process so its work does not share the
 * contenders' event loop. It serves precomputed pages and never verifies signatures, so it costs
 * the same whoever calls it. Started by `run.ts` with `fork`; it reports `{ port }` over IPC and
 * exits when its parent disconnects.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildListings, type ServedPage } from './data.js';

const NIMBLE_PATH = /^\/2020-08-01\/studios\/([^/]+)\/streaming-sessions$/;
const REQUEST_ID = 'b4d8a3c1-5e2f-4a6b-9c7d-0e1f2a3b4c5d';

const { athena, nimble } = buildListings();

function send(res: http.ServerResponse, page: ServedPage, contentType: string): void {
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': page.body.length,
    'x-amzn-requestid': REQUEST_ID,
  });
  res.end(page.body);
}

function notFound(res: http.ServerResponse, what: string): void {
  const body = JSON.stringify({ __type: 'ResourceNotFoundException', message: what });
  res.writeHead(404, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-amzn-errortype': 'ResourceNotFoundException',
    'x-amzn-requestid': REQUEST_ID,
  });
  res.end(body);
}

function serveAthena(req: http.IncomingMessage, res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let input: { NotebookId?: string; NextToken?: string };
    try {
      input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof input;
    } catch {
      notFound(res, 'body is not JSON');
      return;
    }
    const page = athena.get(input.NotebookId ?? '')?.get(input.NextToken ?? '');
    if (page) send(res, page, 'application/x-amz-json-1.1');
    else notFound(res, `no page for ${input.NotebookId} ${input.NextToken}`);
  });
}

function serveNimble(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const token = q < 0 ? '' : (new URLSearchParams(url.slice(q + 1)).get('nextToken') ?? '');
  const studio = NIMBLE_PATH.exec(path)?.[1];
  const page = studio === undefined ? undefined : nimble.get(studio)?.get(token);
  // Drain whatever body came, so the connection stays reusable.
  req.resume();
  req.on('end', () => {
    if (page) send(res, page, 'application/json');
    else notFound(res, `no page for ${url}`);
  });
}

const server = http.createServer({ keepAliveTimeout: 120_000 }, (req, res) => {
  if (req.method === 'POST') serveAthena(req, res);
  else serveNimble(req, res);
});
server.headersTimeout = 130_000;

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  if (process.send) process.send({ port });
  else console.log(`listening on http://127.0.0.1:${port}`);
});

// The parent owns our lifetime: when it goes, so do we.
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close();
  process.exit(0);
});
