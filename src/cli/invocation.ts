/**
 * What a command line asks for, once checked: the result of `parseCommandLine` (`args.ts`).
 */
import type { ApiCommand, OutputFormat } from './command-model.js';
import type { ValidationMode } from '../client/validate-checks.js';
import type { CallInvocation } from './call-invocation.js';

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
  /** Unset: the clients' default mode. */
  readonly validation?: ValidationMode;
  readonly debug: boolean;
}

/** Which help text `--help` asked for. */
export type HelpTopic =
  | { readonly level: 'main' }
  | { readonly level: 'list' }
  | { readonly level: 'call' }
  | { readonly level: 'api'; readonly command: ApiCommand };

/** What the command line asks for. */
export type Invocation =
  | { readonly kind: 'help'; readonly topic: HelpTopic }
  | { readonly kind: 'version' }
  | { readonly kind: 'services' }
  | CallInvocation
  | ListInvocation;

/** Environment variables the parser reads (`JUPYTER_TOKEN`). */
export type Environment = Readonly<Record<string, string | undefined>>;
