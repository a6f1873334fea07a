/**
 * `--add <service>:<Operation>` with the machine's installed botocore (found through python3):
 * a new service gets its vendored model, manifest, overlay stub and spec; an existing one gets
 * the operation appended to its overlay, comments kept. (Generating and calling every added
 * service is the generator's sweep test.)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { sha256 } from '../../scripts/import/manifest.js';
import { copySpecs, importIn, installedBotocore } from './helpers.js';

const botocore = installedBotocore();
let tmp: Awaited<ReturnType<typeof copySpecs>>;
beforeEach(async () => {
  tmp = await copySpecs();
});
afterEach(() => tmp.cleanup());

describe.skipIf(!botocore)('import --add', () => {
  test('a new restJson1 service: vendored model with hashes, overlay stub, spec with its botocore paginator', async () => {
    const { code, output } = await importIn(tmp.specs, {
      botocore,
      add: [{ service: 'emr-serverless', operation: 'ListApplications' }],
    });
    expect(code).toBe(0);
    expect(output).toContain('upstream/emr-serverless: vendored from botocore');
    expect(output).toContain('specs/emr-serverless.yaml: new');
    const dir = path.join(tmp.specs, 'upstream/emr-serverless');
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    for (const [file, hash] of Object.entries<string>(manifest.files))
      expect(sha256(await readFile(path.join(dir, file)))).toBe(hash);
    const overlay = YAML.parse(
      await readFile(path.join(tmp.specs, 'overlays/emr-serverless.yaml'), 'utf8'),
    );
    expect(overlay['x-import']).toEqual({
      upstream: 'emr-serverless',
      operations: ['ListApplications'],
    });
    const spec = YAML.parse(await readFile(path.join(tmp.specs, 'emr-serverless.yaml'), 'utf8'));
    expect(spec['x-protocol']).toBe('restJson1');
    expect(spec['x-client'].name).toBe('EMRServerless');
    expect(spec['x-endpoints'].default).toBe('https://emr-serverless.{region}.{dnsSuffix}');
    const op = spec.paths['/applications'].get;
    expect(op['x-paginated']).toEqual({
      inputToken: 'nextToken',
      outputToken: 'nextToken',
      resultKey: 'applications',
      limitKey: 'maxResults',
      source: 'botocore',
    });
    expect(op.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toContain(
      'query:maxResults',
    );
    // A second run is a no-op: the import is deterministic.
    expect((await importIn(tmp.specs, { check: true })).code).toBe(0);
  });

  test('an operation of a vendored service is appended to its overlay in place', async () => {
    const file = path.join(tmp.specs, 'overlays/athena.yaml');
    const before = await readFile(file, 'utf8');
    const { output } = await importIn(tmp.specs, {
      botocore,
      add: [{ service: 'athena', operation: 'ListWorkGroups' }],
    });
    expect(output).toContain('overlays/athena.yaml: + ListWorkGroups');
    const after = await readFile(file, 'utf8');
    expect(after).toBe(
      before.replace(
        '[ListNotebookSessions, ListSessions]',
        '[ListNotebookSessions, ListSessions, ListWorkGroups]',
      ),
    );
    const spec = YAML.parse(await readFile(path.join(tmp.specs, 'athena.yaml'), 'utf8'));
    expect(spec.paths['/#X-Amz-Target=AmazonAthena.ListWorkGroups'].post.operationId).toBe(
      'ListWorkGroups',
    );
  });
});
