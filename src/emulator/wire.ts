/**
 * Response shapes of the three protocols, successes and errors alike, so every
 * handler answers exactly as the real service would (aws-contracts §1.5, §2.6;
 * oci-contracts §2.4).
 */

/** Which wire protocol a route speaks; decides every error's shape. */
export type Protocol = 'awsJson' | 'restJson' | 'oci';

/** A complete response before transport concerns (Date, request id, faults) are added. */
export interface EmulatorResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

const CONTENT_TYPE: Record<Protocol, string> = {
  awsJson: 'application/x-amz-json-1.1',
  restJson: 'application/json',
  oci: 'application/json',
};

/** A JSON response with the protocol's content type. */
export function jsonResponse(
  protocol: Protocol,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): EmulatorResponse {
  return {
    status,
    headers: { 'content-type': CONTENT_TYPE[protocol], ...headers },
    body: JSON.stringify(body),
  };
}

/**
 * awsJson1_1 error: the type travels in body `__type` (botocore reads only
 * that). Modeled Athena errors spell the member `Message`; the front door's
 * own errors (auth, throttling, unknown operation) use lower-case `message`.
 */
export function awsJsonError(
  type: string,
  message: string,
  options: { status?: number; messageKey?: 'Message' | 'message'; extra?: object } = {},
): EmulatorResponse {
  const { status = 400, messageKey = 'Message', extra = {} } = options;
  return jsonResponse('awsJson', status, { __type: type, [messageKey]: message, ...extra });
}

/**
 * restJson1 error: `x-amzn-ErrorType` names the type (checked first by every
 * SDK); Nimble's modeled errors add body `code` and `context` (aws-contracts §2.6).
 * Front-door errors (auth) carry only `message`, like API Gateway.
 */
export function restJsonError(
  type: string,
  status: number,
  message: string,
  modeled?: { code: string; context?: Record<string, string> },
): EmulatorResponse {
  const body = modeled
    ? { message, code: modeled.code, context: modeled.context ?? {} }
    : { message };
  return jsonResponse('restJson', status, body, { 'x-amzn-errortype': type });
}

/** OCI error body `{code, message}` (oci-contracts §2.4). */
export function ociError(status: number, code: string, message: string): EmulatorResponse {
  return jsonResponse('oci', status, { code, message });
}

/** OCI's wording for 401s; it deliberately does not say what was wrong. */
export const OCI_NOT_AUTHENTICATED_MESSAGE =
  'The required information to complete authentication was not provided or was incorrect.';

/** OCI's wording for 404s, deliberately ambiguous between "absent" and "not yours". */
export const OCI_NOT_FOUND_MESSAGE = 'Authorization failed or requested resource not found.';

/** A throttling error in the protocol's own shape. */
export function throttlingError(protocol: Protocol): EmulatorResponse {
  switch (protocol) {
    case 'awsJson':
      // JSON-RPC services throttle with HTTP 400 ThrottlingException "Rate exceeded";
      // clients recognise it by name (aws-contracts §1.5).
      return awsJsonError('ThrottlingException', 'Rate exceeded', { messageKey: 'message' });
    case 'restJson':
      return restJsonError('ThrottlingException', 429, 'Rate exceeded', {
        code: 'ThrottlingException',
      });
    case 'oci':
      return ociError(429, 'TooManyRequests', 'Too many requests for the user.');
  }
}

/** An internal server error in the protocol's own shape. */
export function internalError(protocol: Protocol): EmulatorResponse {
  switch (protocol) {
    case 'awsJson':
      return awsJsonError('InternalServerException', 'Internal service error.', { status: 500 });
    case 'restJson':
      return restJsonError('InternalServerErrorException', 500, 'Internal server error.', {
        code: 'InternalServerError',
      });
    case 'oci':
      return ociError(500, 'InternalServerError', 'Internal Server Error');
  }
}
