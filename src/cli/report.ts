/**
 * What the CLI prints for an error and which exit status it ends with. Pure, with table tests.
 *
 * Exit status 2 means "the command line can fix this": an unknown command or option, a missing
 * or malformed value, input the client rejects before sending (`ValidationError`), a
 * configuration that cannot work (`ConfigurationError`, e.g. no region), and pagination
 * options rejected before the first request (a bad `--starting-token`). Everything else is 1:
 * service errors, network errors and timeouts, credentials that cannot be loaded.
 *
 * Messages come from the typed errors, which never contain secrets; the CLI adds the request id
 * and HTTP status so a failure can be traced in the service's logs.
 */
import {
  ConfigurationError,
  PaginationError,
  ValidationError,
  isCloudSessionsError,
} from '../errors/index.js';
import type { ApiCommand } from './command-model.js';
import { PROGRAM } from './help.js';
import { UsageError } from './usage-error.js';

/** Exit statuses of the CLI. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** When the error happened: building the listing (before any request) or while listing. */
export type Phase = 'setup' | 'listing';

/** The text for stderr (ending with a newline) and the exit status. */
export interface ErrorReport {
  readonly exitCode: number;
  readonly text: string;
}

/** Paginator options by the `ValidationError.parameter` the paginator reports. */
const CONFIG_OPTIONS: Readonly<Record<string, string>> = {
  'config.maxItems': '--max-items',
  'config.pageSize': '--page-size',
  'config.startingToken': '--starting-token',
};

/** The option that sets `parameter` (an API input member or a paginator option), if any. */
export function optionForParameter(
  parameter: string,
  command: ApiCommand | undefined,
): string | undefined {
  if (CONFIG_OPTIONS[parameter] !== undefined) return CONFIG_OPTIONS[parameter];
  const root = parameter.split('.')[0];
  const flag = command?.flags.find(
    (candidate) => 'member' in candidate.target && candidate.target.member === root,
  );
  return flag && `--${flag.flag}`;
}

type LocalErrorClass = typeof ValidationError | typeof ConfigurationError | typeof PaginationError;

/**
 * `instanceof`, or the same name on a package error: like `isCloudSessionsError`, this holds
 * when the clients were loaded from another copy of the package.
 */
function isKind<Kind extends LocalErrorClass>(
  error: unknown,
  kind: Kind,
): error is InstanceType<Kind> {
  return error instanceof kind || (isCloudSessionsError(error) && error.name === kind.name);
}

/** Whether `error` is a usage error (exit 2) rather than a failure (exit 1). */
export function isUsageFailure(error: unknown, phase: Phase): boolean {
  return (
    isKind(error, ValidationError) ||
    isKind(error, ConfigurationError) ||
    (phase === 'setup' && isKind(error, PaginationError))
  );
}

/**
 * The report for `error`. `debug` adds the stack of errors that are not the package's own
 * (those are bugs, and the stack is what a bug report needs).
 */
export function describeError(
  error: unknown,
  options: { phase: Phase; command?: ApiCommand; debug?: boolean; helpCommand?: string },
): ErrorReport {
  const helpCommand =
    error instanceof UsageError
      ? error.helpCommand
      : options.command
        ? `list ${options.command.name}`
        : (options.helpCommand ?? '');
  const helpHint = `Run "${[PROGRAM, helpCommand, '--help'].filter(Boolean).join(' ')}" for usage.`;

  if (error instanceof UsageError) {
    return { exitCode: EXIT_USAGE, text: lines([`${PROGRAM}: ${error.message}`, helpHint]) };
  }
  if (!isCloudSessionsError(error)) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    const stack = options.debug && error instanceof Error && error.stack ? [error.stack] : [];
    return { exitCode: EXIT_FAILURE, text: lines([`${PROGRAM}: ${name}: ${message}`, ...stack]) };
  }

  const head = `${PROGRAM}: ${error.name}: ${error.message}`;
  if (isUsageFailure(error, options.phase)) {
    const option = isKind(error, ValidationError)
      ? optionForParameter(error.parameter, options.command)
      : isKind(error, PaginationError)
        ? '--starting-token'
        : undefined;
    const hint = regionHint(error, options.command);
    return {
      exitCode: EXIT_USAGE,
      text: lines([
        head,
        ...(option ? [`  Option: ${option}`] : []),
        ...(hint ? [hint] : []),
        helpHint,
      ]),
    };
  }
  const code = (error as { code?: unknown }).code;
  const details = [
    ...(error.requestId !== undefined ? [`  Request ID: ${error.requestId}`] : []),
    ...(error.status !== undefined ? [`  HTTP status: ${error.status}`] : []),
    ...(typeof code === 'string' && code !== error.name ? [`  Error code: ${code}`] : []),
    ...(error.attempts > 1 ? [`  Attempts: ${error.attempts}`] : []),
    ...causeLine(error),
  ];
  return { exitCode: EXIT_FAILURE, text: lines([head, ...details]) };
}

/**
 * The innermost cause of a connection failure: fetch reports "fetch failed" and keeps the
 * reason (`connect ECONNREFUSED 127.0.0.1:1`, `getaddrinfo ENOTFOUND ...`) in its cause.
 */
function causeLine(error: Error): string[] {
  let cause: unknown = error.cause;
  let innermost: Error | undefined;
  for (let depth = 0; cause instanceof Error && depth < 8; depth++) {
    innermost = cause;
    cause = cause.cause;
  }
  return innermost && !error.message.includes(innermost.message)
    ? [`  Cause: ${innermost.message}`]
    : [];
}

function regionHint(error: unknown, command: ApiCommand | undefined): string | undefined {
  if (!isKind(error, ConfigurationError) || !/Missing Region/i.test(error.message)) {
    return undefined;
  }
  const variable = command?.name === 'oci' ? 'OCI_REGION' : 'AWS_REGION';
  return `  Pass --region, set ${variable}, or set a region in the profile.`;
}

function lines(parts: readonly string[]): string {
  return `${parts.join('\n')}\n`;
}
