/**
 * `npm run api-report`: the public TypeScript surface of every package entry point, as API
 * Extractor (@microsoft/api-extractor, Microsoft's tool that Azure's SDKs commit as
 * `review/<package>.api.md`) prints it, into api-reports/<entry>.api.md.
 *
 *   npm run api-report              rewrite api-reports/
 *   npm run api-report -- --check   exit 1 naming every report that differs, is missing or stale
 *
 * Input is the declarations `npm run build` publishes (tsconfig.build.json), emitted by tsc into
 * .tmp/api-report/ rather than dist/, so a report never depends on a stale build. The reports depend only on the sources: no dates,
 * no absolute paths, so they are byte-for-byte reproducible.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  type IConfigFile,
} from '@microsoft/api-extractor';
import { reportEntries, type ReportEntry } from './entries.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const reportFolder = path.join(root, 'api-reports');
// Inside the project (so openapi-fetch and @types/node resolve) but not under node_modules, which
// API Extractor treats as other packages' code; .tmp/ is git-ignored.
const scratch = path.join(root, '.tmp', 'api-report');

function emitDeclarations(outDir: string): void {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir, '--declarationMap', 'false'];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('api-report: tsc could not emit the declarations');
}

function config(entry: ReportEntry, dts: string): IConfigFile {
  return {
    projectFolder: root,
    mainEntryPointFilePath: path.join(dts, entry.types.replace(/^dist\//, '')),
    compiler: {
      overrideTsconfig: {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: true,
          types: ['node'],
        },
        include: [path.join(dts, '**', '*.d.ts')],
      },
    },
    apiReport: {
      enabled: true,
      reportFileName: entry.name,
      reportFolder,
      reportTempFolder: path.join(scratch, 'reports'),
    },
    docModel: { enabled: false },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    messages: {
      // Findings (a forgotten export, an undocumented member) go into the report, where review
      // sees them, not onto the console. Release tags (@public/@beta) are not used in this
      // project, and documentation coverage is TypeDoc's check (typedoc.json).
      extractorMessageReporting: {
        default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
        'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
        'ae-undocumented': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
      },
      tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const entries = reportEntries(manifest);
  const dts = path.join(scratch, 'dts');
  await rm(scratch, { recursive: true, force: true });
  emitDeclarations(dts);
  await mkdir(reportFolder, { recursive: true });
  const problems: string[] = [];
  for (const entry of entries) {
    const prepared = ExtractorConfig.prepare({
      configObject: config(entry, dts),
      configObjectFullPath: path.join(root, 'api-extractor.json'),
      packageJsonFullPath: path.join(root, 'package.json'),
    });
    const result = Extractor.invoke(prepared, {
      localBuild: !check,
      showVerboseMessages: false,
      messageCallback: (message) => {
        // Its note to copy the file by hand (we name the command below) and its TypeScript
        // version notice are noise here.
        const quiet = ['console-api-report-not-copied', 'console-preamble'];
        if (quiet.includes(message.messageId)) message.handled = true;
      },
    });
    const file = `api-reports/${entry.name}.api.md`;
    const fresh = `.tmp/api-report/reports/${entry.name}.api.md`;
    if (check && result.apiReportChanged) {
      problems.push(`${file} differs from ${entry.subpath}'s surface (diff ${file} ${fresh})`);
    } else if (!result.succeeded)
      problems.push(`${file}: API Extractor reported ${result.errorCount} errors`);
  }
  const expected = new Set(entries.map((e) => `${e.name}.api.md`));
  for (const file of (await readdir(reportFolder)).sort()) {
    if (!expected.has(file))
      problems.push(`api-reports/${file} (no such entry point in package.json exports)`);
  }
  // The scratch folder stays (git-ignored): its reports/ are what --check compared against.
  if (problems.length > 0) {
    console.error(
      check
        ? 'API reports are stale; run `npm run api-report` and commit api-reports/:'
        : 'API report problems:',
    );
    for (const p of problems) console.error(`  ${p}`);
    return 1;
  }
  console.log(
    `api-reports/ ${check ? 'is up to date' : 'written'} (${entries.length} entry points)`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
