// The redirect case of the hostile suite (issue 16), for the Chromium page and the workerd
// worker: one signed Nimble Studio call against an endpoint that answers with a redirect to
// another host. Browsers give `redirect: 'manual'` an opaque-redirect response; workerd the 3xx.
import { NimbleStudioClient } from 'cloud-sessions/nimble-studio';
import { isCloudSessionsError } from 'cloud-sessions/runtime';

export interface RedirectConfig {
  url: string;
  aws: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

export interface RedirectResult {
  name: string;
  status: number | undefined;
  location: string | undefined;
  retryable: boolean | undefined;
  attempts: number | undefined;
}

export async function runRedirect(config: RedirectConfig): Promise<RedirectResult> {
  const client = new NimbleStudioClient({
    endpoint: config.url,
    region: 'us-west-2',
    credentials: config.aws,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, quota: false },
  });
  try {
    await client.listStreamingSessions({ studioId: 'studio-1' });
    return {
      name: 'no error',
      status: undefined,
      location: undefined,
      retryable: undefined,
      attempts: undefined,
    };
  } catch (error) {
    const e = error as {
      name: string;
      status?: number;
      location?: string;
      retryable?: boolean;
      attempts?: number;
    };
    return {
      name: isCloudSessionsError(error) ? e.name : `not a CloudSessionsError: ${String(error)}`,
      status: e.status,
      location: e.location,
      retryable: e.retryable,
      attempts: e.attempts,
    };
  }
}

(globalThis as unknown as { runRedirect: typeof runRedirect }).runRedirect = runRedirect;
