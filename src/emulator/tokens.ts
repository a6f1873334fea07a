/**
 * Opaque page tokens: base64url of a small JSON object naming the collection
 * (so a token is refused for another notebook or studio) and the offset of the
 * next item. Clients must treat them as opaque, as with the real services.
 */

/** What a page token carries. */
export interface PageTokenState {
  /** The collection the token belongs to (notebook id, studio id + filters). */
  scope: string;
  /** Index of the first item of the next page. */
  offset: number;
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(token: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Encodes a page token. */
export function encodePageToken(state: PageTokenState): string {
  return toBase64Url(JSON.stringify({ v: 1, s: state.scope, o: state.offset }));
}

/**
 * Decodes a token issued for `scope` over a collection of `size` items;
 * undefined when it is malformed, for another scope, or out of range.
 */
export function decodePageToken(token: string, scope: string, size: number): number | undefined {
  const json = fromBase64Url(token);
  if (json === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { v, s, o } = parsed as { v?: unknown; s?: unknown; o?: unknown };
  if (v !== 1 || s !== scope || typeof o !== 'number' || !Number.isInteger(o)) return undefined;
  return o > 0 && o < size ? o : undefined;
}
