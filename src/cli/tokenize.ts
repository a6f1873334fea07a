/**
 * Splits argv into option values and positionals with node:util `parseArgs`, and rewrites its
 * errors as {@link UsageError}s. The option set is the union of the command model's options;
 * whether an option applies to the chosen API is checked later (`list-invocation.ts`).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { API_COMMANDS, findApiCommand } from './commands.js';
import { COMMON_FLAGS } from './common-flags.js';
import { UsageError } from './usage-error.js';

/** Option values by option name (without dashes), as `parseArgs` returns them. */
export type OptionValues = Record<string, string | boolean | undefined>;

const PARSE_OPTIONS: NonNullable<ParseArgsConfig['options']> = (() => {
  const options: NonNullable<ParseArgsConfig['options']> = {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
    // `call`'s operation input (call-invocation.ts).
    input: { type: 'string' },
  };
  for (const flag of COMMON_FLAGS) {
    options[flag.flag] = flag.short ? { type: flag.kind, short: flag.short } : { type: flag.kind };
  }
  for (const command of API_COMMANDS) {
    for (const flag of command.flags) options[flag.flag] = { type: 'string' };
  }
  return options;
})();

/** Tokenizes `argv` strictly: every option must exist and strings need a value. */
export function tokenizeArgv(argv: readonly string[]): {
  values: OptionValues;
  positionals: string[];
} {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: PARSE_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as OptionValues, positionals };
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
