/**
 * Test-side signers that share no code with the emulator or the project:
 * SigV4 from @smithy/signature-v4 and OCI signatures from oci-common.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { DefaultRequestSigner, SimpleAuthenticationDetailsProvider } from 'oci-common';
import type { Emulator } from '../../src/emulator/index.js';

export interface AwsCallOptions {
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region?: string;
  service?: string;
  signingDate?: Date;
  /** Edits the signed headers before sending (to tamper). */
  mutate?: (headers: Record<string, string>) => void;
  /** Replaces the body after signing. */
  sendBody?: string;
  /** Query string appended to the URL after signing, e.g. `ownedBy=x`. */
  appendQuery?: string;
}

/** Signs with @smithy/signature-v4 and sends with fetch. `path` is the encoded path. */
export async function awsFetch(
  emu: Emulator,
  request: {
    method: string;
    path: string;
    query?: Record<string, string>;
    headers?: Record<string, string>;
    body?: string;
  },
  options: AwsCallOptions & { service: string },
): Promise<Response> {
  const credentials =
    options.credentials ?? (emu.credentials.aws[0] as NonNullable<AwsCallOptions['credentials']>);
  const signer = new SignatureV4({
    credentials,
    region: options.region ?? emu.credentials.region,
    service: options.service,
    sha256: Sha256,
  });
  const host = `127.0.0.1:${emu.port}`;
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: emu.port,
      path: request.path,
      query: request.query ?? {},
      headers: { host, ...request.headers },
      body: request.body,
    },
    { signingDate: options.signingDate ?? new Date() },
  );
  const headers = { ...(signed.headers as Record<string, string>) };
  options.mutate?.(headers);
  delete headers.host;
  const search = [
    new URLSearchParams(request.query ?? {}).toString().replace(/\+/g, '%20'),
    options.appendQuery,
  ]
    .filter(Boolean)
    .join('&');
  return fetch(`${emu.url}${request.path}${search ? `?${search}` : ''}`, {
    method: request.method,
    headers,
    body: options.sendBody ?? request.body,
  });
}

/** Calls an Athena operation (awsJson1_1; ListNotebookSessions unless told) with a signed request. */
export function athenaCall(
  emu: Emulator,
  input: unknown,
  options: AwsCallOptions = {},
  operation = 'ListNotebookSessions',
): Promise<Response> {
  return awsFetch(
    emu,
    {
      method: 'POST',
      path: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AmazonAthena.${operation}`,
      },
      body: typeof input === 'string' ? input : JSON.stringify(input),
    },
    { service: 'athena', ...options },
  );
}

/** Calls Nimble ListStreamingSessions with a signed request. */
export function nimbleCall(
  emu: Emulator,
  studioId: string,
  query: Record<string, string> = {},
  options: AwsCallOptions = {},
): Promise<Response> {
  return awsFetch(
    emu,
    {
      method: 'GET',
      path: `/2020-08-01/studios/${encodeURIComponent(studioId)}/streaming-sessions`,
      query,
    },
    { service: 'nimble', ...options },
  );
}

export interface OciCallOptions {
  keyId?: string;
  privateKeyPem?: string;
  /** Value of x-date (default now). */
  date?: Date;
  headers?: Record<string, string>;
  mutate?: (headers: Record<string, string>) => void;
}

/** Signs with oci-common's DefaultRequestSigner and sends with fetch; `pathAndQuery` is encoded. */
export async function ociFetch(
  emu: Emulator,
  pathAndQuery: string,
  options: OciCallOptions = {},
): Promise<Response> {
  const key = emu.credentials.oci;
  const keyId = options.keyId ?? key.keyId;
  const provider = new SimpleAuthenticationDetailsProvider(
    key.tenancy,
    key.user,
    key.fingerprint,
    options.privateKeyPem ?? key.privateKeyPem,
    null,
  );
  provider.getKeyId = async () => keyId;
  const signer = new DefaultRequestSigner(provider);
  const headers = new Headers(options.headers);
  headers.set('x-date', (options.date ?? new Date()).toUTCString());
  const uri = emu.url + pathAndQuery;
  await signer.signHttpRequest({ method: 'GET', uri, headers, body: undefined } as never);
  const plain: Record<string, string> = {};
  headers.forEach((value, name) => (plain[name] = value));
  options.mutate?.(plain);
  delete plain.host;
  return fetch(uri, { method: 'GET', headers: plain });
}

/** OCI sessions path for a platform and workspace. */
export function ociPath(platformId: string, workspaceKey: string, query = ''): string {
  return `/20260430/aiDataPlatforms/${encodeURIComponent(platformId)}/workspaces/${encodeURIComponent(workspaceKey)}/notebook/api/sessions${query}`;
}
