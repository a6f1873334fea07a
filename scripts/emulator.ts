/**
 * Starts the local emulator of the three session-list APIs from the command line.
 *
 *   tsx scripts/emulator.ts [--port 4566] [--seed 1] [--region us-east-1]
 *     [--faults rate429=0.1,rate5xx=0.05,rateReset=0,rateTruncated=0,latencyMs=0,seed=7]
 *     [--nimble-page-size 25] [--clock-offset-ms 0] [--no-verify]
 *     [--jupyter-url http://127.0.0.1:8888/20260430/aiDataPlatforms/<id>/workspaces/<key>/notebook/ --jupyter-token T]
 *
 * It prints the URL, the emulator's TEST credentials (never real ones) and sample
 * ids, writes the OCI test private key to a 0600 temp file, and runs until
 * SIGINT/SIGTERM.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator, type EmulatorFaults, type EmulatorOptions } from '../src/emulator/index.js';

const FAULT_KEYS = [
  'rate429',
  'rate5xx',
  'rateReset',
  'rateTruncated',
  'latencyMs',
  'retryAfterRate',
  'retryAfterSeconds',
  'seed',
];

function parseFaults(spec: string): EmulatorFaults {
  const faults: Record<string, number> = {};
  for (const part of spec.split(',').filter((p) => p.trim() !== '')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (!key || !FAULT_KEYS.includes(key) || value === undefined || Number.isNaN(Number(value))) {
      throw new Error(
        `--faults: expected key=number with key in ${FAULT_KEYS.join(', ')}, got "${part}"`,
      );
    }
    faults[key] = Number(value);
  }
  return faults as EmulatorFaults;
}

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (Number.isNaN(n)) throw new Error(`--${name} must be a number, got "${value}"`);
  return n;
}

function parseOptions(argv: string[]): EmulatorOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      region: { type: 'string' },
      faults: { type: 'string' },
      'nimble-page-size': { type: 'string' },
      'clock-offset-ms': { type: 'string' },
      'no-verify': { type: 'boolean' },
      'jupyter-url': { type: 'string' },
      'jupyter-token': { type: 'string' },
    },
  });
  if ((values['jupyter-url'] === undefined) !== (values['jupyter-token'] === undefined)) {
    throw new Error('--jupyter-url and --jupyter-token go together');
  }
  return {
    port: number('port', values.port) ?? 4566,
    seed: number('seed', values.seed),
    region: values.region,
    faults: values.faults ? parseFaults(values.faults) : undefined,
    nimblePageSize: number('nimble-page-size', values['nimble-page-size']),
    clockOffsetMs: number('clock-offset-ms', values['clock-offset-ms']),
    verifySignatures: !values['no-verify'],
    jupyter: values['jupyter-url']
      ? { url: values['jupyter-url'], token: values['jupyter-token'] as string }
      : undefined,
  };
}

async function main(): Promise<void> {
  const emu = await startEmulator(parseOptions(process.argv.slice(2)));
  const keyDir = mkdtempSync(join(tmpdir(), 'emulator-oci-key-'));
  const keyFile = join(keyDir, 'oci_api_key.pem');
  writeFileSync(keyFile, emu.credentials.oci.privateKeyPem, { mode: 0o600 });
  const aws = emu.credentials.aws[0];
  const oci = emu.credentials.oci;
  const notebook = emu.data.athena.notebooks[0];
  const studio = emu.data.nimble.studios[0];
  const platform = emu.data.oci.platforms[0];
  const lines = [
    `Emulator listening on ${emu.url}`,
    '',
    'EMULATOR TEST CREDENTIALS - accepted only by this emulator, not real AWS/OCI keys:',
    `  AWS region:            ${emu.credentials.region}`,
    ...(aws
      ? [
          `  AWS access key id:     ${aws.accessKeyId}`,
          `  AWS secret access key: ${aws.secretAccessKey}  (emulator test key)`,
        ]
      : []),
    `  OCI tenancy:           ${oci.tenancy}`,
    `  OCI user:              ${oci.user}`,
    `  OCI fingerprint:       ${oci.fingerprint}`,
    `  OCI key_file:          ${keyFile}  (emulator test key, deleted on exit)`,
    '',
    'Sample ids:',
    ...(notebook ? [`  Athena NotebookId:     ${notebook.notebookId}`] : []),
    ...(studio ? [`  Nimble studioId:       ${studio.studioId}`] : []),
    ...(platform && platform.workspaces[0]
      ? [
          `  OCI aiDataPlatformId:  ${platform.aiDataPlatformId}`,
          `  OCI workspaceKey:      ${platform.workspaces[0].workspaceKey}`,
        ]
      : []),
    '',
    'Point clients at the URL above as their endpoint. Ctrl-C to stop.',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  const stop = async (): Promise<void> => {
    await emu.close();
    rmSync(keyDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
