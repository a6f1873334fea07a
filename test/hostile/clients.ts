/**
 * Every generated client, built against one loopback endpoint with test credentials, and one
 * representative call each, so each hostile case runs on all of them.
 */
import { AthenaClient } from 'cloud-sessions/athena';
import { JupyterServerClient } from 'cloud-sessions/jupyter-server';
import { NimbleStudioClient } from 'cloud-sessions/nimble-studio';
import { AiDataPlatformClient } from 'cloud-sessions/oci-ai-data-platform';
import { testOciAuth } from '../helpers/credentials.js';

export const SECRET = 'hostile-secret-key-never-printed';
export const SESSION_TOKEN = 'hostile-session-token-never-printed';
export const JUPYTER_TOKEN = 'hostile-jupyter-token-never-printed';
export const NOTEBOOK_ID = '0123abcd-0123-0123-0123-0123456789ab';

/** Retries on, fast: a test that counts hits then sees any retry that happens. */
export const FAST_RETRY = {
  baseDelayMs: 1,
  maxDelayMs: 2,
  additiveJitterMs: 0,
  maxAttempts: 3,
  quota: false,
} as const;

export interface Options {
  endpoint: string;
  fetch?: typeof fetch;
  logger?: { debug?(m: string, d?: object): void; warn?(m: string, d?: object): void };
}

/** One call of a client, with optional extra input members and call options. */
export interface ClientCase {
  name: string;
  /** Makes a client and returns its representative call. */
  make(options: Options): {
    client: object;
    call(
      extra?: Record<string, unknown>,
      callOptions?: { headers?: Record<string, string> },
    ): Promise<unknown>;
  };
}

const aws = { accessKeyId: 'AKIDHOSTILE', secretAccessKey: SECRET, sessionToken: SESSION_TOKEN };

type Call = ReturnType<ClientCase['make']>['call'];

/** A case from how to build the client (retries fast, then `o`) and its representative call. */
function clientCase<C extends object>(
  name: string,
  build: (o: Options) => C,
  call: (client: C, ...args: Parameters<Call>) => ReturnType<Call>,
): ClientCase {
  return {
    name,
    make: (o) => {
      const client = build(o);
      return { client, call: (extra = {}, opts) => call(client, extra, opts) };
    },
  };
}

export const CLIENTS: readonly ClientCase[] = [
  clientCase(
    'Athena',
    (o) => new AthenaClient({ region: 'us-east-1', credentials: aws, retry: FAST_RETRY, ...o }),
    (client, extra, opts) =>
      client.listNotebookSessions({ NotebookId: NOTEBOOK_ID, ...extra } as never, opts),
  ),
  clientCase(
    'NimbleStudio',
    (o) =>
      new NimbleStudioClient({ region: 'us-west-2', credentials: aws, retry: FAST_RETRY, ...o }),
    (client, extra, opts) =>
      client.listStreamingSessions({ studioId: 'studio-1', ...extra } as never, opts),
  ),
  clientCase(
    'AiDataPlatform',
    (o) =>
      new AiDataPlatformClient({
        region: 'us-ashburn-1',
        auth: testOciAuth(),
        retry: FAST_RETRY,
        ...o,
      }),
    (client, extra, opts) =>
      client.listSessions(
        { aiDataPlatformId: 'platform-1', workspaceKey: 'ws-1', ...extra } as never,
        opts,
      ),
  ),
  clientCase(
    'JupyterServer',
    (o) => new JupyterServerClient({ token: JUPYTER_TOKEN, retry: FAST_RETRY, ...o }),
    (client, extra, opts) => client.getSession({ session: 'abc', ...extra } as never, opts),
  ),
];

/** A success body each client's call accepts: the member that holds a timestamp, and its format. */
export const SUCCESS: Record<string, unknown> = {
  Athena: { NotebookSessionsList: [{ SessionId: 's', CreationTime: 1700000000 }] },
  NimbleStudio: { sessions: [] },
  AiDataPlatform: [],
  JupyterServer: {
    id: 'abc',
    path: 'p',
    type: 'notebook',
    kernel: { id: 'k', name: 'python3', last_activity: '2024-01-01T00:00:00Z' },
  },
};
