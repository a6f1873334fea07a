/**
 * The CLI's command model as data: which `list <api>` commands exist, the options each takes,
 * the API input member each option fills, and the table columns of each API's sessions. The
 * parser, the help text and the runner all read this table, so an option is declared once.
 */

/** The APIs `cloud-sessions list` can list. */
export type ApiName = 'athena' | 'nimble' | 'oci' | 'jupyter';

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

/** Common options in help order. */
export const COMMON_FLAGS: readonly CommonFlag[] = [
  {
    flag: 'region',
    kind: 'string',
    placeholder: 'REGION',
    description: 'Region (default: AWS_REGION / profile for AWS, OCI_REGION / profile for OCI)',
  },
  {
    flag: 'profile',
    kind: 'string',
    placeholder: 'NAME',
    description: 'Profile of ~/.aws/config (AWS) or ~/.oci/config (OCI)',
  },
  {
    flag: 'endpoint-url',
    kind: 'string',
    placeholder: 'URL',
    description: "Send requests to URL instead of the region's endpoint (e.g. a local emulator)",
  },
  {
    flag: 'max-items',
    kind: 'string',
    placeholder: 'N',
    description: 'Stop after N sessions and print a resume token if more remain',
  },
  {
    flag: 'starting-token',
    kind: 'string',
    placeholder: 'TOKEN',
    description: 'Continue a listing from the resume token an earlier --max-items run printed',
  },
  {
    flag: 'page-size',
    kind: 'string',
    placeholder: 'N',
    description: 'Sessions requested per call (where the API has a page-size parameter)',
  },
  {
    flag: 'output',
    kind: 'string',
    short: 'o',
    placeholder: 'FORMAT',
    description: 'table (default), json or ndjson',
  },
  { flag: 'no-retries', kind: 'boolean', description: 'Make one attempt per request, no retries' },
  {
    flag: 'debug',
    kind: 'boolean',
    description: 'Log every request (method, URL, status; secrets redacted) to stderr',
  },
];

/** Options of the cloud APIs (AWS and OCI), which have regions, profiles and endpoints. */
const CLOUD_COMMON: readonly CommonFlagName[] = [
  'region',
  'profile',
  'endpoint-url',
  'max-items',
  'starting-token',
  'output',
  'no-retries',
  'debug',
];

/** Reads a nested member such as `kernel.name`. */
function path(...keys: string[]): Column['value'] {
  return (item) => {
    let value: unknown = item;
    for (const key of keys) {
      if (typeof value !== 'object' || value === null) return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  };
}

/** The `list` commands by API name, in help order. */
export const API_COMMANDS: readonly ApiCommand[] = [
  {
    name: 'athena',
    summary: 'Amazon Athena notebook sessions (ListNotebookSessions)',
    operation: 'Athena ListNotebookSessions',
    flags: [
      {
        flag: 'notebook-id',
        target: { member: 'NotebookId' },
        required: true,
        placeholder: 'ID',
        description: 'Notebook whose active sessions to list',
      },
    ],
    common: [...CLOUD_COMMON, 'page-size'],
    resultKey: 'NotebookSessionsList',
    columns: [
      { header: 'SESSION ID', value: path('SessionId') },
      { header: 'CREATED', value: path('CreationTime') },
    ],
    notes: [
      'Sessions are listed newest first; the service returns at most 10 per call.',
      'Example: cloud-sessions list athena --notebook-id 4ac3b2c1-0d9e-4f1a-8b7c-6d5e4f3a2b1c',
    ],
  },
  {
    name: 'nimble',
    summary: 'AWS Nimble Studio streaming sessions (ListStreamingSessions)',
    operation: 'Nimble Studio ListStreamingSessions',
    flags: [
      {
        flag: 'studio-id',
        target: { member: 'studioId' },
        required: true,
        placeholder: 'ID',
        description: 'Studio whose streaming sessions to list',
      },
      {
        flag: 'owned-by',
        target: { member: 'ownedBy' },
        required: false,
        placeholder: 'USER',
        description: 'Only sessions owned by USER',
      },
      {
        flag: 'created-by',
        target: { member: 'createdBy' },
        required: false,
        placeholder: 'USER',
        description: 'Only sessions created by USER',
      },
      {
        flag: 'session-ids',
        target: { member: 'sessionIds' },
        required: false,
        placeholder: 'IDS',
        description: 'Only these session ids (sent as given: one string)',
      },
    ],
    common: CLOUD_COMMON,
    resultKey: 'sessions',
    columns: [
      { header: 'SESSION ID', value: path('sessionId') },
      { header: 'STATE', value: path('state') },
      { header: 'OWNED BY', value: path('ownedBy') },
      { header: 'CREATED BY', value: path('createdBy') },
      { header: 'CREATED', value: path('createdAt') },
      { header: 'INSTANCE TYPE', value: path('ec2InstanceType') },
      { header: 'LAUNCH PROFILE', value: path('launchProfileId') },
    ],
    notes: [
      'ListStreamingSessions has no page-size parameter, so --page-size does not apply.',
      'Example: cloud-sessions list nimble --studio-id us-east-1:studio-abc --owned-by alice',
    ],
  },
  {
    name: 'oci',
    summary: 'OCI AI Data Platform notebook sessions',
    operation: 'OCI AI Data Platform ListSessions',
    flags: [
      {
        flag: 'ai-data-platform-id',
        target: { member: 'aiDataPlatformId' },
        required: true,
        placeholder: 'OCID',
        description: 'AI Data Platform (Data Lake) OCID',
      },
      {
        flag: 'workspace-key',
        target: { member: 'workspaceKey' },
        required: true,
        placeholder: 'KEY',
        description: 'Workspace key',
      },
      {
        flag: 'path',
        target: { member: 'path' },
        required: false,
        placeholder: 'PATH',
        description: 'Only sessions of this notebook path',
      },
      {
        flag: 'cluster-id',
        target: { member: 'cluster_id' },
        required: false,
        placeholder: 'ID',
        description: 'Only sessions attached to this cluster',
      },
      {
        flag: 'agent-flow-key',
        target: { member: 'agentFlowKey' },
        required: false,
        placeholder: 'KEY',
        description: 'Only sessions of this agent flow',
      },
    ],
    common: CLOUD_COMMON,
    resultKey: 'items',
    columns: [
      { header: 'ID', value: path('id') },
      { header: 'NAME', value: path('name') },
      { header: 'PATH', value: path('path') },
      { header: 'STATE', value: path('lifecycleState') },
      { header: 'KERNEL', value: path('kernel', 'name') },
      { header: 'KERNEL STATE', value: path('kernel', 'execution_state') },
      { header: 'LAST ACTIVITY', value: path('kernel', 'last_activity') },
    ],
    notes: [
      'Credentials and region come from ~/.oci/config (profile DEFAULT, or --profile /',
      'OCI_CLI_PROFILE; file OCI_CONFIG_FILE).',
      'Example: cloud-sessions list oci --ai-data-platform-id ocid1.aidataplatform.oc1... --workspace-key ws1',
    ],
  },
  {
    name: 'jupyter',
    summary: 'Jupyter Server sessions (GET /api/sessions)',
    operation: 'Jupyter Server ListSessions',
    flags: [
      {
        flag: 'url',
        target: { setting: 'url' },
        required: true,
        placeholder: 'URL',
        description: 'Server URL including its base URL, e.g. http://127.0.0.1:8888/',
      },
      {
        flag: 'token',
        target: { setting: 'token' },
        required: true,
        placeholder: 'TOKEN',
        description: 'Server token (prefer the JUPYTER_TOKEN environment variable)',
        env: 'JUPYTER_TOKEN',
      },
    ],
    common: ['max-items', 'starting-token', 'output', 'no-retries', 'debug'],
    resultKey: 'sessions',
    columns: [
      { header: 'ID', value: path('id') },
      { header: 'NAME', value: path('name') },
      { header: 'PATH', value: path('path') },
      { header: 'TYPE', value: path('type') },
      { header: 'KERNEL', value: path('kernel', 'name') },
      { header: 'KERNEL STATE', value: path('kernel', 'execution_state') },
      { header: 'CONNECTIONS', value: path('kernel', 'connections') },
      { header: 'LAST ACTIVITY', value: path('kernel', 'last_activity') },
    ],
    notes: [
      'Jupyter returns every session in one response: --max-items cuts that list and the',
      'resume token is a position in it, so resuming skips the sessions already shown.',
      'Example: JUPYTER_TOKEN=... cloud-sessions list jupyter --url http://127.0.0.1:8888/',
    ],
  },
];

/** The `list` command for `name`, or undefined. */
export function findApiCommand(name: string): ApiCommand | undefined {
  return API_COMMANDS.find((command) => command.name === name);
}
