// The page the Chromium test loads, bundled by esbuild for the browser from the package's
// public subpaths (the workerd test's worker calls the same function). `window.runSmoke(config)`
// signs with SigV4 (Athena, Nimble Studio) and OCI (WebCrypto RSASSA-PKCS1-v1_5), calls the
// emulator on another origin, paginates, and returns what it saw.
import { AthenaClient, paginateListNotebookSessions } from 'cloud-sessions/athena';
import { NimbleStudioClient, paginateListStreamingSessions } from 'cloud-sessions/nimble-studio';
import { AiDataPlatformClient } from 'cloud-sessions/oci-ai-data-platform';
import { ServiceError, isCloudSessionsError } from 'cloud-sessions/runtime';

/** What the test passes in (the emulator's URL, test credentials and ids). */
export interface SmokeConfig {
  url: string;
  region: string;
  aws: { accessKeyId: string; secretAccessKey: string };
  oci: { keyId: string; privateKeyPem: string };
  notebookId: string;
  studioId: string;
  aiDataPlatformId: string;
  workspaceKey: string;
}

/** What the page reports back. */
export interface SmokeResult {
  athenaIds: string[];
  athenaDatesAreDates: boolean;
  nimbleIds: string[];
  nimbleResumeToken: string | undefined;
  nimbleResumedIds: string[];
  ociIds: string[];
  badSignature: { serviceError: boolean; cloudSessionsError: boolean; code: string | undefined };
  hasProcess: boolean;
}

export async function runSmoke(config: SmokeConfig): Promise<SmokeResult> {
  const { url, region, aws, oci } = config;
  const athena = new AthenaClient({ endpoint: url, region, credentials: aws });
  const athenaIds: string[] = [];
  let athenaDatesAreDates = true;
  for await (const page of paginateListNotebookSessions(
    athena,
    { NotebookId: config.notebookId },
    { pageSize: 10 },
  )) {
    for (const s of page.NotebookSessionsList) {
      athenaIds.push(s.SessionId ?? '');
      athenaDatesAreDates &&= s.CreationTime instanceof Date;
    }
  }

  const nimble = new NimbleStudioClient({ endpoint: url, region, credentials: aws });
  const first = paginateListStreamingSessions(
    nimble,
    { studioId: config.studioId },
    { maxItems: 30 },
  );
  const nimbleIds: string[] = [];
  for await (const session of first.items()) nimbleIds.push(session.sessionId ?? '');
  const nimbleResumeToken = first.resumeToken;
  const rest = paginateListStreamingSessions(
    nimble,
    { studioId: config.studioId },
    { maxItems: 5, ...(nimbleResumeToken ? { startingToken: nimbleResumeToken } : {}) },
  );
  const nimbleResumedIds: string[] = [];
  for await (const session of rest.items()) nimbleResumedIds.push(session.sessionId ?? '');

  const ociClient = new AiDataPlatformClient({
    endpoint: url,
    region: 'us-ashburn-1',
    auth: { keyId: oci.keyId, privateKey: oci.privateKeyPem },
  });
  const ociPage = await ociClient.listSessions({
    aiDataPlatformId: config.aiDataPlatformId,
    workspaceKey: config.workspaceKey,
  });

  let badSignature: SmokeResult['badSignature'] = {
    serviceError: false,
    cloudSessionsError: false,
    code: 'accepted',
  };
  try {
    await new AthenaClient({
      endpoint: url,
      region,
      credentials: { ...aws, secretAccessKey: 'wrong' },
      retry: false,
    }).listNotebookSessions({ NotebookId: config.notebookId });
  } catch (error) {
    badSignature = {
      serviceError: error instanceof ServiceError,
      cloudSessionsError: isCloudSessionsError(error),
      code: error instanceof ServiceError ? error.code : undefined,
    };
  }

  return {
    athenaIds,
    athenaDatesAreDates,
    nimbleIds,
    nimbleResumeToken,
    nimbleResumedIds,
    ociIds: ociPage.items.map((s) => s.id ?? ''),
    badSignature,
    hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
  };
}

(globalThis as { runSmoke?: typeof runSmoke }).runSmoke = runSmoke;
