/**
 * Applies a service's overlay (OpenAPI Overlay 1.0) with openapi-format's `openapiOverlay`, the
 * maintained implementation (thim81/openapi-format) of the spec's update/remove actions over
 * JSONPath. An action that matches nothing means the overlay no longer fits the model: that is
 * an error naming the action, not a silent no-op.
 */
import { openapiOverlay } from 'openapi-format';
import { ImportInputError } from './errors.js';
import type { Json } from './botocore-shapes.js';

/** The importer's own block in an overlay: what to import (not an Overlay 1.0 field). */
export interface ImportSelection {
  /** Folder under specs/upstream/. */
  upstream: string;
  /** botocore operation names, or `METHOD /path` for an OpenAPI/Swagger model. */
  operations: string[];
}

export function selectionOf(overlay: Json, file: string): ImportSelection {
  const x = overlay['x-import'];
  if (
    !x ||
    typeof x.upstream !== 'string' ||
    !Array.isArray(x.operations) ||
    x.operations.length === 0
  )
    throw new ImportInputError(
      `${file}: x-import needs upstream (a folder) and a non-empty operations list`,
    );
  return { upstream: x.upstream, operations: [...x.operations] };
}

export async function applyOverlay(doc: Json, overlay: Json, file: string): Promise<Json> {
  if (!/^1\.0\.\d+$/.test(String(overlay.overlay ?? '')))
    throw new ImportInputError(
      `${file}: overlay must be "1.0.x" (OpenAPI Overlay 1.0), got ${overlay.overlay}`,
    );
  const actions = (overlay.actions ?? []) as Json[];
  const result = await openapiOverlay(structuredClone(doc), {
    overlaySet: { ...overlay, actions },
  } as any);
  const unused = (result.resultData as any).unusedActions as Json[];
  if (unused.length) {
    const names = unused.map((a) => `${a.target}${a.description ? ` (${a.description})` : ''}`);
    throw new ImportInputError(
      `${file}: overlay actions match nothing in the model: ${names.join('; ')}`,
    );
  }
  return result.data as Json;
}
