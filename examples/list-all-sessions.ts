/**
 * An app that lists sessions from all three cloud APIs, importing the generated clients as a
 * user would. Configuration comes from the environment, credentials from profiles:
 *   CLOUD_SESSIONS_ENDPOINT   base URL of the service endpoint (here: the local emulator)
 *   AWS_PROFILE, HOME         AWS credentials and region from ~/.aws/{credentials,config}
 *   OCI_CLI_PROFILE           OCI key, keyId and region from ~/.oci/config
 *   NOTEBOOK_ID, STUDIO_ID, AIDP_ID, WORKSPACE_KEY   what to list
 * `npm start` sets all of this up against the emulator and runs this file.
 */
import { AthenaClient, paginateListNotebookSessions } from 'cloud-sessions/athena';
import { NimbleStudioClient, paginateListStreamingSessions } from 'cloud-sessions/nimble-studio';
import { AiDataPlatformClient } from 'cloud-sessions/oci-ai-data-platform';
import { isCloudSessionsError, type Logger } from 'cloud-sessions/runtime';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name}`);
  return value;
};

const endpoint = env('CLOUD_SESSIONS_ENDPOINT');
/** Shows the retries the clients make on their own (throttling, 5xx, resets). */
const logger: Logger = {
  warn: (message, details) =>
    console.log(`  ! ${message}: ${details?.reason} (waiting ${details?.delayMs} ms)`),
};

interface Row {
  api: string;
  id: string;
  state: string;
  created: string;
}

function table(rows: Row[]): string {
  const columns = ['api', 'id', 'state', 'created'] as const;
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(columns.map((c) => r[c]))),
  ].join('\n');
}

async function main(): Promise<void> {
  const rows: Row[] = [];

  const athena = new AthenaClient({ endpoint, logger });
  const notebookId = env('NOTEBOOK_ID');
  for await (const session of paginateListNotebookSessions(
    athena,
    { NotebookId: notebookId },
    { maxItems: 5 },
  ).items()) {
    rows.push({
      api: 'athena',
      id: session.SessionId ?? '',
      state: 'active',
      created: session.CreationTime?.toISOString() ?? '',
    });
  }

  const nimble = new NimbleStudioClient({ endpoint, logger });
  const studioId = env('STUDIO_ID');
  console.log(`Nimble: first run with maxItems 3`);
  const first = paginateListStreamingSessions(nimble, { studioId }, { maxItems: 3 });
  const firstItems = [];
  for await (const session of first.items()) firstItems.push(session);
  console.log(`  got ${firstItems.length}, resume token ${first.resumeToken}`);
  const rest = paginateListStreamingSessions(
    nimble,
    { studioId },
    { maxItems: 4, startingToken: first.resumeToken },
  );
  const restItems = [];
  for await (const session of rest.items()) restItems.push(session);
  console.log(
    `  resumed: got ${restItems.length} more, next resume token ${rest.resumeToken ?? '(none: listing complete)'}`,
  );
  const ids = [...firstItems, ...restItems].map((s) => s.sessionId);
  if (new Set(ids).size !== ids.length) throw new Error('resuming repeated a session');
  for (const s of [...firstItems, ...restItems]) {
    rows.push({
      api: 'nimble',
      id: s.sessionId ?? '',
      state: s.state ?? '',
      created: s.createdAt?.toISOString() ?? '',
    });
  }

  const oci = new AiDataPlatformClient({
    endpoint,
    auth: { profile: process.env.OCI_CLI_PROFILE },
    logger,
  });
  const { items } = await oci.listSessions({
    aiDataPlatformId: env('AIDP_ID'),
    workspaceKey: env('WORKSPACE_KEY'),
  });
  for (const s of items.slice(0, 5)) {
    rows.push({
      api: 'oci',
      id: s.id ?? '',
      state: s.kernel?.execution_state ?? s.lifecycleState ?? '',
      created: s.kernel?.last_activity?.toISOString() ?? '',
    });
  }

  console.log(`\n${table(rows)}\n`);
  console.log(`${rows.length} sessions from 3 APIs.`);
}

main().catch((error: unknown) => {
  if (isCloudSessionsError(error))
    console.error(`${error.name}: ${error.message} (request id ${error.requestId ?? 'none'})`);
  else console.error(error);
  process.exitCode = 1;
});
