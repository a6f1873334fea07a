import { expect, it } from 'vitest';
import { NimbleStudioClient } from 'cloud-sessions/nimble-studio';
import { ConnectionError } from 'cloud-sessions/runtime';
import { testAwsCredentials } from '../helpers/credentials.js';
import { unusedLoopbackPort } from '../helpers/ports.js';

it.each([
  ['without retries', false as const, 1],
  ['after retries', { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 }, 2],
])(
  'a refused connection is a ConnectionError naming the system code, %s',
  async (_n, retry, attempts) => {
    const client = new NimbleStudioClient({
      region: 'us-west-2',
      endpoint: `http://127.0.0.1:${await unusedLoopbackPort()}`,
      credentials: testAwsCredentials,
      retry,
    });
    const error = await client.listStreamingSessions({ studioId: 's' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({
      message: 'Request failed: fetch failed (ECONNREFUSED)',
      attempts,
    });
  },
);
