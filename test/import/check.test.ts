/** `npm run import -- --check` and the guarantees around the vendored models. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { copySpecs, importIn } from './helpers.js';

let tmp: Awaited<ReturnType<typeof copySpecs>>;
beforeEach(async () => {
  tmp = await copySpecs();
});
afterEach(() => tmp.cleanup());

describe('import --check', () => {
  test('passes on the checkout: every spec equals import(upstream + overlay)', async () => {
    const { code, output } = await importIn(tmp.specs, { check: true });
    expect(output).toContain('specs/ matches import(upstream + overlay) (3 specs)');
    expect(code).toBe(0);
  });

  test('exits 1 naming every spec that differs, and writes nothing', async () => {
    for (const spec of ['athena.yaml', 'jupyter-server.yaml']) {
      const file = path.join(tmp.specs, spec);
      await writeFile(file, `${await readFile(file, 'utf8')}# edited by hand\n`);
    }
    const before = await readFile(path.join(tmp.specs, 'athena.yaml'), 'utf8');
    const { code, output } = await importIn(tmp.specs, { check: true });
    expect(code).toBe(1);
    expect(output).toContain('specs/athena.yaml');
    expect(output).toContain('specs/jupyter-server.yaml');
    expect(output).not.toContain('specs/nimble-studio.yaml');
    expect(await readFile(path.join(tmp.specs, 'athena.yaml'), 'utf8')).toBe(before);
  });

  test('a plain import rewrites a hand-edited spec back to the import', async () => {
    const file = path.join(tmp.specs, 'nimble-studio.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('maximum: 10', 'maximum: 11'));
    expect((await importIn(tmp.specs)).output).toContain('specs/nimble-studio.yaml: changed');
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  test('a vendored model edited by hand is refused by its SHA-256', async () => {
    const file = path.join(tmp.specs, 'upstream/athena/2017-05-18/paginators-1.json');
    await writeFile(file, (await readFile(file, 'utf8')) + ' ');
    await expect(importIn(tmp.specs, { check: true })).rejects.toThrow(
      /paginators-1\.json: SHA-256 .* does not match the manifest/,
    );
  });

  test('an overlay action that matches nothing is an error naming it', async () => {
    const file = path.join(tmp.specs, 'overlays/athena.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        "AmazonAthena.ListSessions'].post",
        "AmazonAthena.ListGone'].post",
      ),
    );
    await expect(importIn(tmp.specs, { check: true })).rejects.toThrow(
      /overlay actions match nothing.*ListGone/,
    );
  });
});

describe('import --jupyter-server', () => {
  test('the same api.yaml is a no-op; a changed one is vendored with its new hash and re-imported', async () => {
    const vendored = path.join(tmp.specs, 'upstream/jupyter-server/api.yaml');
    const same = await importIn(tmp.specs, { jupyterServer: vendored });
    expect(same.output).toContain('upstream/jupyter-server: unchanged');
    const changed = path.join(tmp.dir, 'api.yaml');
    const text = await readFile(vendored, 'utf8');
    await writeFile(
      changed,
      text.replace('summary: List available sessions', 'summary: List the sessions'),
    );
    const { output } = await importIn(tmp.specs, { jupyterServer: changed });
    expect(output).toContain(`upstream/jupyter-server: replaced from ${changed}`);
    expect(output).toContain('specs/jupyter-server.yaml: changed');
    expect(await readFile(path.join(tmp.specs, 'jupyter-server.yaml'), 'utf8')).toContain(
      'summary: List the sessions',
    );
  });

  test('a file that is not Swagger/OpenAPI is refused', async () => {
    const bogus = path.join(tmp.dir, 'bogus.yaml');
    await writeFile(bogus, 'hello: world\n');
    await expect(importIn(tmp.specs, { jupyterServer: bogus })).rejects.toThrow(
      'not a Swagger/OpenAPI document',
    );
  });
});
