/**
 * specs/upstream/<source>/manifest.json: where the vendored files came from and their SHA-256.
 * The importer refuses a vendored file whose hash no longer matches (an accidental edit of an
 * official model), and compares botocore versions before a refresh.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ImportInputError } from './errors.js';

export interface Manifest {
  /** `botocore`: service-2.json(.gz) + paginators-1.json; `openapi`: one Swagger/OpenAPI file. */
  kind: 'botocore' | 'openapi';
  /** botocore service folder name (`athena`), for `--botocore` refreshes. */
  service?: string;
  apiVersion?: string;
  source: {
    package?: string;
    version?: string;
    repository?: string;
    commit?: string;
    note?: string;
  };
  /** A frozen model is never replaced by a refresh (a retired service). */
  frozen?: boolean;
  /** Path relative to the manifest's folder -> SHA-256 (hex). */
  files: Record<string, string>;
}

export const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

export async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, 'manifest.json');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new ImportInputError(`${file}: missing (every specs/upstream/ folder has a manifest)`);
  });
  return JSON.parse(text) as Manifest;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

/** Reads every listed file, checking its hash; returns name -> bytes. */
export async function readVendored(dir: string, manifest: Manifest): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const [name, expected] of Object.entries(manifest.files)) {
    const bytes = await readFile(path.join(dir, name));
    const actual = sha256(bytes);
    if (actual !== expected)
      throw new ImportInputError(
        `${path.join(dir, name)}: SHA-256 ${actual} does not match the manifest (${expected}); ` +
          'vendored models change only through `npm run import -- --botocore/--jupyter-server`',
      );
    files.set(name, bytes);
  }
  return files;
}

/** Compares dotted release numbers (1.29.27 < 1.43.11); non-numeric parts compare as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
