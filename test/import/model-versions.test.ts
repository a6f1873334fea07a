/**
 * The done-when checks of issue 12 with the real files: Debian's botocore 1.29.27 copies
 * (test/fixtures/botocore-1.29.27) against the vendored models.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { importBotocore } from '../../scripts/import/botocore-service.js';
import { botocoreFiles } from '../../scripts/import/pipeline.js';
import { specText } from '../../scripts/import/layout.js';
import { readManifest, readVendored } from '../../scripts/import/manifest.js';
import {
  OLD_BOTOCORE,
  ROOT,
  copySpecs,
  fakeBotocore,
  importIn,
  replaceVendored,
} from './helpers.js';

let tmp: Awaited<ReturnType<typeof copySpecs>>;
beforeEach(async () => {
  tmp = await copySpecs();
});
afterEach(() => tmp.cleanup());

const json = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

describe('Nimble: the older model gives a spec without its missing members, and back', () => {
  test("1.29.27 lacks members; the spec loses exactly those; restoring gives today's spec byte for byte", async () => {
    const today = await readFile(path.join(ROOT, 'specs/nimble-studio.yaml'), 'utf8');
    const oldModel = path.join(OLD_BOTOCORE, 'nimble/2020-08-01/service-2.json');
    const newModel = path.join(ROOT, 'specs/upstream/nimble/2020-08-01/service-2.json');
    const oldMembers = Object.keys((await json(oldModel)).shapes.StreamingSession.members);
    const newMembers = Object.keys((await json(newModel)).shapes.StreamingSession.members);
    const missing = newMembers.filter((m) => !oldMembers.includes(m));
    expect(missing.length).toBeGreaterThan(0);

    await replaceVendored(tmp.specs, 'nimble', '2020-08-01/service-2.json', oldModel);
    const down = await importIn(tmp.specs);
    // The import ends with the API-change report: members gone from output break callers' code.
    expect(down.output).toContain('API changes (specs before import -> imported)');
    for (const member of missing)
      expect(down.output).toMatch(
        new RegExp(
          `breaking-code +nimble-studio: ListStreamingSessions\\.output\\.sessions\\[\\]\\.${member}:`,
        ),
      );
    const older = YAML.parse(await readFile(path.join(tmp.specs, 'nimble-studio.yaml'), 'utf8'));
    expect(Object.keys(older.components.schemas.StreamingSession.properties)).toEqual(oldMembers);
    for (const member of missing)
      expect(older.components.schemas.StreamingSession.properties).not.toHaveProperty(member);

    await replaceVendored(tmp.specs, 'nimble', '2020-08-01/service-2.json', newModel);
    const up = await importIn(tmp.specs);
    expect(up.output).toMatch(/0 breaking for code, 0 breaking on the wire, \d+ compatible/);
    expect(await readFile(path.join(tmp.specs, 'nimble-studio.yaml'), 'utf8')).toBe(today);
  });

  test('a refresh never replaces the frozen Nimble model', async () => {
    const botocore = await fakeBotocore(tmp.dir, '9.0.0', {
      athena: path.join(ROOT, 'specs/upstream/athena'),
      nimble: path.join(OLD_BOTOCORE, 'nimble'),
    });
    const before = await readFile(
      path.join(tmp.specs, 'upstream/nimble/2020-08-01/service-2.json'),
    );
    const { output } = await importIn(tmp.specs, { botocore });
    expect(output).toContain('upstream/nimble: frozen (1.35.42), not replaced');
    expect(
      await readFile(path.join(tmp.specs, 'upstream/nimble/2020-08-01/service-2.json')),
    ).toEqual(before);
  });
});

describe('Athena: botocore 1.29.27 and 1.43.11 agree on ListNotebookSessions', () => {
  async function listNotebookSessionsFrom(
    api: Record<string, any>,
    paginators: Record<string, any>,
  ): Promise<string> {
    return specText(
      importBotocore({ service: 'athena', api, paginators, operations: ['ListNotebookSessions'] }),
    );
  }

  test('the same ListNotebookSessions spec from either model', async () => {
    const dir = path.join(ROOT, 'specs/upstream/athena');
    const vendored = botocoreFiles(await readVendored(dir, await readManifest(dir)), dir);
    const older = {
      api: await json(path.join(OLD_BOTOCORE, 'athena/2017-05-18/service-2.json')),
      paginators: await json(path.join(OLD_BOTOCORE, 'athena/2017-05-18/paginators-1.json')),
    };
    expect(older.api).not.toEqual(vendored.api);
    const a = await listNotebookSessionsFrom(older.api, older.paginators);
    const b = await listNotebookSessionsFrom(vendored.api, vendored.paginators);
    expect(a).toContain('NotebookSessionSummary');
    expect(a).toBe(b);
  });

  test('a refresh from the older botocore is refused, naming both versions', async () => {
    const botocore = await fakeBotocore(tmp.dir, '1.29.27', {
      athena: path.join(OLD_BOTOCORE, 'athena'),
    });
    await expect(importIn(tmp.specs, { botocore })).rejects.toThrow(
      'upstream/athena: botocore 1.29.27 is older than the vendored 1.43.11; refusing (--force overrides)',
    );
  });

  test('--force takes the older model, records its version, and ListNotebookSessions is unchanged', async () => {
    const botocore = await fakeBotocore(tmp.dir, '1.29.27', {
      athena: path.join(OLD_BOTOCORE, 'athena'),
    });
    const { output } = await importIn(tmp.specs, { botocore, force: true });
    expect(output).toContain('upstream/athena: botocore 1.43.11 -> 1.29.27');
    const manifest = await json(path.join(tmp.specs, 'upstream/athena/manifest.json'));
    expect(manifest.source.version).toBe('1.29.27');
    expect(Object.keys(manifest.files)).toEqual([
      '2017-05-18/service-2.json',
      '2017-05-18/paginators-1.json',
    ]);
    const spec = YAML.parse(await readFile(path.join(tmp.specs, 'athena.yaml'), 'utf8'));
    const today = YAML.parse(await readFile(path.join(ROOT, 'specs/athena.yaml'), 'utf8'));
    const op = '/#X-Amz-Target=AmazonAthena.ListNotebookSessions';
    expect(spec.paths[op]).toEqual(today.paths[op]);
    for (const name of [
      'ListNotebookSessionsRequest',
      'ListNotebookSessionsResponse',
      'NotebookSessionSummary',
    ])
      expect(spec.components.schemas[name]).toEqual(today.components.schemas[name]);
  });
});
