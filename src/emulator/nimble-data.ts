import type { Prng } from './prng.js';

/** Nimble `StreamingSession` as it goes on the wire (aws-contracts §2.4: all 27 members). */
export interface NimbleStreamingSession {
  arn: string;
  automaticTerminationMode: string;
  backupMode: string;
  createdAt: string;
  createdBy: string;
  ec2InstanceType: string;
  launchProfileId: string;
  maxBackupsToRetain: number;
  ownedBy: string;
  sessionId: string;
  sessionPersistenceMode: string;
  startedAt: string;
  startedBy: string;
  startedFromBackupId: string;
  state: string;
  statusCode: string;
  statusMessage: string;
  stopAt: string;
  stoppedAt: string;
  stoppedBy: string;
  streamingImageId: string;
  tags: Record<string, string>;
  terminateAt: string;
  updatedAt: string;
  updatedBy: string;
  volumeConfiguration: { iops: number; size: number; throughput: number };
  volumeRetentionMode: string;
}

/** Enums of aws-contracts §2.5, in model order. */
export const NIMBLE_ENUMS = {
  StreamingSessionState: [
    'CREATE_IN_PROGRESS',
    'DELETE_IN_PROGRESS',
    'READY',
    'DELETED',
    'CREATE_FAILED',
    'DELETE_FAILED',
    'STOP_IN_PROGRESS',
    'START_IN_PROGRESS',
    'STOPPED',
    'STOP_FAILED',
    'START_FAILED',
  ],
  StreamingSessionStatusCode: [
    'STREAMING_SESSION_READY',
    'STREAMING_SESSION_DELETED',
    'STREAMING_SESSION_CREATE_IN_PROGRESS',
    'STREAMING_SESSION_DELETE_IN_PROGRESS',
    'INTERNAL_ERROR',
    'INSUFFICIENT_CAPACITY',
    'ACTIVE_DIRECTORY_DOMAIN_JOIN_ERROR',
    'NETWORK_CONNECTION_ERROR',
    'INITIALIZATION_SCRIPT_ERROR',
    'DECRYPT_STREAMING_IMAGE_ERROR',
    'NETWORK_INTERFACE_ERROR',
    'STREAMING_SESSION_STOPPED',
    'STREAMING_SESSION_STARTED',
    'STREAMING_SESSION_STOP_IN_PROGRESS',
    'STREAMING_SESSION_START_IN_PROGRESS',
    'AMI_VALIDATION_ERROR',
  ],
  AutomaticTerminationMode: ['DEACTIVATED', 'ACTIVATED'],
  SessionBackupMode: ['AUTOMATIC', 'DEACTIVATED'],
  SessionPersistenceMode: ['DEACTIVATED', 'ACTIVATED'],
  VolumeRetentionMode: ['RETAIN', 'DELETE'],
} as const;

const FAILURE_CODES = [
  'INTERNAL_ERROR',
  'INSUFFICIENT_CAPACITY',
  'ACTIVE_DIRECTORY_DOMAIN_JOIN_ERROR',
  'NETWORK_CONNECTION_ERROR',
  'INITIALIZATION_SCRIPT_ERROR',
  'DECRYPT_STREAMING_IMAGE_ERROR',
  'NETWORK_INTERFACE_ERROR',
  'AMI_VALIDATION_ERROR',
] as const;

/** The status code a session in `state` plausibly reports. */
export function statusCodeFor(state: string, prng: Prng): string {
  switch (state) {
    case 'READY':
      return prng.pick(['STREAMING_SESSION_READY', 'STREAMING_SESSION_STARTED']);
    case 'STOPPED':
      return 'STREAMING_SESSION_STOPPED';
    case 'DELETED':
      return 'STREAMING_SESSION_DELETED';
    case 'CREATE_IN_PROGRESS':
    case 'DELETE_IN_PROGRESS':
    case 'STOP_IN_PROGRESS':
    case 'START_IN_PROGRESS':
      return `STREAMING_SESSION_${state}`;
    default:
      return prng.pick(FAILURE_CODES);
  }
}

const INSTANCE_TYPES = ['g4dn.xlarge', 'g4dn.2xlarge', 'g4dn.4xlarge', 'g5.xlarge', 'g5.2xlarge'];

/** Inputs shared by all sessions of one studio. */
export interface NimbleStudioContext {
  region: string;
  accountId: string;
  users: readonly string[];
  launchProfileIds: readonly string[];
  streamingImageIds: readonly string[];
}

const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/** One realistic session created at `createdMs`. */
export function makeStreamingSession(
  prng: Prng,
  ctx: NimbleStudioContext,
  createdMs: number,
): NimbleStreamingSession {
  const sessionId = `session-${prng.hex(16)}`;
  const state = prng.pick(NIMBLE_ENUMS.StreamingSessionState);
  const createdBy = prng.pick(ctx.users);
  const ownedBy = prng.next() < 0.7 ? createdBy : prng.pick(ctx.users);
  const startedMs = createdMs + prng.int(30_000, 600_000);
  const stoppedMs = startedMs + prng.int(1, 8) * HOUR;
  const updatedMs = stoppedMs + prng.int(1_000, 60_000);
  const persistence = prng.pick(NIMBLE_ENUMS.SessionPersistenceMode);
  return {
    arn: `arn:aws:nimble:${ctx.region}:${ctx.accountId}:streaming-session/${sessionId}`,
    automaticTerminationMode: prng.pick(NIMBLE_ENUMS.AutomaticTerminationMode),
    backupMode: persistence === 'ACTIVATED' ? 'AUTOMATIC' : 'DEACTIVATED',
    createdAt: iso(createdMs),
    createdBy,
    ec2InstanceType: prng.pick(INSTANCE_TYPES),
    launchProfileId: prng.pick(ctx.launchProfileIds),
    maxBackupsToRetain: prng.int(0, 10),
    ownedBy,
    sessionId,
    sessionPersistenceMode: persistence,
    startedAt: iso(startedMs),
    startedBy: ownedBy,
    startedFromBackupId: `backup-${prng.hex(12)}`,
    state,
    statusCode: statusCodeFor(state, prng),
    statusMessage: `Session is ${state.toLowerCase().replace(/_/g, ' ')}`,
    stopAt: iso(startedMs + 12 * HOUR),
    stoppedAt: iso(stoppedMs),
    stoppedBy: ownedBy,
    streamingImageId: prng.pick(ctx.streamingImageIds),
    tags: { team: prng.pick(['fx', 'lighting', 'layout']), project: `proj-${prng.hex(4)}` },
    terminateAt: iso(startedMs + 24 * HOUR),
    updatedAt: iso(updatedMs),
    updatedBy: ownedBy,
    volumeConfiguration: {
      iops: prng.int(3000, 16000),
      size: prng.int(100, 16000),
      throughput: prng.int(125, 1000),
    },
    volumeRetentionMode: prng.pick(NIMBLE_ENUMS.VolumeRetentionMode),
  };
}

/** Context for one studio: a few users, launch profiles and images so filters match several sessions. */
export function makeStudioContext(prng: Prng, region: string): NimbleStudioContext {
  const ids = (prefix: string, n: number, len: number): string[] =>
    Array.from({ length: n }, () => `${prefix}${prng.hex(len)}`);
  return {
    region,
    accountId: String(prng.int(100_000_000_000, 999_999_999_999)),
    users: ids('user-', 4, 10),
    launchProfileIds: ids('lp-', 2, 12),
    // `^[a-zA-Z0-9-_]*$`, at most 22 characters (aws-contracts §2.4).
    streamingImageIds: ids('ami-', 2, 17),
  };
}
