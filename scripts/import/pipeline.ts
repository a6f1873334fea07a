/**
 * One spec from its sources: specs/overlays/<spec>.yaml names the upstream folder and the
 * operations; the vendored model is converted, the overlay applied, the result laid out.
 * Reads files, writes nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import YAML from 'yaml';
import { importBotocore } from './botocore-service.js';
import { ImportInputError } from './errors.js';
import { readManifest, readVendored } from './manifest.js';
import { applyOverlay, selectionOf } from './overlay.js';
import { importOpenApi } from './swagger.js';
import { specText } from './layout.js';
import type { Json } from './botocore-shapes.js';

export interface ImportedSpec {
  /** File name under specs/, e.g. `athena.yaml`. */
  spec: string;
  text: string;
  notes: string[];
}

export async function overlayFiles(specsDir: string): Promise<string[]> {
  const dir = path.join(specsDir, 'overlays');
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.yaml')).sort();
}

export async function readOverlay(specsDir: string, name: string): Promise<Json> {
  const file = path.join(specsDir, 'overlays', name);
  return YAML.parse(await readFile(file, 'utf8')) as Json;
}

/** botocore's model files in a vendored folder: service-2.json or .json.gz, paginators-1.json. */
export function botocoreFiles(
  files: Map<string, Buffer>,
  where: string,
): { api: Json; paginators: Json } {
  let api: Json | undefined;
  let paginators: Json = {};
  for (const [name, bytes] of files) {
    const base = path.basename(name);
    if (base === 'service-2.json') api = JSON.parse(bytes.toString('utf8'));
    if (base === 'service-2.json.gz') api = JSON.parse(gunzipSync(bytes).toString('utf8'));
    if (base === 'paginators-1.json') paginators = JSON.parse(bytes.toString('utf8'));
  }
  if (!api) throw new ImportInputError(`${where}: no service-2.json(.gz) in the manifest`);
  return { api, paginators };
}

export async function importOne(specsDir: string, overlayName: string): Promise<ImportedSpec> {
  const overlayPath = `specs/overlays/${overlayName}`;
  const overlay = await readOverlay(specsDir, overlayName);
  const selection = selectionOf(overlay, overlayPath);
  const upstreamDir = path.join(specsDir, 'upstream', selection.upstream);
  const manifest = await readManifest(upstreamDir);
  const files = await readVendored(upstreamDir, manifest);
  const notes: string[] = [];
  let base: Json;
  if (manifest.kind === 'botocore') {
    const { api, paginators } = botocoreFiles(files, upstreamDir);
    base = importBotocore(
      { service: selection.upstream, api, paginators, operations: selection.operations },
      { notes },
    );
  } else {
    const [name, bytes] = [...files][0] ?? [];
    if (!bytes) throw new ImportInputError(`${upstreamDir}: the manifest lists no file`);
    base = await importOpenApi(
      YAML.parse(bytes.toString('utf8')),
      selection.operations,
      `${upstreamDir}/${name}`,
    );
  }
  const { ['x-import']: _selection, ...overlayDoc } = overlay;
  const spec = await applyOverlay(base, overlayDoc, overlayPath);
  return { spec: overlayName, text: specText(spec), notes };
}
