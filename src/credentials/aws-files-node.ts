import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CredentialsError } from '../errors/index.js';
import { mergeAwsProfiles, parseIni, type AwsProfiles, type IniSections } from './aws-ini.js';

/** Environment variables, `process.env` by default; injectable so tests need not mutate it. */
export type Env = Record<string, string | undefined>;

/** Paths of the two shared files, as options may override them. */
export interface AwsSharedFilePaths {
  /** Shared credentials file. Default `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`. */
  credentialsFile?: string;
  /** Shared config file. Default `AWS_CONFIG_FILE`, else `~/.aws/config`. */
  configFile?: string;
}

/** Both files read and merged, plus a description of them for error messages. */
export interface LoadedAwsProfiles {
  profiles: AwsProfiles;
  credentialsFile: string;
  configFile: string;
  /** E.g. `/home/me/.aws/credentials (not found) and /home/me/.aws/config`. */
  where: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The home directory as SDK v3 finds it (`@smithy/core` `getHomeDir`): `HOME`, `USERPROFILE`,
 * `HOMEDRIVE` + `HOMEPATH`, then `os.homedir()`. Reading `HOME` first lets tests use a temp home.
 */
export function awsHomeDir(env: Env = process.env): string {
  const home = nonEmpty(env['HOME']) ?? nonEmpty(env['USERPROFILE']);
  if (home !== undefined) return home;
  const homePath = nonEmpty(env['HOMEPATH']);
  if (homePath !== undefined) return `${env['HOMEDRIVE'] ?? 'C:\\'}${homePath}`;
  return homedir();
}

/** Expands a leading `~` (alone, or before `/` or `\`) to {@link awsHomeDir}. */
export function expandHome(path: string, env: Env = process.env): string {
  if (path === '~') return awsHomeDir(env);
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(awsHomeDir(env), path.slice(2));
  return path;
}

/** The paths to read: options, then `AWS_SHARED_CREDENTIALS_FILE` / `AWS_CONFIG_FILE`, then `~/.aws`. */
export function resolveAwsSharedFilePaths(
  paths: AwsSharedFilePaths = {},
  env: Env = process.env,
): { credentialsFile: string; configFile: string } {
  return {
    credentialsFile: expandHome(
      nonEmpty(paths.credentialsFile) ??
        nonEmpty(env['AWS_SHARED_CREDENTIALS_FILE']) ??
        '~/.aws/credentials',
      env,
    ),
    configFile: expandHome(
      nonEmpty(paths.configFile) ?? nonEmpty(env['AWS_CONFIG_FILE']) ?? '~/.aws/config',
      env,
    ),
  };
}

/** Profile name: the option, then `AWS_PROFILE`, then `default` (SDK v3's `getProfileName`). */
export function resolveAwsProfileName(
  profile: string | undefined,
  env: Env = process.env,
): { name: string; explicit: boolean } {
  const name = nonEmpty(profile) ?? nonEmpty(env['AWS_PROFILE']);
  return name === undefined ? { name: 'default', explicit: false } : { name, explicit: true };
}

/**
 * Reads and parses one shared file; `undefined` when it does not exist, which is normal (many
 * machines have only one of the two). Other read failures raise {@link CredentialsError}.
 */
export async function readAwsIniFile(path: string): Promise<IniSections | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new CredentialsError(
      `Cannot read AWS shared file ${path}${typeof code === 'string' ? ` (${code})` : ''}`,
      { cause: error },
    );
  }
  return parseIni(text, path);
}

/** Reads both shared files (missing ones count as empty) and merges their profiles. */
export async function loadAwsProfiles(
  paths: AwsSharedFilePaths = {},
  env: Env = process.env,
): Promise<LoadedAwsProfiles> {
  const { credentialsFile, configFile } = resolveAwsSharedFilePaths(paths, env);
  const [credentials, config] = await Promise.all([
    readAwsIniFile(credentialsFile),
    readAwsIniFile(configFile),
  ]);
  const describe = (path: string, parsed: unknown) =>
    parsed === undefined ? `${path} (not found)` : path;
  return {
    profiles: mergeAwsProfiles(config, credentials),
    credentialsFile,
    configFile,
    where: `${describe(credentialsFile, credentials)} and ${describe(configFile, config)}`,
  };
}
