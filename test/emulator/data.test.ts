import { describe, expect, test } from 'vitest';
import { generateData } from '../../src/emulator/data.js';
import { DEFAULT_SIZES } from '../../src/emulator/index.js';
import { createPrng } from '../../src/emulator/prng.js';

const inputs = (seed: number, sizes = {}) => ({
  seed,
  sizes: { ...DEFAULT_SIZES, ...sizes },
  region: 'us-east-1',
  epochMs: Date.UTC(2024, 2, 1),
});

describe('seeded data', () => {
  test('the same seed gives the same data', () => {
    expect(generateData(inputs(5))).toEqual(generateData(inputs(5)));
  });

  test('another seed gives other data', () => {
    expect(generateData(inputs(5)).athena.notebooks[0]!.notebookId).not.toBe(
      generateData(inputs(6)).athena.notebooks[0]!.notebookId,
    );
  });

  test("resizing one API's data leaves the others unchanged", () => {
    const a = generateData(inputs(5));
    const b = generateData(inputs(5, { athenaNotebooks: 7 }));
    expect(b.nimble).toEqual(a.nimble);
    expect(b.oci).toEqual(a.oci);
  });

  test('sizes are honoured, arrays round-robin per parent', () => {
    const d = generateData(
      inputs(1, {
        athenaNotebooks: 3,
        athenaSessionsPerNotebook: [2, 0],
        nimbleStudios: 1,
        nimbleSessionsPerStudio: 4,
        ociPlatforms: 1,
        ociWorkspacesPerPlatform: 3,
        ociSessionsPerWorkspace: [1, 2, 3],
      }),
    );
    expect(d.athena.notebooks.map((n) => n.sessions.length)).toEqual([2, 0, 2]);
    expect(d.nimble.studios[0]!.sessions).toHaveLength(4);
    expect(d.oci.platforms[0]!.workspaces.map((w) => w.sessions.length)).toEqual([1, 2, 3]);
  });

  test('Athena notebook ids match the model pattern and sessions are newest first', () => {
    for (const n of generateData(inputs(9)).athena.notebooks) {
      expect(n.notebookId).toMatch(
        /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/,
      );
      const times = n.sessions.map((s) => s.CreationTime);
      expect([...times].sort((x, y) => y - x)).toEqual(times);
    }
  });

  test('Nimble failure states carry a failure status code', () => {
    const sessions = generateData(
      inputs(2, { nimbleSessionsPerStudio: 200 }),
    ).nimble.studios.flatMap((s) => s.sessions);
    for (const s of sessions.filter((x) => x.state.endsWith('_FAILED'))) {
      expect(s.statusCode).not.toMatch(/^STREAMING_SESSION_/);
    }
    expect(new Set(sessions.map((s) => s.state)).size).toBe(11);
  });

  test('the data is deeply frozen', () => {
    const d = generateData(inputs(1));
    expect(Object.isFrozen(d.nimble.studios[0]!.sessions[0]!.tags)).toBe(true);
  });
});

describe('prng', () => {
  test('int stays within bounds and uuid has the v4 shape', () => {
    const p = createPrng(123);
    for (let i = 0; i < 1000; i++) {
      const n = p.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
    }
    expect(p.uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
