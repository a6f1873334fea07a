/**
 * generated/services.ts (the CLI's `call` registry) against specs/: derived here again from the
 * YAML, independently of scripts/generator/, and regenerated with one more spec to show a new
 * service is listed with no hand edit.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SERVICES, type RegistryService } from '../../generated/services.js';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

type Spec = Record<string, any>;

/** What a spec says the registry must hold, in sorted order (order is the generator's choice). */
function fromSpec(subpath: string, spec: Spec) {
  const operations = [];
  for (const item of Object.values<Spec>(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const members: Array<{ name: string; required: boolean }> = [];
      const ref: string | undefined =
        op.requestBody?.content?.['application/x-amz-json-1.1']?.schema?.$ref ??
        (Object.values<Spec>(op.requestBody?.content ?? {})[0]?.schema?.$ref as string | undefined);
      if (ref) {
        const schema = spec.components.schemas[ref.split('/').pop()!];
        for (const name of Object.keys(schema.properties ?? {})) {
          members.push({ name, required: (schema.required ?? []).includes(name) });
        }
      }
      for (const param of op.parameters ?? []) {
        members.push({ name: param['x-member'] ?? param.name, required: Boolean(param.required) });
      }
      operations.push({
        name: op.operationId as string,
        method: op.operationId.charAt(0).toLowerCase() + op.operationId.slice(1),
        members: members.sort((a, b) => a.name.localeCompare(b.name)),
        paginated: op['x-paginated'] !== undefined,
      });
    }
  }
  return {
    subpath,
    clientClass: `${spec['x-client'].name}Client`,
    auth: spec['x-auth'].scheme,
    operations: operations.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function normalized(service: RegistryService) {
  return {
    subpath: service.subpath,
    clientClass: service.clientClass,
    auth: service.auth,
    operations: [...service.operations]
      .map((op) => ({
        ...op,
        members: [...op.members].sort((a, b) => a.name.localeCompare(b.name)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

async function specsIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
}

describe('generated/services.ts', () => {
  it('lists exactly the services and operations of specs/', async () => {
    const files = await specsIn('specs');
    expect(SERVICES.map((s) => s.subpath)).toEqual(files.map((f) => f.replace(/\.yaml$/, '')));
    for (const file of files) {
      const spec = parse(await readFile(path.join('specs', file), 'utf8')) as Spec;
      const subpath = file.replace(/\.yaml$/, '');
      const entry = SERVICES.find((s) => s.subpath === subpath)!;
      expect(normalized(entry)).toEqual(fromSpec(subpath, spec));
      expect(entry.title).toBe(spec.info?.title ?? spec['x-client'].name);
    }
  });

  it('every registry entry names a real client class and method', async () => {
    for (const service of SERVICES) {
      const module = (await import(`cloud-sessions/${service.subpath}`)) as Record<string, any>;
      const Client = module[service.clientClass];
      expect(typeof Client).toBe('function');
      for (const op of service.operations) {
        expect(typeof Client.prototype[op.method]).toBe('function');
        if (op.paginated) expect(typeof module[`paginate${op.name}`]).toBe('function');
      }
    }
  });

  describe('a spec added to specs/', () => {
    const dirs: string[] = [];
    afterAll(async () => {
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    });

    it('gains its registry entry on the next generate', async () => {
      const specs = await mkdtemp(path.join(tmpdir(), 'registry-specs-'));
      const out = await mkdtemp(path.join(tmpdir(), 'registry-out-'));
      dirs.push(specs, out);
      for (const file of await specsIn('specs'))
        await copyFile(path.join('specs', file), path.join(specs, file));
      await copyFile(path.join('specs', 'athena.yaml'), path.join(specs, 'athena-copy.yaml'));
      await run(tsx, ['scripts/generate.ts', '--specs', specs, '--out', out], { timeout: 120_000 });
      // The regenerated registry is the same module with one more entry, in spec file order.
      const { SERVICES: regenerated } = (await import(
        pathToFileURL(path.join(out, 'services.ts')).href
      )) as { SERVICES: RegistryService[] };
      expect(regenerated.map((s) => s.subpath)).toEqual(
        (await specsIn(specs)).map((f) => f.replace(/\.yaml$/, '')),
      );
      expect(regenerated).toHaveLength(SERVICES.length + 1);
      const athena = SERVICES.find((s) => s.subpath === 'athena')!;
      expect(regenerated.find((s) => s.subpath === 'athena-copy')).toEqual({
        ...athena,
        subpath: 'athena-copy',
      });
    }, 150_000);
  });
});
