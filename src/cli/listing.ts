/**
 * Connects a parsed `list <api>` command to the generated clients: builds the client
 * configuration and the paginator, and hands back the sessions page by page with the
 * paginator's resume token. The clients are imported by package name, as a user would.
 */
import {
  AthenaClient,
  paginateListNotebookSessions,
  paginateListSessions as paginateAthenaSessions,
  type SessionState,
} from 'cloud-sessions/athena';
import { JupyterServerClient } from 'cloud-sessions/jupyter-server';
import { NimbleStudioClient, paginateListStreamingSessions } from 'cloud-sessions/nimble-studio';
import { AiDataPlatformClient, paginateListSessions } from 'cloud-sessions/oci-ai-data-platform';
import type { AnyClientConfig } from '../client/config.js';
import type { Logger } from '../client/logging.js';
import { createPaginator, type PaginationConfig, type Paginator } from '../paginate/index.js';
import type { ListInvocation } from './invocation.js';
import type { Item } from './format.js';

/** A listing in progress: pages of sessions, then where to resume. */
export interface Listing {
  /** The sessions of each page, after `--max-items` and `--starting-token` cuts. */
  readonly pages: AsyncIterable<readonly Item[]>;
  /** The resume token once `pages` has stopped; undefined when nothing is left. */
  readonly resumeToken: string | undefined;
}

/**
 * The client options a command line asks for. Credentials are left to each client's default
 * chain (AWS: environment, then `~/.aws`; OCI: `~/.oci/config`), so the CLI never handles a
 * secret itself except the Jupyter token.
 */
export function clientConfig(invocation: ListInvocation, logger?: Logger): AnyClientConfig {
  const config: AnyClientConfig = {};
  if (invocation.region !== undefined) config.region = invocation.region;
  const endpoint = invocation.command.name === 'jupyter' ? invocation.url : invocation.endpointUrl;
  if (endpoint !== undefined) config.endpoint = endpoint;
  if (!invocation.retries) config.retry = false;
  if (logger !== undefined) config.logger = logger;
  if (invocation.profile !== undefined) {
    if (invocation.command.name === 'oci') config.auth = { profile: invocation.profile };
    else config.profile = invocation.profile;
  }
  if (invocation.token !== undefined) config.token = invocation.token;
  return config;
}

/** The paginator options a command line asks for. */
export function paginationConfig(
  invocation: ListInvocation,
  signal?: AbortSignal,
): PaginationConfig {
  const config: PaginationConfig = {};
  if (invocation.maxItems !== undefined) config.maxItems = invocation.maxItems;
  if (invocation.startingToken !== undefined) config.startingToken = invocation.startingToken;
  if (invocation.pageSize !== undefined) config.pageSize = invocation.pageSize;
  if (signal !== undefined) config.signal = signal;
  return config;
}

/**
 * Starts the listing. Throws synchronously when the pagination options are invalid (a bad
 * starting token, a page size out of range), before any request is sent.
 */
export function openListing(
  invocation: ListInvocation,
  logger?: Logger,
  signal?: AbortSignal,
): Listing {
  const config = clientConfig(invocation, logger);
  const paging = paginationConfig(invocation, signal);
  const input = invocation.input;
  switch (invocation.command.name) {
    case 'athena':
      return fromPaginator(
        paginateListNotebookSessions(
          new AthenaClient(config),
          { NotebookId: input.NotebookId as string },
          paging,
        ),
        invocation.command.resultKey,
      );
    case 'athena-sessions':
      return fromPaginator(
        paginateAthenaSessions(
          new AthenaClient(config),
          {
            WorkGroup: input.WorkGroup as string,
            // Left to the client's validation: an unknown state is a typed error naming StateFilter.
            ...(input.StateFilter !== undefined
              ? { StateFilter: input.StateFilter as SessionState }
              : {}),
          },
          paging,
        ),
        invocation.command.resultKey,
      );
    case 'nimble':
      return fromPaginator(
        paginateListStreamingSessions(
          new NimbleStudioClient(config),
          { ...input, studioId: input.studioId as string },
          paging,
        ),
        invocation.command.resultKey,
      );
    case 'oci':
      return fromPaginator(
        paginateListSessions(
          new AiDataPlatformClient(config),
          {
            ...input,
            aiDataPlatformId: input.aiDataPlatformId as string,
            workspaceKey: input.workspaceKey as string,
          },
          paging,
        ),
        invocation.command.resultKey,
      );
    case 'jupyter':
      return fromPaginator(
        paginateJupyterSessions(new JupyterServerClient(config), paging),
        invocation.command.resultKey,
      );
  }
}

/**
 * Jupyter Server returns all sessions in one unpaginated array. Wrapping that one response as
 * a page of a paginator whose output token never appears gives `--max-items` and
 * `--starting-token` the same botocore semantics as the other APIs: the resume token holds no
 * service token, only `boto_truncate_amount`, the number of sessions to skip.
 */
interface JupyterRequest {
  after?: string;
}
interface JupyterPage {
  sessions?: Item[];
  next?: string;
}

function paginateJupyterSessions(
  client: JupyterServerClient,
  paging: PaginationConfig,
): Paginator<JupyterPage, Item> {
  return createPaginator<JupyterRequest, JupyterPage, 'sessions'>(
    async (_request, signal) => ({
      sessions: (await client.listSessions({}, { signal })) as Item[],
    }),
    {},
    { operation: 'ListSessions', inputToken: 'after', outputToken: 'next', resultKey: 'sessions' },
    paging,
  );
}

function fromPaginator<Page extends object>(
  paginator: Paginator<Page, unknown>,
  resultKey: string,
): Listing {
  return {
    pages: (async function* () {
      for await (const page of paginator) {
        const items = (page as Record<string, unknown>)[resultKey];
        yield Array.isArray(items) ? (items as Item[]) : [];
      }
    })(),
    get resumeToken() {
      return paginator.resumeToken;
    },
  };
}
