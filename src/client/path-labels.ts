/**
 * Path labels percent-encoded as the AWS SDKs send them: everything but RFC 3986's unreserved
 * characters (botocore `percent_encode(value)` with `safe='-_.~'`; Smithy's
 * `extendedEncodeURIComponent`). `encodeURIComponent`, which openapi-fetch's default path
 * serializer uses, leaves `! ' ( ) *` as they are; the --add sweep (test/sweep) found the
 * difference against botocore's serializer.
 */
import { defaultPathSerializer } from 'openapi-fetch';

/** `encodeURIComponent` plus `! ' ( ) *`, which RFC 3986 reserves as sub-delims. */
export function encodeLabel(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** openapi-fetch's path serializer with each simple `{label}` value encoded by {@link encodeLabel}. */
export function rfc3986PathSerializer(
  path: string,
  params: Record<string, unknown> | undefined,
): string {
  if (!params) return defaultPathSerializer(path, {});
  return path.replace(/\{([^{}.;*]+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || typeof value === 'object') {
      return defaultPathSerializer(whole, params);
    }
    return encodeLabel(String(value));
  });
}
