/**
 * CORS for browser tests (`cors: true`): the emulator answers preflights and exposes the
 * response headers the clients read, so a page on another origin can call it with `fetch`.
 * The real services configure CORS per deployment (API Gateway, OCI API Gateway); these are the
 * headers the clients in this package send and read.
 */

/** Request headers the clients send besides CORS-safelisted ones (Fetch standard §3.2.2). */
export const CORS_ALLOW_HEADERS: readonly string[] = [
  'authorization',
  'content-type',
  'x-amz-date',
  'x-amz-target',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'x-date',
  'opc-request-id',
  'opc-client-retries',
  'x-content-sha256',
];

/**
 * Response headers the clients read that are not CORS-safelisted: request ids and error types,
 * `Date` for clock-skew correction, `Retry-After`, and OCI's page token and ETag.
 */
export const CORS_EXPOSE_HEADERS: readonly string[] = [
  'date',
  'retry-after',
  'x-amzn-requestid',
  'x-amzn-errortype',
  'opc-request-id',
  'opc-next-page',
  'etag',
  'x-emulator-auth-failure',
];

/** Headers added to every response when CORS is on. */
export function corsResponseHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': CORS_EXPOSE_HEADERS.join(', '),
  };
}

/** Headers of the 204 answer to a preflight (`OPTIONS` with `Access-Control-Request-Method`). */
export function corsPreflightHeaders(): Record<string, string> {
  return {
    ...corsResponseHeaders(),
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': CORS_ALLOW_HEADERS.join(', '),
    'access-control-max-age': '600',
  };
}
