import { CloudSessionsError } from './base.js';
import { cutText } from './cut.js';

/**
 * The endpoint answered with a redirect (3xx). Redirects are never followed: a followed
 * redirect would send the signed request, session token included, to whatever host the
 * `Location` names, and return that host's body as if the service had sent it. The AWS SDK
 * v3 does not follow them either. Not retried: the same request gets the same answer.
 */
export class RedirectError extends CloudSessionsError {
  override name = 'RedirectError';
  /** Where the redirect pointed, without query string, fragment or user info; `undefined` when not known (a browser's opaque redirect). */
  readonly location: string | undefined;

  constructor(status: number, location: string | undefined) {
    const where = location === undefined ? 'an undisclosed location' : cutText(location, 512);
    super(
      `The endpoint answered ${status || 'a redirect'} to ${where}; redirects are not followed`,
    );
    this.status = status || undefined;
    this.location = location;
  }
}

/**
 * A success response whose body does not hold what the spec says it holds (a timestamp that
 * is not one, a value out of the range `Date` can hold). Not retried: the service answered,
 * and asking again gets the same answer.
 */
export class InvalidResponseError extends CloudSessionsError {
  override name = 'InvalidResponseError';
  constructor(
    /** Operation whose response was invalid, e.g. `ListNotebookSessions`. */
    readonly operation: string,
    /** Dotted path of the member, e.g. `NotebookSessionsList.2.CreationTime`. */
    readonly member: string,
    /** The offending value as received. */
    readonly value: unknown,
    /** What the member must be, e.g. `timestamp (epoch seconds)`. */
    readonly expected: string,
    /** The response body as received (text), for diagnosis. */
    readonly body: string | undefined,
  ) {
    super(`${operation}: response member ${member} must be a ${expected} (got ${describe(value)})`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(cutText(value, 64));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a value of type ${typeof value}`;
}
