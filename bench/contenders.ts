/**
 * What a user could call instead of this package, each doing the same two jobs against the
 * loopback server: one request for a small page, and a walk over every page of a listing.
 * Modules are imported lazily, so a memory run loads only its own contender.
 */
import http from 'node:http';
import { CREDENTIALS, NOTEBOOK_IDS, REGION, STUDIO_IDS, type DatasetId } from './data.js';

/** The two services measured. */
export type Service = 'athena' | 'nimble';

/** Contender IDs, the baseline (`fetch`) first. */
export const CONTENDER_IDS = [
  'fetch',
  'node-http',
  'aws4fetch',
  'aws-sdk-v3',
  'ours',
  'ours-fetch',
] as const;

/** One of {@link CONTENDER_IDS}. */
export type ContenderId = (typeof CONTENDER_IDS)[number];

/** How each contender is labelled in the tables. */
export const CONTENDER_LABELS: Record<ContenderId, string> = {
  fetch: 'fetch + JSON.parse, unsigned (baseline)',
  'node-http': 'node:http + JSON.parse, unsigned',
  aws4fetch: 'fetch + aws4fetch signing',
  'aws-sdk-v3': 'AWS SDK v3',
  ours: 'cloud-sessions (default transport: node:http in Node)',
  'ours-fetch': "cloud-sessions, fetch: 'global' (the default before issue 15)",
};

/** One contender bound to one service and server. */
export interface Contender {
  /** Requests the one-page `small` listing; resolves to the number of items received. */
  small(): Promise<number>;
  /** Follows every page of `dataset`, dropping each page; resolves to the number of items. */
  walk(dataset: DatasetId): Promise<number>;
}

const ATHENA_TARGET = 'AmazonAthena.ListNotebookSessions';
const ATHENA_CONTENT_TYPE = 'application/x-amz-json-1.1';

interface AthenaPage {
  NotebookSessionsList?: unknown[];
  NextToken?: string;
}
interface NimblePage {
  sessions?: unknown[];
  nextToken?: string;
}

/** One page request: the transport-level contenders differ only in this. */
type Exchange = (
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
) => Promise<unknown>;

function checked(status: number, text: string): unknown {
  if (status !== 200) throw new Error(`HTTP ${status}: ${text}`);
  return JSON.parse(text);
}

/** Contenders that build the wire request themselves around an `Exchange`. */
function manual(service: Service, endpoint: string, exchange: Exchange): Contender {
  const page =
    service === 'athena'
      ? async (dataset: DatasetId, token: string | undefined) => {
          const input =
            token === undefined
              ? { NotebookId: NOTEBOOK_IDS[dataset] }
              : { NotebookId: NOTEBOOK_IDS[dataset], NextToken: token };
          const data = (await exchange(
            'POST',
            `${endpoint}/`,
            { 'content-type': ATHENA_CONTENT_TYPE, 'x-amz-target': ATHENA_TARGET },
            JSON.stringify(input),
          )) as AthenaPage;
          return { items: data.NotebookSessionsList?.length ?? 0, next: data.NextToken };
        }
      : async (dataset: DatasetId, token: string | undefined) => {
          const query = token === undefined ? '' : `?nextToken=${encodeURIComponent(token)}`;
          const url = `${endpoint}/2020-08-01/studios/${STUDIO_IDS[dataset]}/streaming-sessions${query}`;
          const data = (await exchange('GET', url, {}, undefined)) as NimblePage;
          return { items: data.sessions?.length ?? 0, next: data.nextToken };
        };
  return {
    small: async () => (await page('small', undefined)).items,
    walk: async (dataset) => {
      let count = 0;
      let token: string | undefined;
      do {
        const result = await page(dataset, token);
        count += result.items;
        token = result.next;
      } while (token);
      return count;
    },
  };
}

function fetchContender(service: Service, endpoint: string): Contender {
  return manual(service, endpoint, async (method, url, headers, body) => {
    const response = await fetch(url, { method, headers, body });
    return checked(response.status, await response.text());
  });
}

/** The stretch floor: Node's own HTTP client on a keep-alive agent, no fetch machinery. */
function nodeHttpContender(service: Service, endpoint: string): Contender {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return manual(
    service,
    endpoint,
    (method, url, headers, body) =>
      new Promise((resolve, reject) => {
        const request = http.request(url, { method, headers, agent }, (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            try {
              resolve(checked(response.statusCode ?? 0, text));
            } catch (error) {
              reject(error);
            }
          });
          response.on('error', reject);
        });
        request.on('error', reject);
        request.end(body);
      }),
  );
}

async function aws4fetchContender(service: Service, endpoint: string): Promise<Contender> {
  const { AwsClient } = await import('aws4fetch');
  const aws = new AwsClient({
    ...CREDENTIALS,
    region: REGION,
    service: service === 'athena' ? 'athena' : 'nimble',
  });
  return manual(service, endpoint, async (method, url, headers, body) => {
    const response = await aws.fetch(url, { method, headers, body });
    return checked(response.status, await response.text());
  });
}

async function sdkContender(service: Service, endpoint: string): Promise<Contender> {
  const config = { region: REGION, endpoint, credentials: CREDENTIALS };
  if (service === 'athena') {
    const sdk = await import('@aws-sdk/client-athena');
    const client = new sdk.AthenaClient(config);
    return {
      small: async () => {
        const page = await client.send(
          new sdk.ListNotebookSessionsCommand({ NotebookId: NOTEBOOK_IDS.small }),
        );
        return page.NotebookSessionsList?.length ?? 0;
      },
      // The SDK has no paginator for ListNotebookSessions (botocore has none either, see
      // aws-contracts.md 1.6), so this is the loop its users write.
      walk: async (dataset) => {
        let count = 0;
        let token: string | undefined;
        do {
          const page = await client.send(
            new sdk.ListNotebookSessionsCommand({
              NotebookId: NOTEBOOK_IDS[dataset],
              NextToken: token,
            }),
          );
          count += page.NotebookSessionsList?.length ?? 0;
          token = page.NextToken;
        } while (token);
        return count;
      },
    };
  }
  const sdk = await import('@aws-sdk/client-nimble');
  const client = new sdk.NimbleClient(config);
  return {
    small: async () => {
      const page = await client.send(
        new sdk.ListStreamingSessionsCommand({ studioId: STUDIO_IDS.small }),
      );
      return page.sessions?.length ?? 0;
    },
    walk: async (dataset) => {
      let count = 0;
      const pages = sdk.paginateListStreamingSessions(
        { client },
        { studioId: STUDIO_IDS[dataset] },
      );
      for await (const page of pages) count += page.sessions?.length ?? 0;
      return count;
    },
  };
}

async function oursContender(
  service: Service,
  endpoint: string,
  transport?: typeof fetch | 'global',
): Promise<Contender> {
  const config = {
    region: REGION,
    endpoint,
    credentials: CREDENTIALS,
    ...(transport ? { fetch: transport } : {}),
  };
  if (service === 'athena') {
    const athena = await import('cloud-sessions/athena');
    const client = new athena.AthenaClient(config);
    return {
      small: async () => {
        const page = await client.listNotebookSessions({ NotebookId: NOTEBOOK_IDS.small });
        return page.NotebookSessionsList?.length ?? 0;
      },
      walk: async (dataset) => {
        let count = 0;
        const pages = athena.paginateListNotebookSessions(client, {
          NotebookId: NOTEBOOK_IDS[dataset],
        });
        for await (const page of pages) count += page.NotebookSessionsList?.length ?? 0;
        return count;
      },
    };
  }
  const nimble = await import('cloud-sessions/nimble-studio');
  const client = new nimble.NimbleStudioClient(config);
  return {
    small: async () => {
      const page = await client.listStreamingSessions({ studioId: STUDIO_IDS.small });
      return page.sessions?.length ?? 0;
    },
    walk: async (dataset) => {
      let count = 0;
      const pages = nimble.paginateListStreamingSessions(client, { studioId: STUDIO_IDS[dataset] });
      for await (const page of pages) count += page.sessions?.length ?? 0;
      return count;
    },
  };
}

/** Builds contender `id` for `service`, talking to `endpoint` (e.g. `http://127.0.0.1:1234`). */
export async function createContender(
  id: ContenderId,
  service: Service,
  endpoint: string,
): Promise<Contender> {
  switch (id) {
    case 'fetch':
      return fetchContender(service, endpoint);
    case 'node-http':
      return nodeHttpContender(service, endpoint);
    case 'aws4fetch':
      return aws4fetchContender(service, endpoint);
    case 'aws-sdk-v3':
      return sdkContender(service, endpoint);
    case 'ours':
      return oursContender(service, endpoint);
    case 'ours-fetch':
      return oursContender(service, endpoint, 'global');
  }
}
