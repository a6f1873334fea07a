/**
 * Help text, rendered from the command model so that it always lists the options the parser
 * accepts.
 */
import type { ApiCommand } from './command-model.js';
import { API_COMMANDS } from './commands.js';
import { COMMON_FLAGS } from './common-flags.js';
import type { HelpTopic } from './invocation.js';
import { callHelpText } from './call.js';

/** The program name used in help and messages. */
export const PROGRAM = 'cloud-sessions';

const OUTPUT_NOTES = [
  'Output:',
  '  table   aligned columns, dates as ISO 8601 (UTC); a resume token goes to stderr as',
  '          "NextToken: <token>".',
  '  json    one object: the sessions under the API\'s own member name, plus "NextToken"',
  '          when --max-items cut the listing.',
  '  ndjson  one session per line; when cut, a last line {"NextToken": "<token>"}.',
];

const EXIT_NOTES = [
  'Exit status: 0 listed; 1 service, network or credentials error; 2 usage error',
  '(unknown command or option, missing or invalid value, invalid configuration).',
];

/** Help text for `topic`, ending with a newline. */
export function helpText(topic: HelpTopic): string {
  switch (topic.level) {
    case 'main':
      return lines([
        `Usage: ${PROGRAM} list <api> [options]`,
        '',
        'Lists sessions of cloud notebook and streaming services.',
        '',
        ...apiList(),
        '',
        `Run "${PROGRAM} list <api> --help" for the options of one API.`,
        '',
        `Any operation of any generated client: ${PROGRAM} call <service> <Operation> [--input JSON]`,
        `(see "${PROGRAM} call --help"; "${PROGRAM} services" lists them).`,
        '',
        'Options:',
        ...table([
          ['-h, --help', 'Show help'],
          ['--version', 'Print the version'],
        ]),
        '',
        ...EXIT_NOTES,
      ]);
    case 'list':
      return lines([
        `Usage: ${PROGRAM} list <api> [options]`,
        '',
        ...apiList(),
        '',
        `Run "${PROGRAM} list <api> --help" for the options of one API.`,
      ]);
    case 'api':
      return apiHelp(topic.command);
    case 'call':
      return callHelpText();
  }
}

function apiList(): string[] {
  return ['APIs:', ...table(API_COMMANDS.map((command) => [command.name, command.summary]))];
}

function apiHelp(command: ApiCommand): string {
  const required = command.flags.filter((flag) => flag.required);
  const usage = [
    `Usage: ${PROGRAM} list ${command.name}`,
    ...required.map((flag) => `--${flag.flag} ${flag.placeholder}`),
    '[options]',
  ].join(' ');
  const apiRows = command.flags.map((flag): [string, string] => [
    `--${flag.flag} ${flag.placeholder}`,
    flag.description +
      (flag.required ? ' (required)' : '') +
      (flag.env ? ` [env ${flag.env}]` : ''),
  ]);
  const commonRows = COMMON_FLAGS.filter((flag) => command.common.includes(flag.flag)).map(
    (flag): [string, string] => [
      (flag.short ? `-${flag.short}, ` : '') +
        `--${flag.flag}` +
        (flag.placeholder ? ` ${flag.placeholder}` : ''),
      flag.description,
    ],
  );
  return lines([
    usage,
    '',
    `Lists sessions with ${command.operation}.`,
    '',
    `Options of list ${command.name}:`,
    ...table(apiRows),
    '',
    'Common options:',
    ...table([...commonRows, ['-h, --help', 'Show this help']]),
    '',
    ...command.notes,
    '',
    ...OUTPUT_NOTES,
    '',
    ...EXIT_NOTES,
  ]);
}

function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

function lines(parts: readonly string[]): string {
  return `${parts.join('\n')}\n`;
}
