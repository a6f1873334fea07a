/**
 * SigV4 end to end: the stages composed into an `Authorization` header (header signing) or into
 * `X-Amz-*` query parameters (presigned URL).
 *
 * Spec: https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html and
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 */
import { ValidationError } from '../errors/index.js';
import {
  SIGV4_ALGORITHM,
  amzDate,
  canonicalHeaders,
  canonicalRequest,
  credentialScope,
  headerPairs,
  stringToSign,
} from './sigv4-canonical.js';
import { resolveCredentials } from './sigv4-credentials.js';
import { encodeRfc3986, sha256Hex } from './sigv4-encoding.js';
import { signatureFor } from './sigv4-key.js';
import type { AwsCredentialIdentity, AwsCredentialSource, SigV4Headers } from './sigv4-types.js';

/** The request as the signer sees it. */
export interface SigV4RequestParts {
  /** HTTP method, as sent. */
  readonly method: string;
  /** Absolute path as sent on the wire (see `canonicalPath` for how it is encoded). */
  readonly path: string;
  /** Query as sent on the wire, without `?`; `''` for none. */
  readonly query: string;
  /** The headers to sign, `host` included. Generated headers (`x-amz-date`, ...) are ignored. */
  readonly headers: SigV4Headers;
  /** Hex SHA-256 of the body; `EMPTY_SHA256` for none. */
  readonly payloadHash: string;
}

/** Who signs, where and when. */
export interface SigV4Context {
  readonly credentials: AwsCredentialIdentity;
  /** Signing region, e.g. `us-east-1`. */
  readonly region: string;
  /** Signing name, e.g. `athena`, `nimble`. */
  readonly service: string;
  /** Signing time (skew-corrected). */
  readonly now: Date;
  /** Normalize the path (every service but S3). Default true. */
  readonly normalizePath?: boolean;
  /** Attach the session token but leave it out of the signature. Default false. */
  readonly omitSessionToken?: boolean;
}

/** The intermediate and final strings of one signature. */
export interface SigV4Signature {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  /** Hex signature. Secret-derived: do not log. */
  readonly signature: string;
  /** `SignedHeaders` value, e.g. `content-type;host;x-amz-date;x-amz-target`. */
  readonly signedHeaders: string;
}

/** Result of `signHeaders`: the signature plus the headers to set on the request. */
export interface SigV4HeaderSignature extends SigV4Signature {
  /** `x-amz-date`, `authorization`, and `x-amz-security-token` / `x-amz-content-sha256` if used. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Result of `presignQuery`: the signature plus the full query to send. */
export interface SigV4QuerySignature extends SigV4Signature {
  /** The original query followed by the `X-Amz-*` parameters, `X-Amz-Signature` last. */
  readonly query: string;
}

/** Stage 5: `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`. */
export function authorizationHeader(parts: {
  readonly accessKeyId: string;
  readonly scope: string;
  readonly signedHeaders: string;
  readonly signature: string;
}): string {
  return `${SIGV4_ALGORITHM} Credential=${parts.accessKeyId}/${parts.scope}, SignedHeaders=${parts.signedHeaders}, Signature=${parts.signature}`;
}

/** Headers the signer owns: any caller-supplied copy is replaced, never signed twice. */
const GENERATED_HEADERS = new Set(['authorization', 'x-amz-date', 'x-amz-security-token']);

/**
 * Shared by both modes. `dateTime` is `amzDate(context.now)`, formatted once by the caller, which
 * also signs it. `buildQuery` runs after the signed header list is known because presigning puts
 * `X-Amz-SignedHeaders` into the query that is itself canonicalized.
 */
async function sign(
  request: SigV4RequestParts,
  context: SigV4Context,
  dateTime: string,
  signedPairs: ReadonlyArray<readonly [string, string]>,
  buildQuery: (signedHeaders: string, scope: string) => string,
): Promise<SigV4Signature & { readonly scope: string; readonly query: string }> {
  const yyyymmdd = dateTime.slice(0, 8);
  const scope = credentialScope(yyyymmdd, context.region, context.service);
  const headers = canonicalHeaders(signedPairs);
  const query = buildQuery(headers.signedHeaders, scope);
  const canonical = canonicalRequest({
    method: request.method,
    path: request.path,
    query,
    headers,
    payloadHash: request.payloadHash,
    normalizePath: context.normalizePath ?? true,
  });
  const toSign = await stringToSign(dateTime, scope, canonical);
  return {
    canonicalRequest: canonical,
    stringToSign: toSign,
    signature: await signatureFor(
      context.credentials.secretAccessKey,
      yyyymmdd,
      context.region,
      context.service,
      toSign,
    ),
    signedHeaders: headers.signedHeaders,
    scope,
    query,
  };
}

/**
 * Header signing: returns the `x-amz-date`, `x-amz-security-token` and `authorization` headers to
 * set. With `signPayloadHeader`, also sets and signs `x-amz-content-sha256` (the suite's
 * `sign_body`; S3 requires it, other services accept it).
 */
export async function signHeaders(
  request: SigV4RequestParts,
  context: SigV4Context & { readonly signPayloadHeader?: boolean },
): Promise<SigV4HeaderSignature> {
  const token = context.credentials.sessionToken;
  const added: Record<string, string> = {};
  const pairs = headerPairs(request.headers).filter(([name]) => {
    const lower = name.toLowerCase();
    return (
      !GENERATED_HEADERS.has(lower) &&
      !(context.signPayloadHeader && lower === 'x-amz-content-sha256')
    );
  });
  const dateTime = amzDate(context.now);
  added['x-amz-date'] = dateTime;
  pairs.push(['x-amz-date', dateTime]);
  if (token) {
    added['x-amz-security-token'] = token;
    if (!context.omitSessionToken) pairs.push(['x-amz-security-token', token]);
  }
  if (context.signPayloadHeader) {
    added['x-amz-content-sha256'] = request.payloadHash;
    pairs.push(['x-amz-content-sha256', request.payloadHash]);
  }
  const result = await sign(request, context, dateTime, pairs, () => request.query);
  added.authorization = authorizationHeader({
    accessKeyId: context.credentials.accessKeyId,
    scope: result.scope,
    signedHeaders: result.signedHeaders,
    signature: result.signature,
  });
  const { canonicalRequest: creq, stringToSign: sts, signature: sig, signedHeaders } = result;
  return {
    canonicalRequest: creq,
    stringToSign: sts,
    signature: sig,
    signedHeaders,
    headers: added,
  };
}

/** AWS caps presigned URLs at seven days. */
export const MAX_PRESIGN_EXPIRES_SECONDS = 7 * 24 * 60 * 60;

/**
 * Query signing (presigning): the `X-Amz-*` parameters join the query before it is
 * canonicalized; `X-Amz-Signature` is appended afterwards. The payload hash is signed as given
 * (pass `UNSIGNED-PAYLOAD` to leave the body unsigned).
 */
export async function presignQuery(
  request: SigV4RequestParts,
  context: SigV4Context & { readonly expiresIn?: number },
): Promise<SigV4QuerySignature> {
  const expiresIn = context.expiresIn ?? 3600;
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_PRESIGN_EXPIRES_SECONDS) {
    throw new ValidationError('expiresIn', `integer 1..${MAX_PRESIGN_EXPIRES_SECONDS}`);
  }
  const { accessKeyId, sessionToken } = context.credentials;
  const pairs = headerPairs(request.headers).filter(
    ([name]) => !GENERATED_HEADERS.has(name.toLowerCase()),
  );
  const tokenParam = sessionToken ? `&X-Amz-Security-Token=${encodeRfc3986(sessionToken)}` : '';
  const dateTime = amzDate(context.now);
  const result = await sign(request, context, dateTime, pairs, (signedHeaders, scope) => {
    const params =
      `X-Amz-Algorithm=${SIGV4_ALGORITHM}` +
      `&X-Amz-Credential=${encodeRfc3986(`${accessKeyId}/${scope}`)}` +
      `&X-Amz-Date=${dateTime}&X-Amz-Expires=${expiresIn}` +
      (context.omitSessionToken ? '' : tokenParam) +
      `&X-Amz-SignedHeaders=${encodeRfc3986(signedHeaders)}`;
    return request.query === '' ? params : `${request.query}&${params}`;
  });
  const { canonicalRequest: creq, stringToSign: sts, signature: sig, signedHeaders } = result;
  const query =
    result.query + (context.omitSessionToken ? tokenParam : '') + `&X-Amz-Signature=${sig}`;
  return { canonicalRequest: creq, stringToSign: sts, signature: sig, signedHeaders, query };
}

/** Input of `presignUrl`. */
export interface PresignUrlInput {
  readonly method: string;
  /** Target URL; its path and query are signed as sent. */
  readonly url: URL;
  /** Extra headers the URL's user must send; `host` is taken from the URL unless given. */
  readonly headers?: SigV4Headers;
  /** Body to sign; ignored when `payloadHash` is given. */
  readonly body?: string;
  /** Payload hash to sign instead of the body's, e.g. `UNSIGNED-PAYLOAD`. */
  readonly payloadHash?: string;
}

/** Options of `presignUrl`. */
export interface PresignUrlOptions {
  readonly credentials: AwsCredentialSource;
  readonly region: string;
  readonly service: string;
  readonly now: Date;
  /** Seconds the URL stays valid, 1..604800. Default 3600. */
  readonly expiresIn?: number;
  readonly omitSessionToken?: boolean;
}

/** A presigned copy of `input.url` (path normalized in the signature only, never rewritten). */
export async function presignUrl(input: PresignUrlInput, options: PresignUrlOptions): Promise<URL> {
  const credentials = await resolveCredentials(options.credentials, options.now);
  const given = headerPairs(input.headers ?? []);
  const headers = given.some(([name]) => name.toLowerCase() === 'host')
    ? given
    : [['host', input.url.host] as const, ...given];
  const result = await presignQuery(
    {
      method: input.method,
      path: input.url.pathname,
      query: input.url.search.slice(1),
      headers,
      payloadHash: input.payloadHash ?? (await sha256Hex(input.body ?? '')),
    },
    { ...options, credentials },
  );
  const url = new URL(input.url);
  url.search = result.query;
  return url;
}
