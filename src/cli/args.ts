/**
 * Command-line parsing: argv and environment in, a checked {@link Invocation} out, or a
 * {@link UsageError}. Pure (no I/O), so every rule has a table test. Built on node:util
 * `parseArgs`; the option set is the union of the command model's options, and options that
 * exist but do not apply to the chosen API are rejected with a message that says so.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  API_COMMANDS,
  COMMON_FLAGS,
  OUTPUT_FORMATS,
  findApiCommand,
  type ApiCommand,
  type CommonFlagName,
  type OutputFormat,
} from './commands.js';
import { UsageError } from './usage-error.js';

/** A checked `list <api>` command line. */
export interface ListInvocation {
  readonly kind: 'list';
  readonly command: ApiCommand;
  /** API input members set from options, e.g. `{ NotebookId: '...' }`. */
  readonly input: Readonly<Record<string, string>>;
  /** Jupyter only: server URL and token. */
  readonly url?: string;
  readonly token?: string;
  readonly region?: string;
  readonly profile?: string;
  readonly endpointUrl?: string;
  readonly maxItems?: number;
  readonly startingToken?: string;
  readonly pageSize?: number;
  readonly output: OutputFormat;
  readonly retries: boolean;
  readonly debug: boolean;
}

/** Which help text `--help` asked for. */
export type HelpTopic =
  | { readonly level: 'main' }
  | { readonly level: 'list' }
  | { readonly level: 'api'; readonly command: ApiCommand };

/** What the command line asks for. */
export type Invocation =
  | { readonly kind: 'help'; readonly topic: HelpTopic }
  | { readonly kind: 'version' }
  | ListInvocation;

/** Environment variables the parser reads (`JUPYTER_TOKEN`). */
export type Environment = Readonly<Record<string, string | undefined>>;

type Values = Record<string, string | boolean | undefined>;

const PARSE_OPTIONS: NonNullable<ParseArgsConfig['options']> = (() => {
  const options: NonNullable<ParseArgsConfig['options']> = {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
  };
  for (const flag of COMMON_FLAGS) {
    options[flag.flag] = flag.short ? { type: flag.kind, short: flag.short } : { type: flag.kind };
  }
  for (const command of API_COMMANDS) {
    for (const flag of command.flags) options[flag.flag] = { type: 'string' };
  }
  return options;
})();

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
  const { values, positionals } = parseOrThrow(argv);
  if (values.version === true) return { kind: 'version' };
  const [verb, apiName, ...extra] = positionals;
  const help = values.help === true;

  if (verb === undefined) {
    if (help) return { kind: 'help', topic: { level: 'main' } };
    throw new UsageError('command', 'required', 'Missing command: expected "list <api>".');
  }
  if (verb !== 'list') {
    throw new UsageError('command', 'one of: list', `Unknown command "${verb}": expected "list".`);
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

function parseOrThrow(argv: readonly string[]): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: PARSE_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Values, positionals };
  } catch (error) {
    throw usageFromParseArgs(error, helpCommandOf(argv));
  }
}

/**
 * Rewrites node:util's parse errors in the CLI's words. Their messages echo only the option
 * name (never a value), which is all that is kept here.
 */
function usageFromParseArgs(error: unknown, helpCommand: string): UsageError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  // Messages quote the option as '--name', '-n' or '-n, --name <value>'.
  const raw = /'(?:-\w, )?(-{1,2}[^'\s=<,]+)/.exec(message)?.[1] ?? 'option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new UsageError(raw, 'known option', `Unknown option ${raw}.`, helpCommand);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = raw.startsWith('--') ? raw : (findLongName(raw.slice(1)) ?? raw);
    // parseArgs reads `--max-items -3` as an option without its value ("ambiguous").
    const dashed = /ambiguous/.test(message)
      ? ` To give a value that starts with "-", write ${name}=<value>.`
      : '';
    return PARSE_OPTIONS[name.slice(2)]?.type === 'string'
      ? new UsageError(
          name,
          'value required',
          `Option ${name} needs a value.${dashed}`,
          helpCommand,
        )
      : new UsageError(name, 'no value', `Option ${name} does not take a value.`, helpCommand);
  }
  return new UsageError('arguments', 'parseable', message, helpCommand);
}

/** The command whose help fits a line that failed to parse: `list <api>` when it names one. */
function helpCommandOf(argv: readonly string[]): string {
  const { positionals } = parseArgs({
    args: [...argv],
    options: PARSE_OPTIONS,
    allowPositionals: true,
    strict: false,
  });
  if (positionals[0] !== 'list') return '';
  const command = positionals[1] === undefined ? undefined : findApiCommand(positionals[1]);
  return command ? `list ${command.name}` : 'list';
}

function findLongName(short: string): string | undefined {
  for (const [name, option] of Object.entries(PARSE_OPTIONS)) {
    if (option.short === short) return `--${name}`;
  }
  return undefined;
}

/** Options that exist for some command but not this one are named, with the reason. */
function rejectForeignOptions(command: ApiCommand, values: Values): void {
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

function buildListInvocation(command: ApiCommand, values: Values, env: Environment): Invocation {
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
    debug: values.debug === true,
  };
}

/**
 * A count option: decimal digits only (no sign, exponent, fraction or hex), at least `min`,
 * at most `Number.MAX_SAFE_INTEGER`. Upper bounds of an API (Athena MaxResults <= 100) are
 * checked by the client, which throws a `ValidationError`.
 */
export function parseCount(
  option: string,
  value: string | undefined,
  min: number,
  helpCommand = '',
): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const count = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(count) || count < min) {
    const rule = min === 0 ? 'a whole number, 0 or more' : `a whole number, ${min} or more`;
    throw new UsageError(
      option,
      rule,
      `Option ${option} must be ${rule}, got "${value}".`,
      helpCommand,
    );
  }
  return count;
}

function parseOutput(value: string | undefined, helpCommand: string): OutputFormat {
  if (value === undefined) return 'table';
  const format = OUTPUT_FORMATS.find((candidate) => candidate === value);
  if (format === undefined) {
    throw new UsageError(
      '--output',
      `one of ${OUTPUT_FORMATS.join(', ')}`,
      `Option --output must be one of ${OUTPUT_FORMATS.join(', ')}, got "${value}".`,
      helpCommand,
    );
  }
  return format;
}

function checkUrl(option: string, value: string, helpCommand: string): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new UsageError(
      option,
      'http(s) URL',
      `Option ${option} must be an http:// or https:// URL.`,
      helpCommand,
    );
  }
}
