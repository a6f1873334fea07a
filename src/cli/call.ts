/**
 * Runs a checked `call` command: imports the service's generated module lazily by its registry
 * entry (only the client asked for is loaded), builds the client with the same options the
 * `list` commands use, calls the operation and prints its output as JSON. Also the text of
 * `services` and `call --help`, rendered from the registry so they list what specs/ holds.
 */
import type { AnyClientConfig } from '../client/config.js';
import type { Logger } from '../client/logging.js';
import { SERVICES } from '../../generated/services.js';
import { CALL_COMMON, type CallInvocation } from './call-invocation.js';
import { COMMON_FLAGS } from './common-flags.js';
import { PROGRAM } from './help.js';

/**
 * The client options of a `call` line, as `clientConfig` (listing.ts) builds them for `list`:
 * credentials are left to the client's default chain; `--profile` is an OCI config profile for
 * OCI-signed services and an AWS profile otherwise.
 */
export function callClientConfig(invocation: CallInvocation, logger?: Logger): AnyClientConfig {
  const config: AnyClientConfig = {};
  if (invocation.region !== undefined) config.region = invocation.region;
  if (invocation.endpointUrl !== undefined) config.endpoint = invocation.endpointUrl;
  if (!invocation.retries) config.retry = false;
  if (invocation.validation !== undefined) config.validation = invocation.validation;
  if (logger !== undefined) config.logger = logger;
  if (invocation.profile !== undefined) {
    if (invocation.service.auth === 'oci-signature-v1')
      config.auth = { profile: invocation.profile };
    else config.profile = invocation.profile;
  }
  if (invocation.token !== undefined) config.token = invocation.token;
  return config;
}

type Method = (input: unknown) => Promise<unknown>;

/** Calls the operation; resolves to its output. Errors are the client's typed errors. */
export async function callOperation(invocation: CallInvocation, logger?: Logger): Promise<unknown> {
  const { service, operation } = invocation;
  // By package name, as a user would import it (package.json `exports`, kept by generate).
  const module = (await import(`cloud-sessions/${service.subpath}`)) as Record<string, unknown>;
  const Client = module[service.clientClass] as new (config: AnyClientConfig) => object;
  const client = new Client(callClientConfig(invocation, logger)) as Record<string, Method>;
  return client[operation.method]!.call(client, invocation.input);
}

/** The output as printed: indented JSON, or one line for ndjson; dates as ISO 8601. */
export function formatCallOutput(output: unknown, format: 'json' | 'ndjson'): string {
  return `${JSON.stringify(output ?? null, null, format === 'json' ? 2 : undefined)}\n`;
}

/** `services`: every service with its operations and their input members (`*` required). */
export function servicesText(): string {
  const out: string[] = [];
  for (const service of SERVICES) {
    out.push(`${service.subpath}  (${service.title}, ${service.clientClass})`);
    for (const op of service.operations) {
      const members = op.members.map((m) => (m.required ? `${m.name}*` : m.name)).join(', ');
      out.push(`  ${op.name}${op.paginated ? ' [paginated]' : ''}  {${members}}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** `call --help`. */
export function callHelpText(): string {
  const rows = COMMON_FLAGS.filter((f) => CALL_COMMON.includes(f.flag)).map(
    (f): [string, string] => [
      (f.short ? `-${f.short}, ` : '') + `--${f.flag}` + (f.placeholder ? ` ${f.placeholder}` : ''),
      f.flag === 'output' ? 'json (default, indented) or ndjson (one line)' : f.description,
    ],
  );
  const width = Math.max(...rows.map(([left]) => left.length), '--input JSON'.length);
  const row = ([left, right]: readonly [string, string]) => `  ${left.padEnd(width)}  ${right}`;
  return [
    `Usage: ${PROGRAM} call <service> <Operation> [--input JSON] [options]`,
    '',
    'Calls any operation of any generated client and prints its output as JSON.',
    `Services: ${SERVICES.map((s) => s.subpath).join(', ')}`,
    `Run "${PROGRAM} services" for their operations and input members.`,
    '',
    'Options:',
    row(['--input JSON', 'The operation input, a JSON object (default {})']),
    ...rows.map(row),
    row(['-h, --help', 'Show this help']),
    '',
    'Jupyter Server: the token comes from JUPYTER_TOKEN, the server from --endpoint-url.',
    'Exit status: 0 called; 1 service, network or credentials error; 2 usage error.',
    '',
  ].join('\n');
}
