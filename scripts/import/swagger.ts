/**
 * A Swagger 2.0 (or OpenAPI 3.x) model and a list of `METHOD /path` operations -> an OpenAPI 3.1
 * document with only those operations and the components they reach, before the overlay.
 * swagger2openapi (Mermade, the converter APIs.guru uses) does the 2.0 -> 3.0 conversion; this
 * module only selects, inlines path-level parameters (the generator reads operation parameters)
 * and lifts 3.0 to 3.1, which for these documents is the version string.
 */
import swagger2openapi from 'swagger2openapi';
import { ImportInputError, UnsupportedModelFeatureError } from './errors.js';
import type { Json } from './botocore-shapes.js';

export async function importOpenApi(
  model: Json,
  operations: string[],
  source: string,
): Promise<Json> {
  const oas: Json = model.swagger
    ? (await swagger2openapi.convertObj(structuredClone(model), { patch: true, warnOnly: true }))
        .openapi
    : structuredClone(model);
  if (!/^3\./.test(String(oas.openapi)))
    throw new ImportInputError(`${source}: not Swagger 2.0 or OpenAPI 3.x`);
  const paths: Json = {};
  for (const selector of operations) {
    const match = /^([A-Z]+) (\/\S*)$/.exec(selector);
    if (!match)
      throw new ImportInputError(`${source}: operation "${selector}" must be "METHOD /path"`);
    const method = match[1]!.toLowerCase();
    const item = oas.paths?.[match[2]!];
    const op = item?.[method];
    if (!op) throw new ImportInputError(`${source}: the model has no operation ${selector}`);
    const { tags: _tags, 'x-codegen-request-body-name': _body, ...rest } = op;
    const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Json) =>
      resolveParameter(oas, p, selector),
    );
    const selected: Json = { ...rest };
    if (parameters.length) selected.parameters = parameters;
    paths[match[2]!] = { ...(paths[match[2]!] ?? {}), [method]: selected };
  }
  const schemas: Json = {};
  const all: Json = oas.components?.schemas ?? {};
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const ref = (node as Json).$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      if (!all[name])
        throw new UnsupportedModelFeatureError(ref, 'a $ref outside components.schemas');
      if (!schemas[name]) {
        schemas[name] = all[name];
        visit(all[name]);
      }
    }
    Object.values(node as Json).forEach(visit);
  };
  visit(paths);
  const ordered: Json = {};
  for (const name of Object.keys(all)) if (schemas[name]) ordered[name] = schemas[name];
  const doc: Json = { openapi: '3.1.0', info: oas.info, paths, components: { schemas: ordered } };
  if (oas.servers) doc.servers = oas.servers;
  return doc;
}

function resolveParameter(oas: Json, p: Json, where: string): Json {
  if (!p.$ref) return p;
  const name = String(p.$ref).replace('#/components/parameters/', '');
  const target = oas.components?.parameters?.[name];
  if (!target)
    throw new UnsupportedModelFeatureError(`${where} ${p.$ref}`, 'an unresolvable parameter $ref');
  return structuredClone(target);
}
