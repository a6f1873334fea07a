/**
 * Refreshing and adding vendored models from an installed botocore or a Jupyter api.yaml.
 * A frozen model is never replaced; an older botocore than the vendored one is refused unless
 * `--force`, so pointing at Debian's 1.29.27 cannot silently take members away (issue 12).
 */
import { access, copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { ImportInputError } from './errors.js';
import { compareVersions, readManifest, sha256, writeManifest, type Manifest } from './manifest.js';
import { overlayFiles, readOverlay } from './pipeline.js';
import { overlayStub } from './overlay-stub.js';

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/** A botocore install: the package folder or its `data/`; its version from `__init__.py`. */
export async function locateBotocore(dir: string): Promise<{ data: string; version: string }> {
  const data = (await exists(path.join(dir, 'data'))) ? path.join(dir, 'data') : dir;
  const init = await readFile(path.join(data, '..', '__init__.py'), 'utf8').catch(() => '');
  const version = /__version__\s*=\s*['"]([^'"]+)['"]/.exec(init)?.[1];
  if (!version)
    throw new ImportInputError(
      `--botocore ${dir}: no botocore __init__.py with __version__ next to data/`,
    );
  return { data, version };
}

/** The newest API version folder of a service in botocore's data dir, and its model files. */
async function botocoreSource(
  data: string,
  service: string,
): Promise<{ apiVersion: string; files: string[] }> {
  // botocore keeps one folder per API version, named by its date (botocore/loaders.py).
  const versions = (await readdir(path.join(data, service)).catch(() => [] as string[]))
    .filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name))
    .sort();
  const apiVersion = versions.at(-1);
  if (!apiVersion) throw new ImportInputError(`botocore has no service "${service}" in ${data}`);
  const present = await readdir(path.join(data, service, apiVersion));
  const files = ['service-2.json.gz', 'service-2.json', 'paginators-1.json'].filter((f) =>
    present.includes(f),
  );
  if (!files.some((f) => f.startsWith('service-2')))
    throw new ImportInputError(`${data}/${service}/${apiVersion}: no service-2.json(.gz)`);
  return {
    apiVersion,
    files: files.includes('service-2.json.gz')
      ? files.filter((f) => f !== 'service-2.json')
      : files,
  };
}

async function vendorBotocore(
  upstreamDir: string,
  data: string,
  service: string,
  version: string,
  frozen = false,
): Promise<Manifest> {
  const { apiVersion, files } = await botocoreSource(data, service);
  const manifest: Manifest = {
    kind: 'botocore',
    service,
    apiVersion,
    source: { package: 'botocore', version, note: `botocore/data/${service}/${apiVersion}` },
    files: {},
  };
  if (frozen) manifest.frozen = true;
  await mkdir(path.join(upstreamDir, apiVersion), { recursive: true });
  for (const f of files) {
    const to = path.join(upstreamDir, apiVersion, f);
    await copyFile(path.join(data, service, apiVersion, f), to);
    manifest.files[`${apiVersion}/${f}`] = sha256(await readFile(to));
  }
  await writeManifest(upstreamDir, manifest);
  return manifest;
}

export async function refreshBotocore(
  specsDir: string,
  dir: string,
  force: boolean,
): Promise<string[]> {
  const { data, version } = await locateBotocore(dir);
  const lines: string[] = [];
  const upstream = path.join(specsDir, 'upstream');
  for (const name of (await readdir(upstream)).sort()) {
    const manifest = await readManifest(path.join(upstream, name)).catch(() => undefined);
    if (!manifest || manifest.kind !== 'botocore' || !manifest.service) continue;
    const old = manifest.source.version ?? '0';
    if (manifest.frozen) {
      lines.push(`upstream/${name}: frozen (${old}), not replaced`);
      continue;
    }
    const order = compareVersions(version, old);
    if (order < 0 && !force)
      throw new ImportInputError(
        `upstream/${name}: botocore ${version} is older than the vendored ${old}; refusing (--force overrides)`,
      );
    await vendorBotocore(path.join(upstream, name), data, manifest.service, version);
    lines.push(`upstream/${name}: botocore ${old} -> ${version}`);
  }
  return lines;
}

/** `--add service:Operation`: append to the service's overlay, or vendor the service and stub one. */
export async function addOperations(
  specsDir: string,
  dir: string,
  adds: Array<{ service: string; operation: string }>,
): Promise<string[]> {
  const { data, version } = await locateBotocore(dir);
  const lines: string[] = [];
  for (const { service, operation } of adds) {
    let overlayName: string | undefined;
    for (const name of await overlayFiles(specsDir)) {
      if ((await readOverlay(specsDir, name))['x-import']?.upstream === service) overlayName = name;
    }
    const upstreamDir = path.join(specsDir, 'upstream', service);
    if (!overlayName) {
      if (!(await exists(upstreamDir))) {
        await vendorBotocore(upstreamDir, data, service, version);
        lines.push(`upstream/${service}: vendored from botocore ${version}`);
      }
      overlayName = `${service}.yaml`;
      const manifest = await readManifest(upstreamDir);
      const api = await readModelMetadata(upstreamDir, manifest);
      await writeFile(path.join(specsDir, 'overlays', overlayName), overlayStub(service, api));
      lines.push(`overlays/${overlayName}: stub created (check the endpoints)`);
    }
    const file = path.join(specsDir, 'overlays', overlayName);
    const text = await readFile(file, 'utf8');
    const updated = withOperation(text, operation, file);
    if (updated !== text) {
      await writeFile(file, updated);
      lines.push(`overlays/${overlayName}: + ${operation}`);
    }
  }
  return lines;
}

async function readModelMetadata(
  upstreamDir: string,
  manifest: Manifest,
): Promise<Record<string, any>> {
  const { botocoreFiles } = await import('./pipeline.js');
  const files = new Map<string, Buffer>();
  for (const name of Object.keys(manifest.files))
    files.set(name, await readFile(path.join(upstreamDir, name)));
  return botocoreFiles(files, upstreamDir).api.metadata ?? {};
}

export async function refreshOpenApi(
  specsDir: string,
  upstream: string,
  file: string,
): Promise<string[]> {
  const dir = path.join(specsDir, 'upstream', upstream);
  const manifest = await readManifest(dir);
  const [name] = Object.keys(manifest.files);
  if (!name) throw new ImportInputError(`upstream/${upstream}: the manifest lists no file`);
  const bytes = await readFile(file);
  const parsed = YAML.parse(bytes.toString('utf8'));
  if (!parsed?.swagger && !parsed?.openapi)
    throw new ImportInputError(`${file}: not a Swagger/OpenAPI document`);
  if (manifest.files[name] === sha256(bytes)) return [`upstream/${upstream}: unchanged`];
  await writeFile(path.join(dir, name), bytes);
  manifest.files[name] = sha256(bytes);
  manifest.source = { note: path.resolve(file), version: String(parsed.info?.version ?? '') };
  await writeManifest(dir, manifest);
  return [`upstream/${upstream}: replaced from ${file}`];
}

/**
 * The overlay text with one more `x-import.operations` entry, edited in place (the node's source
 * range) so the maintainer's comments and folded text stay as written.
 */
export function withOperation(text: string, operation: string, file: string): string {
  const doc = YAML.parseDocument(text);
  const ops = doc.getIn(['x-import', 'operations'], true);
  if (!YAML.isSeq(ops) || !ops.range)
    throw new ImportInputError(`${file}: x-import.operations must be a list`);
  const names = ops.items.map((item) => String(YAML.isScalar(item) ? item.value : item));
  if (names.includes(operation)) return text;
  const [start, end] = ops.range;
  if (ops.flow)
    return text.slice(0, start) + `[${[...names, operation].join(', ')}]` + text.slice(end);
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const indent = text.slice(lineStart, start);
  const insertAt = text.slice(0, end).replace(/\s+$/, '').length;
  return `${text.slice(0, insertAt)}\n${indent}- ${operation}${text.slice(insertAt)}`;
}
