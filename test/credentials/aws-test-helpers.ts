import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** Secrets used by the AWS credential tests; no output may ever contain them. */
export const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzSECRETzz';
export const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjzzTOKENzzSESSIONzz';

export interface TempHome {
  /** The temp directory used as HOME for the current test. */
  readonly home: string;
  /** Writes `text` to `relativePath` under the temp home, creating directories. */
  write(relativePath: string, text: string): Promise<string>;
  /** Writes a Node script with `body`; returns a shell command line that runs it. */
  script(name: string, body: string): Promise<string>;
}

/**
 * Gives each test a fresh temp HOME with every AWS_* variable cleared, and restores
 * `process.env` and removes the directory afterwards.
 */
export function useTempHome(): TempHome {
  let home = '';
  let saved: NodeJS.ProcessEnv = {};
  beforeEach(async () => {
    saved = { ...process.env };
    home = await mkdtemp(join(tmpdir(), 'cloud-sessions-aws-'));
    for (const name of Object.keys(process.env)) {
      if (name.startsWith('AWS_')) delete process.env[name];
    }
    process.env['HOME'] = home;
  });
  afterEach(async () => {
    for (const name of Object.keys(process.env)) {
      if (!(name in saved)) delete process.env[name];
    }
    Object.assign(process.env, saved);
    await rm(home, { recursive: true, force: true });
  });
  const write = async (relativePath: string, text: string) => {
    const path = join(home, relativePath);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    return path;
  };
  return {
    get home() {
      return home;
    },
    write,
    async script(name: string, body: string) {
      const path = await write(name, body);
      await chmod(path, 0o755);
      return `"${process.execPath}" "${path}"`;
    },
  };
}

/** The public fields of an identity, for comparing ours with the SDK's. */
export function fields(identity: {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  expiration?: Date | undefined;
}) {
  return {
    accessKeyId: identity.accessKeyId,
    secretAccessKey: identity.secretAccessKey,
    sessionToken: identity.sessionToken,
    expiration: identity.expiration?.toISOString(),
  };
}
