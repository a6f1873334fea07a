import { countFor, type ResolvedSizes } from './options.js';
import { createPrng, deriveSeed, type Prng } from './prng.js';
import { athenaWorkGroups, type AthenaWorkGroupData } from './athena-sessions-data.js';
import {
  makeStreamingSession,
  makeStudioContext,
  type NimbleStreamingSession,
} from './nimble-data.js';

/** Athena `NotebookSessionSummary` on the wire: `CreationTime` in epoch seconds with a fraction. */
export interface AthenaNotebookSessionSummary {
  SessionId: string;
  CreationTime: number;
}

/** One Athena notebook and its active sessions, newest first (the list order). */
export interface AthenaNotebookData {
  notebookId: string;
  sessions: AthenaNotebookSessionSummary[];
}

/** One Nimble studio and its sessions in list order (newest first). */
export interface NimbleStudioData {
  studioId: string;
  sessions: NimbleStreamingSession[];
}

/** OCI `KernelSummary` (oci-contracts §3, snake_case as on the wire). */
export interface OciKernelSummary {
  connections: number;
  execution_state: string;
  id: string;
  last_activity: string;
  name: string;
}

/** OCI `SessionSummary` with its mixed wire casing (oci-contracts §3). */
export interface OciSessionSummary {
  agentFlowKey?: string;
  cluster_id: string;
  id: string;
  kernel: OciKernelSummary;
  lifecycleState: string;
  name: string;
  path: string;
  type: string;
}

/** One workspace and its sessions in list order. */
export interface OciWorkspaceData {
  workspaceKey: string;
  sessions: OciSessionSummary[];
}

/** One AI Data Platform and its workspaces. */
export interface OciPlatformData {
  aiDataPlatformId: string;
  workspaces: OciWorkspaceData[];
}

/** Everything the emulator serves; deeply frozen. */
export interface EmulatorData {
  athena: { notebooks: AthenaNotebookData[]; workGroups: AthenaWorkGroupData[] };
  nimble: { studios: NimbleStudioData[] };
  oci: { platforms: OciPlatformData[] };
}

/** Sessions in the emulator's first Spark work group: three default pages of ListSessions. */
export const ATHENA_WORK_GROUP_SESSIONS = 45;

/** Inputs of {@link generateData}. */
export interface DataInputs {
  seed: number;
  sizes: ResolvedSizes;
  region: string;
  epochMs: number;
}

/**
 * Generates the seeded data set. Each API draws from its own derived seed, so
 * resizing one API's data leaves the others' identical.
 */
export function generateData(inputs: DataInputs): EmulatorData {
  return deepFreeze({
    athena: {
      notebooks: athenaData(createPrng(deriveSeed(inputs.seed, 'athena')), inputs),
      // Its own seed, so the notebooks' data stays what it was before ListSessions existed.
      workGroups: athenaWorkGroups(
        createPrng(deriveSeed(inputs.seed, 'athena-work-groups')),
        inputs.epochMs,
        ATHENA_WORK_GROUP_SESSIONS,
      ),
    },
    nimble: { studios: nimbleData(createPrng(deriveSeed(inputs.seed, 'nimble')), inputs) },
    oci: { platforms: ociData(createPrng(deriveSeed(inputs.seed, 'oci')), inputs) },
  });
}

/** Timestamps walking back from the epoch, newest first, at least a second apart. */
function descendingTimes(prng: Prng, epochMs: number, n: number, maxGapMs: number): number[] {
  const times: number[] = [];
  let t = epochMs - prng.int(0, maxGapMs);
  for (let i = 0; i < n; i++) {
    times.push(t);
    t -= prng.int(1_000, maxGapMs);
  }
  return times;
}

function athenaData(prng: Prng, { sizes, epochMs }: DataInputs): AthenaNotebookData[] {
  return Array.from({ length: sizes.athenaNotebooks }, (_, i) => {
    const notebookId = prng.uuid();
    const n = countFor(sizes.athenaSessionsPerNotebook, i);
    const sessions = descendingTimes(prng, epochMs, n, 7_200_000).map((ms) => ({
      SessionId: prng.uuid(),
      // Whole milliseconds with a non-zero fraction, so clients must parse fractional seconds.
      CreationTime: (Math.floor(ms / 1000) * 1000 + prng.int(1, 999)) / 1000,
    }));
    return { notebookId, sessions };
  });
}

function nimbleData(prng: Prng, { sizes, epochMs, region }: DataInputs): NimbleStudioData[] {
  return Array.from({ length: sizes.nimbleStudios }, (_, i) => {
    const studioId = `stid-${prng.hex(16)}`;
    const ctx = makeStudioContext(prng, region);
    const n = countFor(sizes.nimbleSessionsPerStudio, i);
    const sessions = descendingTimes(prng, epochMs, n, 3_600_000).map((ms) =>
      makeStreamingSession(prng, ctx, ms),
    );
    return { studioId, sessions };
  });
}

const EXECUTION_STATES = ['idle', 'idle', 'idle', 'busy', 'starting'];
const LIFECYCLE_STATES = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'CREATING', 'FAILED'];
const SESSION_TYPES = ['notebook', 'notebook', 'file', 'agentflow'];

function ociData(prng: Prng, { sizes, epochMs }: DataInputs): OciPlatformData[] {
  return Array.from({ length: sizes.ociPlatforms }, (_, p) => {
    const aiDataPlatformId = `ocid1.aidataplatform.oc1.iad.amaaaaaa${prng.hex(52)}`;
    const workspaces = Array.from(
      { length: countFor(sizes.ociWorkspacesPerPlatform, p) },
      (_, w) => {
        const clusters = [`cluster-${prng.hex(8)}`, `cluster-${prng.hex(8)}`];
        const n = countFor(sizes.ociSessionsPerWorkspace, w);
        const sessions = descendingTimes(prng, epochMs, n, 1_800_000).map((ms, s) =>
          ociSession(prng, clusters, ms, s),
        );
        return { workspaceKey: prng.uuid(), sessions };
      },
    );
    return { aiDataPlatformId, workspaces };
  });
}

function ociSession(
  prng: Prng,
  clusters: readonly string[],
  lastActivityMs: number,
  index: number,
): OciSessionSummary {
  const type = prng.pick(SESSION_TYPES);
  const user = prng.pick(['alice', 'bob', 'carol']);
  const name = `analysis-${index + 1}.ipynb`;
  return {
    ...(type === 'agentflow' ? { agentFlowKey: `agentflow-${prng.hex(8)}` } : {}),
    cluster_id: prng.pick(clusters),
    id: prng.uuid(),
    kernel: {
      connections: prng.int(0, 3),
      execution_state: prng.pick(EXECUTION_STATES),
      id: prng.uuid(),
      last_activity: new Date(lastActivityMs).toISOString(),
      name: 'python3',
    },
    lifecycleState: prng.pick(LIFECYCLE_STATES),
    name,
    path: `/Workspace/Users/${user}/${name}`,
    type,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
