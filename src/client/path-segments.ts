/**
 * Path parameters must stay in their segment. `encodeURIComponent` already keeps `/`, `?` and
 * `#` out, but a segment that is empty, `.` or `..` after substitution changes the path's
 * shape: URL parsing removes dot segments (RFC 3986 §5.2.4; WHATWG URL also reads `%2e` as a
 * dot, so encoding cannot save them), and Jupyter's `getSession('..')` became `GET /api/`.
 * Such values are refused before anything is sent (issue 16), whatever the spec; the signer
 * then signs exactly the path that is sent.
 */
import { ValidationError } from '../errors/index.js';

/**
 * Checks the `serialized` path built from `template` (`/a/{id}/b`) and returns it. Serialized
 * values never contain `/`, so the segments of both line up one to one.
 */
export function checkPathSegments(template: string, serialized: string): string {
  const templateSegments = template.split('/');
  const segments = serialized.split('/');
  for (let i = 0; i < templateSegments.length; i++) {
    const segment = segments[i];
    if (!templateSegments[i]!.includes('{')) continue;
    if (segment === '' || segment === '.' || segment === '..' || segment === undefined) {
      const names = [...templateSegments[i]!.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const name = names.join(', ');
      throw new ValidationError(
        name,
        'path segment',
        `${name} must not be empty, "." or "..": the request would go to another resource (got ${JSON.stringify(segment ?? '')})`,
      );
    }
  }
  return serialized;
}
