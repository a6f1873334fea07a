import { OCI_SESSIONS_PATH } from './oci.js';
import {
  jsonResponse,
  ociError,
  OCI_NOT_FOUND_MESSAGE,
  type EmulatorResponse,
  type Protocol,
} from './wire.js';

/** Where a request goes, decided from the method and the raw request target only. */
export type Route =
  | { api: 'athena'; protocol: 'awsJson'; service: 'athena' }
  | { api: 'nimble'; protocol: 'restJson'; service: 'nimble'; studioId: string }
  | { api: 'oci'; protocol: 'oci'; rawPath: string; aiDataPlatformId: string; workspaceKey: string }
  | { api: 'none'; protocol: Protocol; response: EmulatorResponse };

const NIMBLE_PATH = /^\/2020-08-01\/studios\/([^/]+)\/streaming-sessions\/?$/;

function decodeLabel(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Routes a request; unknown paths get a 404 in the shape of the protocol their prefix suggests. */
export function routeRequest(method: string, target: string): Route {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  if (path === '/' && method === 'POST')
    return { api: 'athena', protocol: 'awsJson', service: 'athena' };

  const nimble = NIMBLE_PATH.exec(path);
  const studioId = nimble ? decodeLabel(nimble[1] as string) : undefined;
  if (method === 'GET' && studioId !== undefined) {
    return { api: 'nimble', protocol: 'restJson', service: 'nimble', studioId };
  }

  const oci = OCI_SESSIONS_PATH.exec(path);
  const aiDataPlatformId = oci ? decodeLabel(oci[1] as string) : undefined;
  const workspaceKey = oci ? decodeLabel(oci[2] as string) : undefined;
  if (method === 'GET' && aiDataPlatformId !== undefined && workspaceKey !== undefined) {
    return { api: 'oci', protocol: 'oci', rawPath: path, aiDataPlatformId, workspaceKey };
  }

  if (/^(?:\/api)?\/20260430\//.test(path)) {
    return {
      api: 'none',
      protocol: 'oci',
      response: ociError(404, 'NotAuthorizedOrNotFound', OCI_NOT_FOUND_MESSAGE),
    };
  }
  const protocol: Protocol = path === '/' ? 'awsJson' : 'restJson';
  return {
    api: 'none',
    protocol,
    response: jsonResponse(
      protocol,
      404,
      { message: `No route for ${method} ${path}` },
      {
        'x-amzn-errortype': 'UnknownOperationException',
      },
    ),
  };
}
