/**
 * Which wire protocol a botocore model is imported as. botocore's `metadata.protocols` is a
 * preference list (botocore/client.py `_resolve_protocol`: the first one the client supports);
 * older models only have `metadata.protocol`. Pure.
 */
import { ImportInputError } from './errors.js';

export type ImportedProtocol = 'awsJson1_0' | 'awsJson1_1' | 'restJson1';

/** A botocore protocol name -> the specs' `x-protocol`, or undefined when the runtime lacks it. */
export function runtimeProtocol(
  name: string,
  jsonVersion: string | undefined,
): ImportedProtocol | undefined {
  if (name === 'rest-json') return 'restJson1';
  if (name === 'json') return jsonVersion === '1.0' ? 'awsJson1_0' : 'awsJson1_1';
  return undefined;
}

export function chooseProtocol(metadata: Record<string, any>, service: string): ImportedProtocol {
  const offered: string[] = Array.isArray(metadata.protocols)
    ? metadata.protocols
    : metadata.protocol
      ? [metadata.protocol]
      : [];
  for (const name of offered) {
    const chosen = runtimeProtocol(name, metadata.jsonVersion);
    if (chosen) return chosen;
  }
  throw new ImportInputError(
    `${service}: none of the model's protocols (${offered.join(', ') || 'none listed'}) is supported; ` +
      'the runtime speaks json (awsJson1_0/1_1) and rest-json (restJson1)',
  );
}

export function jsonContentType(protocol: ImportedProtocol): string {
  if (protocol === 'awsJson1_0') return 'application/x-amz-json-1.0';
  if (protocol === 'awsJson1_1') return 'application/x-amz-json-1.1';
  return 'application/json';
}
