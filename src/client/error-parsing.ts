/**
 * Reads the error code and message out of an error response, per protocol. Pure: table-tested
 * in test/client/error-parsing.test.ts.
 */
import { MESSAGE_LIMIT, cutText } from '../errors/cut.js';

export type Protocol = 'awsJson1_0' | 'awsJson1_1' | 'restJson1' | 'ociRest' | 'restJson';

export interface ErrorIdentity {
  code: string;
  message: string;
}

/**
 * Smithy sanitizes error type names: `aws.protocols#Name:http://internal/...` -> `Name`
 * (take the part after the last `#`, then before the first `:`).
 */
export function sanitizeErrorCode(raw: string): string {
  const afterHash = raw.slice(raw.lastIndexOf('#') + 1);
  const colon = afterHash.indexOf(':');
  return (colon === -1 ? afterHash : afterHash.slice(0, colon)).trim();
}

function field(body: unknown, ...names: string[]): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  for (const name of names) {
    const value = (body as Record<string, unknown>)[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/**
 * Lookup orders (aws-contracts.md §1.5, §2.6 and D12; oci-contracts.md §2.4):
 * - awsJson1_0 and awsJson1_1: body `__type`, then body `code`, then the `x-amzn-ErrorType` header
 *   (@smithy/core's JSON-RPC order; botocore reads only `__type`).
 * - restJson1: the `x-amzn-ErrorType` header first, then body `code`/`Code`, then `__type`.
 * - OCI and plain REST: body `code`, then Jupyter's `reason`.
 * Without any of them the HTTP status stands in, as botocore does.
 */
export function identifyError(
  protocol: Protocol,
  status: number,
  headers: Record<string, string>,
  body: unknown,
): ErrorIdentity {
  const header = headers['x-amzn-errortype'];
  let raw: string | undefined;
  switch (protocol) {
    case 'awsJson1_0':
    case 'awsJson1_1':
      raw = field(body, '__type') ?? field(body, 'code') ?? header;
      break;
    case 'restJson1':
      raw = header ?? field(body, 'code', 'Code') ?? field(body, '__type');
      break;
    case 'ociRest':
    case 'restJson':
      raw = field(body, 'code') ?? field(body, 'reason');
      break;
  }
  const code = raw ? sanitizeErrorCode(raw) : String(status);
  const message =
    field(body, 'message', 'Message', 'errorMessage') ??
    (typeof body === 'string' && body.trim() !== ''
      ? `HTTP ${status}: ${body.trim().slice(0, 200)}`
      : `HTTP ${status}`);
  // A hostile or broken service can send a megabyte message; the full body stays on the error.
  return { code: cutText(code || String(status), 256), message: cutText(message, MESSAGE_LIMIT) };
}
