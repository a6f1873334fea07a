import type { Prng } from './prng.js';

/**
 * Athena `SessionSummary` as ListSessions returns it (botocore athena/2017-05-18, imported into
 * specs/athena.yaml): timestamps in epoch seconds, optional members left out when unset.
 */
export interface AthenaSessionSummary {
  SessionId: string;
  Description?: string;
  EngineVersion: { SelectedEngineVersion: string; EffectiveEngineVersion: string };
  NotebookVersion?: string;
  Status: {
    StartDateTime: number;
    LastModifiedDateTime: number;
    IdleSinceDateTime?: number;
    State: string;
  };
}

/** One Spark-enabled work group and its sessions, newest first (the list order). */
export interface AthenaWorkGroupData {
  workGroup: string;
  sessions: AthenaSessionSummary[];
}

/** ListSessions lists sessions "in an active state like CREATING, CREATED, IDLE, or BUSY". */
const ACTIVE_STATES = ['CREATING', 'CREATED', 'IDLE', 'BUSY'] as const;

/** Two work groups: one with enough sessions for several pages, one empty. */
export function athenaWorkGroups(
  prng: Prng,
  epochMs: number,
  count: number,
): AthenaWorkGroupData[] {
  let t = epochMs - prng.int(0, 600_000);
  const sessions = Array.from({ length: count }, (): AthenaSessionSummary => {
    const start = Math.floor(t / 1000);
    t -= prng.int(1_000, 1_800_000);
    const state = prng.pick(ACTIVE_STATES);
    return {
      SessionId: prng.uuid(),
      ...(prng.int(0, 1) ? { Description: `spark session ${prng.hex(6)}` } : {}),
      EngineVersion: {
        SelectedEngineVersion: 'PySpark engine version 3',
        EffectiveEngineVersion: 'PySpark engine version 3',
      },
      Status: {
        StartDateTime: start,
        LastModifiedDateTime: start + prng.int(1, 300),
        ...(state === 'IDLE' ? { IdleSinceDateTime: start + prng.int(301, 900) } : {}),
        State: state,
      },
    };
  });
  return [
    { workGroup: 'spark-primary', sessions },
    { workGroup: 'spark-empty', sessions: [] },
  ];
}
