/**
 * specs/upstream/ (official models) + specs/overlays/ -> specs/*.yaml (specs/README.md).
 *
 *   npm run import                                  re-import every spec that has an overlay
 *   npm run import -- --check                       exit 1 naming every spec that differs
 *   npm run import -- --botocore <data dir>         refresh the vendored AWS models, re-import
 *   npm run import -- --jupyter-server <api.yaml>   refresh the vendored Jupyter model
 *   npm run import -- --botocore <dir> --add <service>:<Operation>   add an operation/service
 *   --force                                         accept an older botocore than the vendored one
 *
 * The importer never writes generated/; run `npm run generate` next.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseImportArgs } from './import/args.js';
import { runImport } from './import/run.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

try {
  const options = parseImportArgs(process.argv.slice(2));
  process.exitCode = await runImport({
    ...options,
    specsDir: options.specsDir ?? path.join(root, 'specs'),
  });
} catch (error) {
  console.error(`import: ${(error as Error).message}`);
  process.exitCode = 1;
}
