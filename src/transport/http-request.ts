/**
 * The request as it goes on the wire, one per attempt. Signers read and add
 * headers here; the URL and body are exactly what `fetch` will send, so a
 * signature always covers the bytes on the wire.
 */
export interface HttpRequest {
  /** Upper-case method. */
  method: string;
  /** Final URL: path and query already percent-encoded, no fragment. */
  url: URL;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** UTF-8 body, or undefined when the request has none. */
  body: string | undefined;
}

/**
 * Adds authentication to one attempt. Called once per attempt with that
 * attempt's (clock-skew corrected) time, so every retry carries a fresh date.
 */
export interface RequestSigner {
  /** Adds the authentication headers to `request` in place, signing for the time `now`. */
  sign(request: HttpRequest, now: Date): Promise<void>;
}
