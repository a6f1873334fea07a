/**
 * Optional logging of every attempt. Anything that could authenticate a request is redacted
 * before it reaches the logger: signing headers, session tokens, presigned-URL signatures
 * (peers.md §5 item 7: openai-node redacts headers only).
 */
export interface Logger {
  /** One entry per attempt: method, URL, status, attempt number, duration. */
  debug?(message: string, details?: Record<string, unknown>): void;
  /** Informational entries; `console` fits as a logger. */
  info?(message: string, details?: Record<string, unknown>): void;
  /** One entry per retry: the reason, the delay before it and the error that caused it. */
  warn?(message: string, details?: Record<string, unknown>): void;
}

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-amz-security-token',
  'x-security-token',
  'opc-obo-token',
  'x-api-key',
]);

const SECRET_QUERY = new Set([
  'x-amz-signature',
  'x-amz-security-token',
  'x-amz-credential',
  'token',
]);

export const REDACTED = '[redacted]';

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers)
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : headers[name]!;
  return out;
}

export function redactUrl(url: URL): string {
  if (!url.search) return url.href;
  const copy = new URL(url.href);
  for (const key of [...copy.searchParams.keys()]) {
    if (SECRET_QUERY.has(key.toLowerCase())) copy.searchParams.set(key, REDACTED);
  }
  return copy.href;
}
