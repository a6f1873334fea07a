import { afterEach, describe, expect, it } from 'vitest';
import { NimbleStudioClient, paginateListStreamingSessions } from 'cloud-sessions/nimble-studio';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('scratch', () => {
  it('10k nimble', async () => {
    emulator = await startEmulator({
      sizes: { nimbleStudios: 1, nimbleSessionsPerStudio: 10_000 },
      nimblePageSize: 100,
      faults: { rate429: 0.1, rate5xx: 0.1, rateReset: 0.05, rateTruncated: 0.05, retryAfterSeconds: 1, seed: 7 },
    });
    const client = new NimbleStudioClient({
      region: emulator.credentials.region,
      endpoint: emulator.url,
      credentials: emulator.credentials.aws[0]!,
      retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 10, quota: false, maxRetryAfterMs: 5 },
    });
    const studioId = emulator.data.nimble.studios[0]!.studioId;
    const t = Date.now();
    const ids: string[] = [];
    for await (const s of paginateListStreamingSessions(client, { studioId }).items()) ids.push(s.id!);
    console.log(Date.now() - t, ids.length, emulator.requests.length, new Set(ids).size);
    const faults: Record<string, number> = {};
    for (const r of emulator.requests) faults[r.fault] = (faults[r.fault] ?? 0) + 1;
    console.log(faults);
  }, 60_000);
});
