/**
 * A real `Response` (`instanceof Response`, same headers, status and body semantics) whose body
 * is already in memory. `new Response(bytes)` wraps the bytes in a `ReadableStream`, and under
 * Node 20 every `ReadableStream` is made transferable on creation; reading it back through
 * `text()` or `json()` then goes through a stream reader. For the small JSON bodies of API
 * responses that was about a tenth of a request's client CPU time (BENCHMARKS.md). Here the
 * body methods decode the bytes directly, and a stream is made only when `body` is read.
 */

const UTF8 = new TextDecoder();
const EMPTY = new Uint8Array(0);

/** Which body reader was called: the same one runs on the stream-backed `Response`, if any. */
type BodyMethod = 'text' | 'json' | 'arrayBuffer' | 'bytes' | 'blob' | 'formData';

/**
 * Builds a `Response` from the whole body (see `defineBufferedResponse` below); `bytes` is
 * `null` for a null body (HEAD, 204, 304...) and is never mutated afterwards.
 */
export function createBufferedResponse(
  bytes: Uint8Array | null,
  init: ResponseInit,
  url: string,
): Response {
  bufferedResponseClass ??= defineBufferedResponse();
  return new bufferedResponseClass(bytes, init, url);
}

type BufferedResponseClass = new (
  bytes: Uint8Array | null,
  init: ResponseInit,
  url: string,
) => Response;

/** Defined on first use: touching `Response` at import time loads undici (~25 ms). */
let bufferedResponseClass: BufferedResponseClass | undefined;

/**
 * A `Response` built from bytes already received.
 *
 * Behaves as `new Response(bytes, init)` does (Fetch standard, "Body mixin"): `text()` and
 * `json()` decode UTF-8 without a BOM, each reader may run once (`bodyUsed`, then `TypeError`),
 * a null body reads as empty any number of times, `clone()` of a used body throws. `body` makes
 * the stream on first access; from then on every reader goes through it. `url` is the URL that
 * was requested, as with `fetch`.
 *
 * Defined on first use: `Response` is a lazy global under Node, and reading it loads undici's
 * fetch (about 25 ms), which importing the clients otherwise never does.
 */
function defineBufferedResponse(): BufferedResponseClass {
  return class BufferedResponse extends Response {
    readonly #bytes: Uint8Array | null;
    readonly #url: string;
    #used = false;
    #streamed: Response | undefined;

    /**
     * @param bytes - the whole body, or `null` for a null body (HEAD, 204, 304...); never mutated
     *   afterwards, so clones may share it.
     * @param url - what `response.url` returns.
     */
    constructor(bytes: Uint8Array | null, init: ResponseInit, url: string) {
      super(null, init);
      this.#bytes = bytes;
      this.#url = url;
    }

    override get url(): string {
      return this.#url;
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      return this.#bytes === null ? null : this.#stream().body;
    }

    override get bodyUsed(): boolean {
      return this.#streamed ? this.#streamed.bodyUsed : this.#used;
    }

    override text(): Promise<string> {
      return this.#read('text', (bytes) => UTF8.decode(bytes));
    }

    override json(): Promise<any> {
      return this.#read('json', (bytes) => JSON.parse(UTF8.decode(bytes)) as unknown);
    }

    override arrayBuffer(): Promise<ArrayBuffer> {
      return this.#read('arrayBuffer', (bytes) => copy(bytes).buffer);
    }

    override bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return this.#read('bytes', copy);
    }

    // Blob types and multipart parsing follow the Content-Type header: leave them to undici.
    override blob(): Promise<Blob> {
      return this.#stream().blob();
    }

    override formData(): Promise<FormData> {
      return this.#stream().formData();
    }

    override clone(): Response {
      if (this.#streamed) {
        const clone = this.#streamed.clone();
        Object.defineProperty(clone, 'url', { value: this.#url });
        return clone;
      }
      if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
      return new BufferedResponse(this.#bytes, this.#init(), this.#url);
    }

    #read<T>(method: BodyMethod, decode: (bytes: Uint8Array) => T): Promise<T> {
      if (this.#streamed) return this.#streamed[method]() as Promise<T>;
      if (this.#used) {
        return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
      }
      // A null body is never "used": it reads as empty every time.
      if (this.#bytes !== null) this.#used = true;
      try {
        return Promise.resolve(decode(this.#bytes ?? EMPTY));
      } catch (error) {
        return Promise.reject(error);
      }
    }

    /** The stream-backed twin, made once; already disturbed if a reader ran here before. */
    #stream(): Response {
      if (this.#streamed) return this.#streamed;
      const streamed = new Response(this.#bytes as Uint8Array<ArrayBuffer> | null, this.#init());
      if (this.#used) void streamed.arrayBuffer();
      return (this.#streamed = streamed);
    }

    #init(): ResponseInit {
      return { status: this.status, statusText: this.statusText, headers: this.headers };
    }
  };
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
