import { ValidationError } from '../errors/index.js';

/**
 * A command line the CLI cannot run: an unknown command or option, a missing required option,
 * a value that is not a number. A `ValidationError` (so callers and the exit-code mapping treat
 * it like the clients' own input checks), with a message written for the command line rather
 * than for an API member.
 */
export class UsageError extends ValidationError {
  override name = 'UsageError';

  /**
   * @param parameter The option or argument at fault, e.g. `--max-items` or `command`.
   * @param rule The rule it broke, e.g. `required`, `non-negative integer`.
   * @param message The whole message shown to the user (never containing a secret value).
   * @param helpCommand The command whose `--help` explains the usage, e.g. `list athena`.
   */
  constructor(
    parameter: string,
    rule: string,
    message: string,
    readonly helpCommand: string = '',
  ) {
    super(parameter, rule);
    this.message = message;
  }
}
