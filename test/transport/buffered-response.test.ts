/**
 * BufferedResponse against `new Response(bytes, init)`: any sequence of body reads, `body`
 * stream reads, clones and `bodyUsed` checks gives the same values and the same errors.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBufferedResponse } from '../../src/transport/buffered-response.js';

type Op =
  | 'text'
  | 'json'
  | 'arrayBuffer'
  | 'bytes'
  | 'blob'
  | 'formData'
  | 'stream'
  | 'clone'
  | 'bodyUsed'
  | 'bodyIsNull';

const OPS: Op[] = [
  'text',
  'json',
  'arrayBuffer',
  'bytes',
  'blob',
  'formData',
  'stream',
  'clone',
  'bodyUsed',
  'bodyIsNull',
];

const hex = (bytes: ArrayBuffer | Uint8Array): string =>
  Buffer.from(bytes as Uint8Array).toString('hex');

async function readStream(body: ReadableStream<Uint8Array> | null): Promise<string | null> {
  if (body === null) return null;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  return hex(Buffer.concat(chunks));
}

/** Runs one operation; a clone is read as text, so its body and the original's stay in step. */
async function apply(response: Response, op: Op): Promise<unknown> {
  switch (op) {
    case 'text':
      return response.text();
    case 'json':
      return response.json();
    case 'arrayBuffer':
      return hex(await response.arrayBuffer());
    case 'bytes':
      return hex(await response.bytes());
    case 'blob': {
      const blob = await response.blob();
      return [blob.type, hex(await blob.arrayBuffer())];
    }
    case 'formData':
      return [...(await response.formData()).entries()].map(([k, v]) => [k, String(v)]);
    case 'stream':
      return readStream(response.body);
    case 'clone': {
      const clone = response.clone();
      // (A constructed Response's clone has no url to compare; fetch's keeps it, as ours does.)
      return [clone.status, clone.headers.get('content-type'), await clone.text()];
    }
    case 'bodyUsed':
      return response.bodyUsed;
    case 'bodyIsNull':
      return response.body === null;
  }
}

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { value: await run() };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

const bodyArb = fc.oneof(
  fc.constant(null),
  fc.uint8Array({ maxLength: 64 }),
  fc.jsonValue().map((v) => new TextEncoder().encode(JSON.stringify(v))),
  // A UTF-8 BOM, which text() and json() drop.
  fc.jsonValue().map((v) => new TextEncoder().encode(`\ufeff${JSON.stringify(v)}`)),
  fc.constant(new TextEncoder().encode('a=1&b=%C3%A9')),
);
const typeArb = fc.constantFrom(
  undefined,
  'application/json',
  'text/plain;charset=utf-8',
  'application/x-www-form-urlencoded',
);

function build(bytes: Uint8Array | null, type: string | undefined, status: number) {
  const headers = (): Headers => new Headers(type === undefined ? {} : { 'content-type': type });
  const init = () => ({ status, statusText: 'S', headers: headers() });
  const url = 'http://127.0.0.1/x';
  const real = new Response(bytes as Uint8Array<ArrayBuffer> | null, init());
  // `fetch` responses carry the request URL; a constructed Response has none.
  Object.defineProperty(real, 'url', { value: url });
  return { ours: createBufferedResponse(bytes, init(), url), real };
}

describe('createBufferedResponse', () => {
  it('is a Response with the status, status text, headers and url it was given', () => {
    const response = createBufferedResponse(
      new Uint8Array([123, 125]),
      { status: 404, statusText: 'Not Found', headers: new Headers({ 'x-a': '1' }) },
      'http://h/p',
    );
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.ok, response.statusText]).toEqual([404, false, 'Not Found']);
    expect(response.headers.get('x-a')).toBe('1');
    expect(response.url).toBe('http://h/p');
    expect(response.clone().url).toBe('http://h/p');
  });

  it('matches new Response(bytes) on any sequence of reads, clones and checks', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodyArb,
        typeArb,
        fc.constantFrom(200, 201, 400, 500),
        fc.array(fc.constantFrom(...OPS), { minLength: 1, maxLength: 5 }),
        async (bytes, type, status, ops) => {
          const { ours, real } = build(bytes, type, status);
          for (const op of ops) {
            const got = await outcome(() => apply(ours, op));
            const want = await outcome(() => apply(real, op));
            expect({ op, got }).toEqual({ op, got: want });
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads a null body as empty any number of times without becoming used', async () => {
    const response = createBufferedResponse(null, { status: 204 }, '');
    expect(await response.text()).toBe('');
    expect(await response.text()).toBe('');
    expect(response.bodyUsed).toBe(false);
    expect(response.body).toBeNull();
  });
});
