/**
 * `call <service> <Operation> [--input JSON] [options]` and `services`: the generic commands
 * that reach every generated client and operation through generated/services.ts, so a new spec
 * is callable with no hand edit (issue 12). Pure: positionals and option values in, a checked
 * {@link CallInvocation} out, or a {@link UsageError} naming the choices.
 */
import {
  SERVICES,
  type RegistryOperation,
  type RegistryService,
} from '../../generated/services.js';
import type { CommonFlagName } from './command-model.js';
import type { Environment } from './invocation.js';
import { checkUrl, parseValidation } from './option-values.js';
import type { OptionValues } from './tokenize.js';
import { UsageError } from './usage-error.js';

/** A checked `call` command line. */
export interface CallInvocation {
  readonly kind: 'call';
  readonly service: RegistryService;
  readonly operation: RegistryOperation;
  /** The operation input as given by --input; the client validates it before sending. */
  readonly input: Readonly<Record<string, unknown>>;
  readonly region?: string;
  readonly profile?: string;
  readonly endpointUrl?: string;
  /** Header-token services (Jupyter Server): from JUPYTER_TOKEN, never from the command line. */
  readonly token?: string;
  /** json: indented; ndjson: one line. */
  readonly output: 'json' | 'ndjson';
  readonly retries: boolean;
  readonly validation?: 'default' | 'strict';
  readonly debug: boolean;
}

/** The options `call` accepts besides --input, --help and --version. */
export const CALL_COMMON: readonly CommonFlagName[] = [
  'region',
  'profile',
  'endpoint-url',
  'output',
  'no-retries',
  'validation',
  'debug',
];

const HELP = 'call';

/** The service named `name` (its package subpath), or a usage error listing the services. */
export function findService(name: string | undefined): RegistryService {
  const names = SERVICES.map((s) => s.subpath).join(', ');
  if (name === undefined) {
    throw new UsageError('service', 'required', `Missing service: expected one of ${names}.`, HELP);
  }
  const service = SERVICES.find((s) => s.subpath === name);
  if (service === undefined) {
    throw new UsageError(
      'service',
      `one of ${names}`,
      `Unknown service "${name}": expected one of ${names}.`,
      HELP,
    );
  }
  return service;
}

/** The operation `name` of `service`, or a usage error listing its operations. */
export function findOperation(
  service: RegistryService,
  name: string | undefined,
): RegistryOperation {
  const names = service.operations.map((o) => o.name).join(', ');
  const operation = service.operations.find((o) => o.name === name);
  if (operation === undefined) {
    const what = name === undefined ? 'Missing operation' : `Unknown operation "${name}"`;
    throw new UsageError(
      'operation',
      `one of ${names}`,
      `${what} of ${service.subpath}: expected one of ${names}.`,
      HELP,
    );
  }
  return operation;
}

/** --input: a JSON object (the operation's input members), `{}` when absent. */
export function parseInput(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UsageError('--input', 'JSON object', `Option --input is not JSON: ${why}.`, HELP);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError('--input', 'JSON object', 'Option --input must be a JSON object.', HELP);
  }
  return value as Record<string, unknown>;
}

/** Builds the invocation from `call`'s positionals (after the verb) and option values. */
export function buildCallInvocation(
  positionals: readonly string[],
  values: OptionValues,
  env: Environment,
): CallInvocation {
  const [serviceName, operationName, ...extra] = positionals;
  const service = findService(serviceName);
  const operation = findOperation(service, operationName);
  if (extra.length > 0) {
    throw new UsageError('argument', 'none expected', `Unexpected argument "${extra[0]}".`, HELP);
  }
  const own = new Set<string>(['help', 'version', 'input', ...CALL_COMMON]);
  for (const name of Object.keys(values)) {
    if (values[name] !== undefined && !own.has(name)) {
      throw new UsageError(
        `--${name}`,
        'option of call',
        `Option --${name} does not apply to "call" (give input members in --input).`,
        HELP,
      );
    }
  }
  const string = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const endpointUrl = string('endpoint-url');
  if (endpointUrl !== undefined) checkUrl('--endpoint-url', endpointUrl, HELP);
  const output = string('output') ?? 'json';
  if (output !== 'json' && output !== 'ndjson') {
    throw new UsageError(
      '--output',
      'json or ndjson',
      `Option --output of "call" must be json or ndjson, got "${output}".`,
      HELP,
    );
  }
  const validation = parseValidation(string('validation'), HELP);
  const token = service.auth === 'header-token' ? env.JUPYTER_TOKEN || undefined : undefined;
  return {
    kind: 'call',
    service,
    operation,
    input: parseInput(string('input')),
    region: string('region'),
    profile: string('profile'),
    endpointUrl,
    ...(token !== undefined ? { token } : {}),
    output,
    retries: values['no-retries'] !== true,
    ...(validation ? { validation } : {}),
    debug: values.debug === true,
  };
}
