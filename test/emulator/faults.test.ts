import { describe, expect, test } from 'vitest';
import { ConfigurationError } from '../../src/errors/index.js';
import { FaultSchedule, type FaultKind } from '../../src/emulator/faults.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { athenaCall, nimbleCall, ociFetch, ociPath } from './helpers.js';

function tally(schedule: FaultSchedule, n: number): Record<FaultKind, number> {
  const counts: Record<FaultKind, number> = {
    none: 0,
    throttle: 0,
    internal: 0,
    reset: 0,
    truncate: 0,
  };
  for (let i = 0; i < n; i++) counts[schedule.next().kind]++;
  return counts;
}

async function withEmulator(
  options: Parameters<typeof startEmulator>[0],
  body: (emu: Emulator) => Promise<void>,
): Promise<void> {
  const emu = await startEmulator(options);
  try {
    await body(emu);
  } finally {
    await emu.close();
  }
}

describe('fault schedule', () => {
  test('rates are honoured within 2 points over 10 000 draws', () => {
    const counts = tally(
      new FaultSchedule({ rate429: 0.2, rate5xx: 0.1, rateReset: 0.05, rateTruncated: 0.05 }, 7),
      10_000,
    );
    expect(counts.throttle / 10_000).toBeCloseTo(0.2, 1);
    expect(Math.abs(counts.internal / 10_000 - 0.1)).toBeLessThan(0.02);
    expect(Math.abs(counts.reset / 10_000 - 0.05)).toBeLessThan(0.02);
    expect(Math.abs(counts.truncate / 10_000 - 0.05)).toBeLessThan(0.02);
    expect(Math.abs(counts.none / 10_000 - 0.6)).toBeLessThan(0.02);
  });

  test('the same seed replays the same schedule', () => {
    const faults = { rate429: 0.3, rate5xx: 0.3 };
    const a = new FaultSchedule(faults, 3);
    const b = new FaultSchedule(faults, 3);
    const seqA = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
    const c = new FaultSchedule(faults, 4);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(seqA);
  });

  test('faults.seed overrides the emulator seed', () => {
    const a = new FaultSchedule({ rate429: 0.5, seed: 11 }, 1);
    const b = new FaultSchedule({ rate429: 0.5, seed: 11 }, 2);
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(
      Array.from({ length: 20 }, () => b.next()),
    );
  });

  test('some throttles carry Retry-After and some do not', () => {
    const s = new FaultSchedule({ rate429: 1, retryAfterSeconds: 2 }, 5);
    const seen = new Set(Array.from({ length: 40 }, () => s.next().retryAfterSeconds));
    expect(seen).toEqual(new Set([2, undefined]));
  });

  test.each([
    [{ rate429: 1.5 }, 'faults.rate429'],
    [{ rate5xx: -0.1 }, 'faults.rate5xx'],
    [{ rate429: 0.6, rateReset: 0.6 }, 'add up'],
    [{ latencyMs: -1 }, 'latencyMs'],
  ])('%j is a ConfigurationError naming %s', (faults, name) => {
    expect(() => new FaultSchedule(faults, 1)).toThrow(ConfigurationError);
    expect(() => new FaultSchedule(faults, 1)).toThrow(name);
  });
});

describe('injected faults on the wire', () => {
  test('Athena throttling is a 400 ThrottlingException in awsJson shape', async () => {
    await withEmulator({ faults: { rate429: 1, retryAfterRate: 1 } }, async (emu) => {
      const res = await athenaCall(emu, { NotebookId: emu.data.athena.notebooks[0]!.notebookId });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ __type: 'ThrottlingException', message: 'Rate exceeded' });
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    });
  });

  test('Nimble throttling is a 429 ThrottlingException with header and body code', async () => {
    await withEmulator({ faults: { rate429: 1, retryAfterRate: 0 } }, async (emu) => {
      const res = await nimbleCall(emu, emu.data.nimble.studios[0]!.studioId);
      expect(res.status).toBe(429);
      expect(res.headers.get('x-amzn-errortype')).toBe('ThrottlingException');
      expect(res.headers.get('retry-after')).toBeNull();
      expect(await res.json()).toEqual({
        message: 'Rate exceeded',
        code: 'ThrottlingException',
        context: {},
      });
    });
  });

  test('OCI throttling is a 429 TooManyRequests', async () => {
    await withEmulator({ faults: { rate429: 1 } }, async (emu) => {
      const p = emu.data.oci.platforms[0]!;
      const res = await ociFetch(emu, ociPath(p.aiDataPlatformId, p.workspaces[0]!.workspaceKey));
      expect(res.status).toBe(429);
      expect((await res.json()).code).toBe('TooManyRequests');
    });
  });

  test('internal errors take each protocol shape', async () => {
    await withEmulator({ faults: { rate5xx: 1 } }, async (emu) => {
      const athena = await athenaCall(emu, {
        NotebookId: emu.data.athena.notebooks[0]!.notebookId,
      });
      expect(athena.status).toBe(500);
      expect((await athena.json()).__type).toBe('InternalServerException');
      const nimble = await nimbleCall(emu, emu.data.nimble.studios[0]!.studioId);
      expect(nimble.status).toBe(500);
      expect(nimble.headers.get('x-amzn-errortype')).toBe('InternalServerErrorException');
      const p = emu.data.oci.platforms[0]!;
      const oci = await ociFetch(emu, ociPath(p.aiDataPlatformId, p.workspaces[0]!.workspaceKey));
      expect(oci.status).toBe(500);
      expect(await oci.json()).toEqual({
        code: 'InternalServerError',
        message: expect.any(String),
      });
    });
  });

  test('a reset connection makes fetch fail', async () => {
    await withEmulator({ faults: { rateReset: 1 } }, async (emu) => {
      await expect(nimbleCall(emu, emu.data.nimble.studios[0]!.studioId)).rejects.toThrow();
      expect(emu.requests.at(-1)).toMatchObject({ fault: 'reset', status: undefined });
    });
  });

  test('a truncated body fails while reading it', async () => {
    await withEmulator({ faults: { rateTruncated: 1 } }, async (emu) => {
      const res = await nimbleCall(emu, emu.data.nimble.studios[0]!.studioId);
      expect(res.status).toBe(200);
      expect(Number(res.headers.get('content-length'))).toBeGreaterThan(100);
      await expect(res.text()).rejects.toThrow();
    });
  });

  test('authentication failures are answered before faults are drawn', async () => {
    await withEmulator({ faults: { rate5xx: 1 } }, async (emu) => {
      const res = await nimbleCall(
        emu,
        emu.data.nimble.studios[0]!.studioId,
        {},
        { credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' } },
      );
      expect(res.status).toBe(403);
    });
  });

  test('rates are roughly honoured over real requests, and replay with the same seed', async () => {
    const run = async (): Promise<Array<number | string>> => {
      const statuses: Array<number | string> = [];
      await withEmulator({ faults: { rate429: 0.3, rate5xx: 0.2, seed: 42 } }, async (emu) => {
        for (let i = 0; i < 60; i++) {
          const res = await nimbleCall(emu, emu.data.nimble.studios[0]!.studioId);
          statuses.push(res.status);
          await res.arrayBuffer();
        }
      });
      return statuses;
    };
    const first = await run();
    const count = (s: number) => first.filter((x) => x === s).length;
    expect(count(429)).toBeGreaterThan(6);
    expect(count(429)).toBeLessThan(32);
    expect(count(500)).toBeGreaterThan(3);
    expect(count(500)).toBeLessThan(24);
    expect(await run()).toEqual(first);
  });
});
