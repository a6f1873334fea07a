/**
 * Turns the option values of a `list <api>` command line into a checked
 * `ListInvocation`: options that exist but do not apply to the chosen API are rejected
 * with a message that says so, required options are enforced, and values are converted.
 */
import type { ApiCommand, CommonFlagName } from './command-model.js';
import type { Environment, Invocation } from './invocation.js';
import { checkUrl, parseCount, parseOutput, parseValidation } from './option-values.js';
import type { OptionValues } from './tokenize.js';
import { UsageError } from './usage-error.js';

/** Options that exist for some command but not this one are named, with the reason. */
export function rejectForeignOptions(command: ApiCommand, values: OptionValues): void {
  const own = new Set<string>([
    'help',
    'version',
    ...command.common,
    ...command.flags.map((flag) => flag.flag),
  ]);
  for (const name of Object.keys(values)) {
    if (values[name] === undefined || own.has(name)) continue;
    const why =
      name === 'page-size'
        ? ` (${command.operation} has no page-size parameter)`
        : command.name === 'jupyter' && (name === 'region' || name === 'profile')
          ? ' (Jupyter Server takes --url and --token)'
          : command.name === 'jupyter' && name === 'endpoint-url'
            ? ' (use --url)'
            : '';
    throw new UsageError(
      `--${name}`,
      `option of list ${command.name}`,
      `Option --${name} does not apply to "list ${command.name}"${why}.`,
      `list ${command.name}`,
    );
  }
}

export function buildListInvocation(
  command: ApiCommand,
  values: OptionValues,
  env: Environment,
): Invocation {
  const helpCommand = `list ${command.name}`;
  const input: Record<string, string> = {};
  const settings: { url?: string; token?: string } = {};
  for (const flag of command.flags) {
    const given = values[flag.flag];
    const fromEnv = flag.env !== undefined && env[flag.env] ? env[flag.env] : undefined;
    const value = typeof given === 'string' ? given : fromEnv;
    if (value === undefined) {
      if (flag.required) {
        const alternative = flag.env ? ` (or set ${flag.env})` : '';
        throw new UsageError(
          `--${flag.flag}`,
          'required',
          `"list ${command.name}" needs --${flag.flag} ${flag.placeholder}${alternative}.`,
          helpCommand,
        );
      }
      continue;
    }
    if ('member' in flag.target) input[flag.target.member] = value;
    else settings[flag.target.setting] = value;
  }
  if (settings.url !== undefined) checkUrl('--url', settings.url, helpCommand);
  const string = (name: CommonFlagName): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const endpointUrl = string('endpoint-url');
  if (endpointUrl !== undefined) checkUrl('--endpoint-url', endpointUrl, helpCommand);
  const validation = parseValidation(string('validation'), helpCommand);
  return {
    kind: 'list',
    command,
    input,
    ...settings,
    region: string('region'),
    profile: string('profile'),
    endpointUrl,
    maxItems: parseCount('--max-items', string('max-items'), 0, helpCommand),
    startingToken: string('starting-token'),
    pageSize: parseCount('--page-size', string('page-size'), 1, helpCommand),
    output: parseOutput(string('output'), helpCommand),
    retries: values['no-retries'] !== true,
    ...(validation ? { validation } : {}),
    debug: values.debug === true,
  };
}
