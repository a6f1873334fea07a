/**
 * `npm start`: check that generated/ matches the specs, start the emulator with an injected
 * throttle, write a throwaway HOME with an AWS profile and an OCI profile for it, and run
 * examples/list-all-sessions.ts against it as a user's app would run.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator } from '../src/emulator/index.js';

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const tsx = path.resolve('node_modules/.bin/tsx');

if ((await run(tsx, ['scripts/generate.ts', '--check'])) !== 0) {
  console.error('generated/ is stale: run `npm run generate` first.');
  process.exit(1);
}

// About one request in four is throttled: the clients retry on their own, and the app shows it.
const emulator = await startEmulator({ faults: { rate429: 0.25, retryAfterSeconds: 0, seed: 7 } });
const home = await mkdtemp(path.join(tmpdir(), 'cloud-sessions-demo-'));
try {
  const aws = emulator.credentials.aws[0]!;
  const oci = emulator.credentials.oci;
  await mkdir(path.join(home, '.aws'));
  await writeFile(
    path.join(home, '.aws', 'credentials'),
    `[demo]\naws_access_key_id = ${aws.accessKeyId}\naws_secret_access_key = ${aws.secretAccessKey}\n`,
    { mode: 0o600 },
  );
  await writeFile(
    path.join(home, '.aws', 'config'),
    `[profile demo]\nregion = ${emulator.credentials.region}\n`,
  );
  await mkdir(path.join(home, '.oci'));
  await writeFile(path.join(home, '.oci', 'key.pem'), oci.privateKeyPem, { mode: 0o600 });
  await writeFile(
    path.join(home, '.oci', 'config'),
    `[DEMO]\nuser = ${oci.user}\ntenancy = ${oci.tenancy}\nfingerprint = ${oci.fingerprint}\n` +
      `key_file = ~/.oci/key.pem\nregion = us-ashburn-1\n`,
  );
  const platform = emulator.data.oci.platforms[0]!;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    AWS_PROFILE: 'demo',
    OCI_CLI_PROFILE: 'DEMO',
    CLOUD_SESSIONS_ENDPOINT: emulator.url,
    NOTEBOOK_ID: emulator.data.athena.notebooks[0]!.notebookId,
    STUDIO_ID: emulator.data.nimble.studios[0]!.studioId,
    AIDP_ID: platform.aiDataPlatformId,
    WORKSPACE_KEY: platform.workspaces[0]!.workspaceKey,
  };
  for (const name of [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_REGION',
    'OCI_CONFIG_FILE',
  ]) {
    delete env[name];
  }
  console.log(`Emulator at ${emulator.url} (signatures verified, ~25% of requests throttled)\n`);
  process.exitCode = await run(tsx, ['--conditions=source', 'examples/list-all-sessions.ts'], env);
} finally {
  await emulator.close();
  await rm(home, { recursive: true, force: true });
}
