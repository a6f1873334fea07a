/**
 * The `list <api>` commands as data: which commands exist, the options each takes, the API
 * input member each option fills, and the table columns of each API's sessions (the shapes are
 * in `command-model.ts`, the options all commands share in `common-flags.ts`). The parser, the
 * help text and the runner all read this table, so an option is declared once.
 */
import type { ApiCommand, Column } from './command-model.js';
import { CLOUD_COMMON } from './common-flags.js';

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
    name: 'athena-sessions',
    summary: 'Amazon Athena Spark sessions of a work group (ListSessions)',
    operation: 'Athena ListSessions',
    flags: [
      {
        flag: 'work-group',
        target: { member: 'WorkGroup' },
        required: true,
        placeholder: 'NAME',
        description: 'Spark-enabled work group whose sessions to list',
      },
      {
        flag: 'state',
        target: { member: 'StateFilter' },
        required: false,
        placeholder: 'STATE',
        description: 'Only sessions in STATE (CREATING, CREATED, IDLE, BUSY, ...)',
      },
    ],
    common: [...CLOUD_COMMON, 'page-size'],
    resultKey: 'Sessions',
    columns: [
      { header: 'SESSION ID', value: path('SessionId') },
      { header: 'STATE', value: path('Status', 'State') },
      { header: 'STARTED', value: path('Status', 'StartDateTime') },
      { header: 'ENGINE', value: path('EngineVersion', 'EffectiveEngineVersion') },
      { header: 'DESCRIPTION', value: path('Description') },
    ],
    notes: [
      'Sessions are listed newest first, at most 100 per call (--page-size).',
      'Example: cloud-sessions list athena-sessions --work-group spark-wg --state IDLE',
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
