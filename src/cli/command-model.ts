/**
 * The CLI's command model as types: a `list <api>` command, the options it takes, the API input
 * member each option fills, and the table columns of its sessions. The definitions themselves
 * are data in `commands.ts` (per API) and `common-flags.ts` (options every command may take).
 */

/** The APIs `cloud-sessions list` can list. */
export type ApiName = 'athena' | 'athena-sessions' | 'nimble' | 'oci' | 'jupyter';

/** Output formats of `--output`. */
export type OutputFormat = 'table' | 'json' | 'ndjson';

/** Every output format, the first being the default. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'ndjson'];

/** An option of one `list <api>` command that fills an API input member (or a connection setting). */
export interface ApiFlag {
  /** Option name without dashes, e.g. `notebook-id`. */
  readonly flag: string;
  /** Input member it sets (`NotebookId`), or the connection setting for Jupyter (`url`, `token`). */
  readonly target: { readonly member: string } | { readonly setting: 'url' | 'token' };
  readonly required: boolean;
  /** Placeholder shown in help, e.g. `ID`. */
  readonly placeholder: string;
  readonly description: string;
  /** Environment variable read when the option is absent. */
  readonly env?: string;
}

/** The options every `list` command may take; `appliesTo` says which APIs accept each. */
export type CommonFlagName =
  | 'region'
  | 'profile'
  | 'endpoint-url'
  | 'max-items'
  | 'starting-token'
  | 'page-size'
  | 'output'
  | 'no-retries'
  | 'debug';

/** One common option. */
export interface CommonFlag {
  readonly flag: CommonFlagName;
  readonly kind: 'string' | 'boolean';
  readonly short?: string;
  readonly placeholder?: string;
  readonly description: string;
}

/** One column of the table output: a header and the item's value (formatted by `format.ts`). */
export interface Column {
  readonly header: string;
  readonly value: (item: Record<string, unknown>) => unknown;
}

/** A `list <api>` command. */
export interface ApiCommand {
  readonly name: ApiName;
  /** One line for the command list in help. */
  readonly summary: string;
  /** The API operation, for help text. */
  readonly operation: string;
  readonly flags: readonly ApiFlag[];
  /** Common options this command accepts. */
  readonly common: readonly CommonFlagName[];
  /** Member holding the items in `--output json` (the API's own result member name). */
  readonly resultKey: string;
  readonly columns: readonly Column[];
  /** Help lines after the options: notes and an example. */
  readonly notes: readonly string[];
}
