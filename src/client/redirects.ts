/**
 * Redirect responses, which the runtime never follows (issue 16). With `redirect: 'manual'`,
 * undici and `createNodeHttpFetch` hand back the 3xx itself; browsers and some edge runtimes
 * hand back an opaque-redirect filtered response instead (Fetch standard §4.4: `type`
 * `opaqueredirect`, status 0, no headers), so both shapes count.
 */
import { RedirectError } from '../errors/index.js';

/** Statuses that redirect (RFC 9110 §15.4); 304 Not Modified is not one. */
const REDIRECT_STATUS = new Set([300, 301, 302, 303, 307, 308]);

/** The error for a redirect response, or `undefined` when `response` is not one. */
export function redirectError(response: Response, requestUrl: URL): RedirectError | undefined {
  if (response.type === 'opaqueredirect') return new RedirectError(response.status, undefined);
  if (!REDIRECT_STATUS.has(response.status)) return undefined;
  return new RedirectError(
    response.status,
    redirectTarget(response.headers.get('location'), requestUrl),
  );
}

/**
 * Where a `Location` points, resolved against the request URL, without user info, query or
 * fragment: those can carry credentials or tokens of the other site (or of a hostile one's
 * making), and an error message is printed and logged.
 */
export function redirectTarget(location: string | null, requestUrl: URL): string | undefined {
  if (location === null) return undefined;
  let url: URL;
  try {
    url = new URL(location, requestUrl);
  } catch {
    return '(an unparseable Location)';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `(a ${url.protocol} URL)`;
  return `${url.protocol}//${url.host}${url.pathname}`;
}
