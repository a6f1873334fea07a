/**
 * Runs the `cloud-sessions` launcher as a child process, with an environment built from
 * scratch (nothing leaks in from the developer's shell) and a temporary HOME holding the
 * emulator's test credentials as ~/.oci/config and ~/.aws/credentials.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Emulator } from '../../src/emulator/index.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'cloud-sessions.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/cloud-sessions.js ...args` in `cwd` with exactly `env` (plus PATH). */
export function runBin(
  args: readonly string[],
  env: Record<string, string>,
  cwd: string = ROOT,
): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A temporary HOME with the emulator's credentials, and environments that use it. */
export interface CliHome {
  home: string;
  /** HOME only: credentials come from the files (AWS profile `emulator`, OCI `DEFAULT`). */
  filesEnv: Record<string, string>;
  /** HOME plus the AWS key, region and secret in the standard environment variables. */
  awsEnv: Record<string, string>;
  cleanup(): Promise<void>;
}

/** The OCI profile that differs from DEFAULT only in name, for `--profile` tests. */
export const OCI_OTHER_PROFILE = 'CLI_TEST';

/** Writes `~/.oci/config` (+ key) and `~/.aws/credentials` for `emu` into a new temp HOME. */
export async function createCliHome(emu: Emulator): Promise<CliHome> {
  const home = await mkdtemp(join(tmpdir(), 'cloud-sessions-cli-'));
  const oci = emu.credentials.oci;
  const aws = emu.credentials.aws[0]!;
  await mkdir(join(home, '.oci'), { mode: 0o700 });
  await mkdir(join(home, '.aws'), { mode: 0o700 });
  const keyFile = join(home, '.oci', 'emulator_key.pem');
  await writeFile(keyFile, oci.privateKeyPem, { mode: 0o600 });
  const profile = (name: string): string =>
    [
      `[${name}]`,
      `user=${oci.user}`,
      `fingerprint=${oci.fingerprint}`,
      `tenancy=${oci.tenancy}`,
      'region=us-ashburn-1',
      `key_file=${keyFile}`,
      '',
    ].join('\n');
  await writeFile(join(home, '.oci', 'config'), profile('DEFAULT') + profile(OCI_OTHER_PROFILE), {
    mode: 0o600,
  });
  await writeFile(
    join(home, '.aws', 'credentials'),
    [
      '[emulator]',
      `aws_access_key_id = ${aws.accessKeyId}`,
      `aws_secret_access_key = ${aws.secretAccessKey}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  await writeFile(
    join(home, '.aws', 'config'),
    ['[profile emulator]', `region = ${emu.credentials.region}`, ''].join('\n'),
  );
  return {
    home,
    filesEnv: { HOME: home },
    awsEnv: {
      HOME: home,
      AWS_ACCESS_KEY_ID: aws.accessKeyId,
      AWS_SECRET_ACCESS_KEY: aws.secretAccessKey,
      AWS_REGION: emu.credentials.region,
    },
    cleanup: () => rm(home, { recursive: true, force: true }),
  };
}

/** Parses ndjson output into records. */
export function ndjson(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
