/**
 * The listings the loopback server serves, computed once from a fixed seed so every run and
 * every contender sees the same bytes. Athena pages are awsJson1.1 (`NotebookSessionsList`,
 * epoch-second `CreationTime`); Nimble pages are restJson1 (`sessions`, ISO 8601 timestamps).
 */
import { createPrng } from '../src/emulator/prng.js';

/** The three listings: one small page, a short walk (warm-up, quick mode) and the full walk. */
export const DATASETS = {
  small: { pages: 1, perPage: 5 },
  medium: { pages: 100, perPage: 100 },
  large: { pages: 1000, perPage: 100 },
} as const;

/** Name of a listing in {@link DATASETS}. */
export type DatasetId = keyof typeof DATASETS;

/** Athena notebook IDs (the spec requires a UUID) that select each listing. */
export const NOTEBOOK_IDS: Record<DatasetId, string> = {
  small: '00000000-0000-4000-8000-000000000001',
  medium: '00000000-0000-4000-8000-000000000002',
  large: '00000000-0000-4000-8000-000000000003',
};

/** Nimble studio IDs that select each listing. */
export const STUDIO_IDS: Record<DatasetId, string> = {
  small: 'stid-small0000000000',
  medium: 'stid-medium000000000',
  large: 'stid-large0000000000',
};

/** Signing region every contender uses. */
export const REGION = 'us-east-1';

/** Static credentials: the server never checks signatures, so these are AWS's documented example. */
export const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

/** One served page: its body and the token that leads to the next page (absent on the last). */
export interface ServedPage {
  readonly body: Buffer;
  readonly nextToken: string | undefined;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function word(random: () => number, length: number, alphabet = ALNUM): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

function uuid(random: () => number): string {
  const hex = word(random, 32, '0123456789abcdef');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Page tokens: opaque, URL-safe, about as long as the services' own. */
function tokens(random: () => number, count: number): string[] {
  return Array.from({ length: count }, () => word(random, 96));
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

function athenaItem(random: () => number, index: number): object {
  return {
    SessionId: uuid(random),
    CreationTime: 1_700_000_000 + index * 7 + Math.floor(random() * 1000) / 1000,
  };
}

function nimbleItem(random: () => number, index: number): object {
  const created = 1_700_000_000 + index * 11;
  const sessionId = `session-${word(random, 12)}`;
  return {
    arn: `arn:aws:nimble:us-east-1:123456789012:streaming-session/${sessionId}`,
    automaticTerminationMode: 'ACTIVATED',
    backupMode: 'AUTOMATIC',
    createdAt: iso(created),
    createdBy: `user-${word(random, 8)}`,
    ec2InstanceType: 'g4dn.4xlarge',
    launchProfileId: `lp-${word(random, 16)}`,
    maxBackupsToRetain: 3,
    ownedBy: `user-${word(random, 8)}`,
    sessionId,
    sessionPersistenceMode: 'ACTIVATED',
    startedAt: iso(created + 60),
    startedBy: `user-${word(random, 8)}`,
    state: 'READY',
    statusCode: 'STREAMING_SESSION_READY',
    stopAt: iso(created + 3600 * 8),
    streamingImageId: `img-${word(random, 12)}`,
    tags: { team: 'render', project: word(random, 6) },
    terminateAt: iso(created + 3600 * 24),
    updatedAt: iso(created + 120),
    updatedBy: `user-${word(random, 8)}`,
    volumeConfiguration: { iops: 3000, size: 500, throughput: 125 },
    volumeRetentionMode: 'RETAIN',
  };
}

/**
 * The pages of one listing keyed by the token that requests them (`''` for the first page).
 * `listKey`/`tokenKey` are the member names of the service's response.
 */
function listing(
  dataset: DatasetId,
  seed: number,
  listKey: string,
  tokenKey: string,
  item: (random: () => number, index: number) => object,
): Map<string, ServedPage> {
  const { pages, perPage } = DATASETS[dataset];
  const random = createPrng(seed).next;
  const pageTokens = tokens(random, pages - 1);
  const served = new Map<string, ServedPage>();
  for (let page = 0; page < pages; page++) {
    const items = Array.from({ length: perPage }, (_, i) => item(random, page * perPage + i));
    const nextToken = pageTokens[page];
    const payload: Record<string, unknown> = { [listKey]: items };
    if (nextToken !== undefined) payload[tokenKey] = nextToken;
    served.set(page === 0 ? '' : pageTokens[page - 1]!, {
      body: Buffer.from(JSON.stringify(payload)),
      nextToken,
    });
  }
  return served;
}

/** Every listing of both services, keyed by notebook ID (Athena) and studio ID (Nimble). */
export function buildListings(): {
  athena: Map<string, Map<string, ServedPage>>;
  nimble: Map<string, Map<string, ServedPage>>;
} {
  const athena = new Map<string, Map<string, ServedPage>>();
  const nimble = new Map<string, Map<string, ServedPage>>();
  const ids = Object.keys(DATASETS) as DatasetId[];
  ids.forEach((dataset, index) => {
    athena.set(
      NOTEBOOK_IDS[dataset],
      listing(dataset, 1000 + index, 'NotebookSessionsList', 'NextToken', athenaItem),
    );
    nimble.set(
      STUDIO_IDS[dataset],
      listing(dataset, 2000 + index, 'sessions', 'nextToken', nimbleItem),
    );
  });
  return { athena, nimble };
}

/** Items a full walk of `dataset` yields. */
export function itemCount(dataset: DatasetId): number {
  return DATASETS[dataset].pages * DATASETS[dataset].perPage;
}
