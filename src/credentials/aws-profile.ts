import { CredentialsError } from '../errors/index.js';
import type { AwsCredentialIdentity } from '../auth/sigv4-types.js';
import type { AwsProfiles } from './aws-ini.js';

/** How a profile's credentials are obtained, decided from the files alone. */
export type AwsProfilePlan =
  | {
      kind: 'static';
      /** The profile whose keys are used (the last one of `chain`). */
      profile: string;
      /** Profiles visited: the requested one, then each `source_profile` followed. */
      chain: string[];
      identity: AwsCredentialIdentity;
    }
  | { kind: 'process'; profile: string; chain: string[]; command: string };

/** SDK v3 (`@aws-sdk/credential-provider-ini`) keys of providers this package does not run. */
const UNSUPPORTED: ReadonlyArray<[keys: string[], what: string, provider: string]> = [
  [
    ['web_identity_token_file'],
    'web identity federation (STS AssumeRoleWithWebIdentity)',
    'fromIni',
  ],
  [
    ['sso_session', 'sso_start_url', 'sso_account_id', 'sso_region', 'sso_role_name'],
    'IAM Identity Center (SSO)',
    'fromSSO',
  ],
  [['login_session'], 'console login sessions', 'fromIni'],
  [['credential_source'], 'credential_source', 'fromIni'],
];

function has(profile: Record<string, string>, key: string): boolean {
  return profile[key] !== undefined && profile[key] !== '';
}

function describeChain(chain: string[]): string {
  const quoted = chain.map((name) => `"${name}"`);
  return chain.length > 1 ? `${quoted[0]} (via ${quoted.join(' -> ')})` : `${quoted[0]}`;
}

function unsupported(chain: string[], what: string, provider: string): CredentialsError {
  const requested = chain[0] ?? '';
  return new CredentialsError(
    `AWS profile ${describeChain(chain)} uses ${what}, which this package does not support. ` +
      `Pass ${provider}({ profile: '${requested}' }) from @aws-sdk/credential-providers as ` +
      '`credentials` instead.',
  );
}

function staticPlan(
  profile: Record<string, string>,
  chain: string[],
  where: string,
): AwsProfilePlan | undefined {
  const hasKeyId = has(profile, 'aws_access_key_id');
  const hasSecret = has(profile, 'aws_secret_access_key');
  if (!hasKeyId && !hasSecret) return undefined;
  if (!hasKeyId || !hasSecret) {
    // botocore raises PartialCredentialsError here too, instead of silently trying elsewhere.
    const missing = hasKeyId ? 'aws_secret_access_key' : 'aws_access_key_id';
    throw new CredentialsError(
      `AWS profile ${describeChain(chain)} in ${where} has ${
        hasKeyId ? 'aws_access_key_id' : 'aws_secret_access_key'
      } but no ${missing}`,
    );
  }
  const sessionToken = profile['aws_session_token'];
  return {
    kind: 'static',
    profile: chain[chain.length - 1] ?? '',
    chain,
    identity: {
      accessKeyId: profile['aws_access_key_id'] ?? '',
      secretAccessKey: profile['aws_secret_access_key'] ?? '',
      ...(sessionToken !== undefined && sessionToken !== '' && { sessionToken }),
    },
  };
}

/**
 * Decides how to get credentials for `profileName` from merged shared files, in SDK v3's order
 * (`resolveProfileData` in `@aws-sdk/credential-provider-ini`): role assumption, static keys,
 * web identity, `credential_process`, SSO, login. Only static keys and `credential_process` are
 * run here; the others raise {@link CredentialsError} pointing to `@aws-sdk/credential-providers`.
 *
 * `source_profile` without `role_arn` is followed: the profile borrows the credentials of the
 * profile it names (which may itself use `source_profile`). SDK v3 and the AWS CLI only honour
 * `source_profile` together with `role_arn` and reject such a profile as having no credentials;
 * following it is an extension here, so a profile that works with SDK v3 still works the same.
 * Cycles raise {@link CredentialsError} naming the chain.
 *
 * Returns `undefined` when `profileName` is not in the files at all; `where` names the files
 * for error messages. Values are never put in messages.
 */
export function planAwsProfileCredentials(
  profileName: string,
  profiles: AwsProfiles,
  where: string,
): AwsProfilePlan | undefined {
  if (profiles[profileName] === undefined) return undefined;
  const chain = [profileName];
  for (;;) {
    const current = chain[chain.length - 1] ?? profileName;
    const profile = profiles[current];
    if (profile === undefined) {
      throw new CredentialsError(
        `AWS profile ${describeChain(chain.slice(0, -1))} names source_profile "${current}", ` +
          `which is not in ${where}`,
      );
    }
    const sourced = chain.length > 1;
    // SDK v3 uses a source profile's static keys even when it has role_arn of its own.
    const keys = sourced ? staticPlan(profile, chain, where) : undefined;
    if (keys) return keys;
    if (
      has(profile, 'role_arn') &&
      (has(profile, 'source_profile') || has(profile, 'credential_source'))
    ) {
      throw unsupported(chain, 'role assumption (role_arn, STS AssumeRole)', 'fromIni');
    }
    const own = staticPlan(profile, chain, where);
    if (own) return own;
    if (has(profile, 'web_identity_token_file') && has(profile, 'role_arn')) {
      throw unsupported(
        chain,
        'web identity federation (STS AssumeRoleWithWebIdentity)',
        'fromIni',
      );
    }
    const command = profile['credential_process'];
    if (command !== undefined && command !== '') {
      return { kind: 'process', profile: current, chain, command };
    }
    for (const [keys, what, provider] of UNSUPPORTED) {
      if (keys.some((key) => has(profile, key))) throw unsupported(chain, what, provider);
    }
    if (has(profile, 'role_arn')) {
      throw unsupported(chain, 'role assumption (role_arn, STS AssumeRole)', 'fromIni');
    }
    const source = profile['source_profile'];
    if (source === undefined || source === '') {
      throw new CredentialsError(
        `AWS profile ${describeChain(chain)} in ${where} has no credentials: expected ` +
          'aws_access_key_id and aws_secret_access_key, credential_process or source_profile',
      );
    }
    if (chain.includes(source)) {
      throw new CredentialsError(
        `AWS profile "${profileName}" has a source_profile cycle: ${[...chain, source]
          .map((name) => `"${name}"`)
          .join(' -> ')}`,
      );
    }
    chain.push(source);
  }
}
