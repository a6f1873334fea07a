/**
 * The pure parts of SigV4 canonicalisation (AWS "Create a canonical request"):
 * URI, query and header normalisation, and the `x-amz-date` format. The
 * emulator's verifier builds on these; they share nothing with the project's signer.
 */

/** RFC 3986 encoding: everything but the unreserved set `A-Z a-z 0-9 - . _ ~`. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Canonical URI: the raw path with dot segments and empty segments removed,
 * then every segment URI-encoded again (so `%20` becomes `%2520`).
 */
export function canonicalUri(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && rawPath.endsWith('/') ? '/' : '';
  return '/' + segments.map(uriEncode).join('/') + trailing;
}

function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Canonical query: each name and value decoded, re-encoded per RFC 3986, sorted by name then value. */
export function canonicalQuery(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      return [uriEncode(decodeComponent(name)), uriEncode(decodeComponent(value))] as const;
    })
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** All values of a header, in the order received. */
export function headerValues(rawHeaders: readonly string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if ((rawHeaders[i] as string).toLowerCase() === name) values.push(rawHeaders[i + 1] as string);
  }
  return values;
}

/** Canonical headers block: `name:value` lines, values trimmed with inner spaces collapsed, repeats joined by `,`. */
export function canonicalHeaders(rawHeaders: readonly string[], names: readonly string[]): string {
  return names
    .map((name) => {
      const values = headerValues(rawHeaders, name).map((v) => v.trim().replace(/\s+/g, ' '));
      return `${name}:${values.join(',')}\n`;
    })
    .join('');
}

/** `YYYYMMDDTHHMMSSZ`, the ISO 8601 basic format of `x-amz-date`. */
export function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Parses `x-amz-date`; undefined when it is not ISO 8601 basic format. */
export function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const ms = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
  return amzDate(ms) === value ? ms : undefined;
}
