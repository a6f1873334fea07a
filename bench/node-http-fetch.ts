/**
 * Prototype for the stretch goal: a `fetch`-compatible function on `node:http` with a
 * keep-alive agent, passed to this package's clients through their `fetch` option. Loopback
 * `fetch` (undici) is most of the per-request cost under Node 20; this measures what a Node
 * transport on the older, leaner primitive would give. Bench-only: it handles what the
 * benchmark needs (string bodies, abort signal, status and headers), not all of `fetch`.
 */
import http from 'node:http';
import https from 'node:https';

/** HTTP statuses whose `Response` must have a null body (Fetch standard). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** A `fetch` on `node:http`/`node:https` with keep-alive agents. */
export function createNodeHttpFetch(): typeof fetch {
  const agents = {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true }),
  };
  const nodeFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    new Promise((resolve, reject) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      const secure = url.protocol === 'https:';
      const request = (secure ? https : http).request(
        url,
        {
          method: init?.method ?? 'GET',
          headers: init?.headers as Record<string, string> | undefined,
          agent: agents[secure ? 'https:' : 'http:'],
          signal: init?.signal ?? undefined,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const headers = new Headers();
            const raw = response.rawHeaders;
            for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
            const status = response.statusCode ?? 0;
            const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
            const body = NULL_BODY.has(status) ? null : (bytes as unknown as BodyInit);
            resolve(
              new Response(body, { status, statusText: response.statusMessage ?? '', headers }),
            );
          });
        },
      );
      request.on('error', reject);
      request.end(typeof init?.body === 'string' ? init.body : undefined);
    });
  return nodeFetch as typeof fetch;
}
