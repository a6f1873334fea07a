/**
 * Command-line parsing: argv and environment in, a checked {@link Invocation} out, or a
 * {@link UsageError}. Pure (no I/O), so every rule has a table test. This module decides what
 * the positionals ask for (`--version`, `--help`, `list <api>`); tokenizing is `tokenize.ts`
 * and the options of a `list <api>` line are checked by `list-invocation.ts`.
 */
import { API_COMMANDS, findApiCommand } from './commands.js';
import type { Environment, Invocation } from './invocation.js';
import { buildListInvocation, rejectForeignOptions } from './list-invocation.js';
import { buildCallInvocation } from './call-invocation.js';
import { tokenizeArgv } from './tokenize.js';
import { UsageError } from './usage-error.js';

/** The API names, for messages. */
const API_NAMES = API_COMMANDS.map((command) => command.name).join(', ');

/**
 * Parses `argv` (without the node and script paths). `--version` wins over everything,
 * `--help` over everything else; otherwise the command line must be `list <api>` with that
 * API's required options.
 *
 * @throws UsageError for anything the CLI cannot run.
 */
export function parseCommandLine(argv: readonly string[], env: Environment = {}): Invocation {
  const { values, positionals } = tokenizeArgv(argv);
  if (values.version === true) return { kind: 'version' };
  const [verb, apiName, ...extra] = positionals;
  const help = values.help === true;

  if (verb === undefined) {
    if (help) return { kind: 'help', topic: { level: 'main' } };
    throw new UsageError('command', 'required', 'Missing command: expected "list <api>".');
  }
  if (verb === 'services') return { kind: 'services' };
  if (verb === 'call') {
    if (help) return { kind: 'help', topic: { level: 'call' } };
    return buildCallInvocation(positionals.slice(1), values, env);
  }
  if (verb !== 'list') {
    throw new UsageError(
      'command',
      'one of: list, call, services',
      `Unknown command "${verb}": expected "list", "call" or "services".`,
    );
  }
  if (apiName === undefined) {
    if (help) return { kind: 'help', topic: { level: 'list' } };
    throw new UsageError(
      'api',
      'required',
      `Missing API: expected "list <api>" with <api> one of ${API_NAMES}.`,
      'list',
    );
  }
  const command = findApiCommand(apiName);
  if (command === undefined) {
    throw new UsageError(
      'api',
      `one of ${API_NAMES}`,
      `Unknown API "${apiName}": expected one of ${API_NAMES}.`,
      'list',
    );
  }
  if (help) return { kind: 'help', topic: { level: 'api', command } };
  if (extra.length > 0) {
    throw new UsageError(
      'argument',
      'none expected',
      `Unexpected argument "${extra[0]}" after "list ${command.name}".`,
      `list ${command.name}`,
    );
  }
  rejectForeignOptions(command, values);
  return buildListInvocation(command, values, env);
}
