import { CredentialsError } from '../errors/index.js';
import {
  memoizeAwsCredentials,
  type MemoizeAwsCredentialsOptions,
  type MemoizedAwsCredentialProvider,
} from './aws.js';
import {
  loadAwsProfiles,
  readAwsIniFile,
  resolveAwsProfileName,
  resolveAwsSharedFilePaths,
  type AwsSharedFilePaths,
  type Env,
} from './aws-files-node.js';
import { mergeAwsProfiles } from './aws-ini.js';
import { parseCredentialProcessOutput } from './aws-process.js';
import { runCredentialProcess } from './aws-process-node.js';
import { planAwsProfileCredentials } from './aws-profile.js';
import { pickAwsRegion, type AwsRegionCandidate } from './aws-region.js';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '../auth/sigv4-types.js';

export {
  awsHomeDir,
  expandHome,
  resolveAwsSharedFilePaths,
  type AwsSharedFilePaths,
  type Env,
} from './aws-files-node.js';

/** Options of {@link fromEnv}. */
export interface FromEnvOptions {
  /** Environment to read; `process.env` (at call time) by default. */
  env?: Env;
}

/** Options of {@link fromSharedFiles}. */
export interface FromSharedFilesOptions extends AwsSharedFilePaths {
  /** Profile to use. Default `AWS_PROFILE`, else `default`. */
  profile?: string;
  /** Kill a `credential_process` that runs longer. Default 60 000 ms (SDK v3 has no limit). */
  processTimeoutMs?: number;
  /** Environment to read; `process.env` (at call time) by default. */
  env?: Env;
  /** Current time, to reject already-expired `credential_process` output. */
  now?: () => Date;
}

/** Options of {@link defaultAwsCredentials}. */
export interface DefaultAwsCredentialsOptions
  extends FromSharedFilesOptions, Pick<MemoizeAwsCredentialsOptions, 'refreshWindowMs'> {}

/** Options of {@link resolveAwsRegion}. */
export interface ResolveAwsRegionOptions {
  /** Explicit region; wins over everything else. */
  region?: string;
  /** Profile whose config-file `region` is used. Default `AWS_PROFILE`, else `default`. */
  profile?: string;
  /** Shared config file. Default `AWS_CONFIG_FILE`, else `~/.aws/config`. */
  configFile?: string;
  /** Environment to read; `process.env` (at call time) by default. */
  env?: Env;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Credentials in the environment, or `undefined` when `AWS_ACCESS_KEY_ID` and
 * `AWS_SECRET_ACCESS_KEY` are both unset (empty counts as unset, as in SDK v3). Only one of them
 * set raises, as botocore's `EnvProvider` does, rather than silently using another source.
 */
function readEnvCredentials(env: Env, now: Date): AwsCredentialIdentity | undefined {
  const accessKeyId = nonEmpty(env['AWS_ACCESS_KEY_ID']);
  const secretAccessKey = nonEmpty(env['AWS_SECRET_ACCESS_KEY']);
  if (accessKeyId === undefined && secretAccessKey === undefined) return undefined;
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    const [set, unset] =
      accessKeyId === undefined
        ? ['AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID']
        : ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];
    throw new CredentialsError(`Environment variable ${set} is set but ${unset} is not`);
  }
  const sessionToken = nonEmpty(env['AWS_SESSION_TOKEN']);
  const expirationText = nonEmpty(env['AWS_CREDENTIAL_EXPIRATION']);
  const expiration = expirationText === undefined ? undefined : new Date(expirationText);
  if (expiration !== undefined && Number.isNaN(expiration.getTime())) {
    throw new CredentialsError(
      `Environment variable AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 timestamp: ${JSON.stringify(expirationText)}`,
    );
  }
  if (expiration !== undefined && expiration.getTime() <= now.getTime()) {
    throw new CredentialsError(
      `AWS credentials in environment variables expired at ${expiration.toISOString()} (AWS_CREDENTIAL_EXPIRATION)`,
    );
  }
  return {
    accessKeyId,
    secretAccessKey,
    ...(sessionToken !== undefined && { sessionToken }),
    ...(expiration !== undefined && { expiration }),
  };
}

/**
 * Provider of credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and optionally
 * `AWS_SESSION_TOKEN` and `AWS_CREDENTIAL_EXPIRATION` (ISO 8601), read on each call. Raises
 * {@link CredentialsError} when they are not set. Not memoized: wrap it in
 * {@link memoizeAwsCredentials} or pass it as a client's `credentials`.
 */
export function fromEnv(options: FromEnvOptions = {}): AwsCredentialIdentityProvider {
  return named('fromEnv', async () => {
    const identity = readEnvCredentials(options.env ?? process.env, new Date());
    if (identity === undefined) {
      throw new CredentialsError(
        'AWS credentials not found in environment variables: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set',
      );
    }
    return identity;
  });
}

/**
 * Credentials of the selected profile, or why there are none (a string) when the profile is in
 * neither file, was not chosen by name and `requireProfile` is false: the default chain then
 * reports it among what it tried, as a missing `default` profile is not a configuration error.
 */
async function readProfileCredentials(
  options: FromSharedFilesOptions,
  env: Env,
  requireProfile: boolean,
): Promise<AwsCredentialIdentity | string> {
  const { name, explicit } = resolveAwsProfileName(options.profile, env);
  const loaded = await loadAwsProfiles(options, env);
  const plan = planAwsProfileCredentials(name, loaded.profiles, loaded.where);
  if (plan === undefined) {
    const missing = `AWS profile "${name}" not found in ${loaded.where}`;
    if (explicit || requireProfile) throw new CredentialsError(missing);
    return missing;
  }
  if (plan.kind === 'static') return plan.identity;
  const stdout = await runCredentialProcess(plan.command, plan.profile, options.processTimeoutMs);
  return parseCredentialProcessOutput(stdout, plan.profile, (options.now ?? (() => new Date()))());
}

/**
 * Provider of a profile's credentials from the shared files (`~/.aws/credentials` with `[name]`
 * sections and `~/.aws/config` with `[profile name]` / `[default]`; paths from options, then
 * `AWS_SHARED_CREDENTIALS_FILE` / `AWS_CONFIG_FILE`): static keys, `credential_process`, or a
 * `source_profile` naming a profile with either (see `planAwsProfileCredentials` in src/credentials/aws-profile.ts for what
 * is not supported). Files are read on each call. Not memoized.
 */
export function fromSharedFiles(
  options: FromSharedFilesOptions = {},
): AwsCredentialIdentityProvider {
  return named('fromSharedFiles', async () => {
    const result = await readProfileCredentials(options, options.env ?? process.env, true);
    if (typeof result === 'string') throw new CredentialsError(result);
    return result;
  });
}

/**
 * Names a provider for error messages ("credentials provider fromEnv"); set explicitly because
 * bundlers and minifiers rename inner functions.
 */
function named<T extends (...args: never[]) => unknown>(name: string, fn: T): T {
  return Object.defineProperty(fn, 'name', { value: name });
}

/**
 * The credential chain for Node: environment variables, then the shared files' profile (static
 * keys or `credential_process`); memoized with {@link memoizeAwsCredentials}. As in SDK v3's
 * `defaultProvider`, a profile chosen by option or `AWS_PROFILE` skips the environment step.
 * When nothing is found, the {@link CredentialsError} lists what was tried. For SSO, role
 * assumption, container or instance credentials, pass a provider from
 * `@aws-sdk/credential-providers` as `credentials` instead.
 */
export function defaultAwsCredentials(
  options: DefaultAwsCredentialsOptions = {},
): MemoizedAwsCredentialProvider {
  const now = options.now ?? (() => new Date());
  async function defaultAwsCredentialChain(): Promise<AwsCredentialIdentity> {
    const env = options.env ?? process.env;
    const tried: string[] = [];
    const profile = resolveAwsProfileName(options.profile, env);
    if (profile.explicit) {
      tried.push(`environment variables (skipped: profile "${profile.name}" was selected)`);
    } else {
      const identity = readEnvCredentials(env, now());
      if (identity !== undefined) return identity;
      tried.push('environment variables (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set)');
    }
    const result = await readProfileCredentials({ ...options, now }, env, false);
    if (typeof result !== 'string') return result;
    tried.push(`shared files (${result})`);
    throw new CredentialsError(
      `No AWS credentials found. Tried: ${tried.join('; ')}. For SSO, roles, container or ` +
        'instance credentials pass a provider from @aws-sdk/credential-providers as `credentials`.',
    );
  }
  return memoizeAwsCredentials(defaultAwsCredentialChain, {
    now,
    sourceName: 'the default AWS credential chain',
    ...(options.refreshWindowMs !== undefined && { refreshWindowMs: options.refreshWindowMs }),
  });
}

/**
 * The region to use: `region`, then `AWS_REGION`, then `AWS_DEFAULT_REGION` (the AWS CLI's
 * variable), then `region` of the profile in the shared config file. The config file is read
 * only when needed. Raises `ConfigurationError` when none is set or the value is not a
 * valid region name, naming where it came from.
 */
export async function resolveAwsRegion(options: ResolveAwsRegionOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const early: AwsRegionCandidate[] = [
    { source: 'the region option', value: options.region },
    { source: 'AWS_REGION', value: env['AWS_REGION'] },
    { source: 'AWS_DEFAULT_REGION', value: env['AWS_DEFAULT_REGION'] },
  ];
  if (early.some(({ value }) => nonEmpty(value?.trim()) !== undefined)) return pickAwsRegion(early);
  const { name } = resolveAwsProfileName(options.profile, env);
  const { configFile } = resolveAwsSharedFilePaths({ configFile: options.configFile }, env);
  const profiles = mergeAwsProfiles(await readAwsIniFile(configFile), undefined);
  return pickAwsRegion([
    ...early,
    { source: `profile "${name}" in ${configFile}`, value: profiles[name]?.['region'] },
  ]);
}
