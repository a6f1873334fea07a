import { describe, expect, it } from 'vitest';
import { CredentialsError } from '../../src/errors/index.js';
import type { AwsProfiles } from '../../src/credentials/aws-ini.js';
import { planAwsProfileCredentials } from '../../src/credentials/aws-profile.js';

const KEYS = { aws_access_key_id: 'AKID', aws_secret_access_key: 'secret' };
const WHERE = 'credentials and config';

function plan(profiles: AwsProfiles, name = 'p') {
  return planAwsProfileCredentials(name, profiles, WHERE);
}

describe('planAwsProfileCredentials', () => {
  it.each<[string, AwsProfiles, unknown]>([
    [
      'static keys',
      { p: KEYS },
      {
        kind: 'static',
        profile: 'p',
        chain: ['p'],
        identity: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      },
    ],
    [
      'static keys with a session token',
      { p: { ...KEYS, aws_session_token: 'tok' } },
      {
        kind: 'static',
        profile: 'p',
        chain: ['p'],
        identity: { accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: 'tok' },
      },
    ],
    [
      'credential_process',
      { p: { credential_process: 'get-creds --json' } },
      { kind: 'process', profile: 'p', chain: ['p'], command: 'get-creds --json' },
    ],
    [
      'static keys before credential_process, as SDK v3 orders them',
      { p: { ...KEYS, credential_process: 'x' } },
      expect.objectContaining({ kind: 'static' }),
    ],
    [
      'source_profile alone, borrowing the source profile keys',
      { p: { source_profile: 'base', region: 'eu-west-1' }, base: KEYS },
      expect.objectContaining({ kind: 'static', profile: 'base', chain: ['p', 'base'] }),
    ],
    [
      'a source_profile chain of three',
      { p: { source_profile: 'mid' }, mid: { source_profile: 'base' }, base: KEYS },
      expect.objectContaining({ kind: 'static', profile: 'base', chain: ['p', 'mid', 'base'] }),
    ],
    [
      'source_profile naming a credential_process profile',
      { p: { source_profile: 'base' }, base: { credential_process: 'cmd' } },
      { kind: 'process', profile: 'base', chain: ['p', 'base'], command: 'cmd' },
    ],
    [
      "a source profile's static keys even when it has a role_arn of its own (SDK v3)",
      {
        p: { source_profile: 'base' },
        base: { ...KEYS, role_arn: 'arn:aws:iam::1:role/r', source_profile: 'other' },
      },
      expect.objectContaining({ kind: 'static', profile: 'base' }),
    ],
    [
      'own static keys over source_profile',
      {
        p: { ...KEYS, source_profile: 'base' },
        base: { aws_access_key_id: 'X', aws_secret_access_key: 'Y' },
      },
      expect.objectContaining({ kind: 'static', profile: 'p', chain: ['p'] }),
    ],
  ])('uses %s', (_name, profiles, expected) => {
    expect(plan(profiles)).toEqual(expected);
  });

  it('returns undefined for a profile in neither file', () => {
    expect(plan({ other: KEYS })).toBeUndefined();
  });

  it.each<[string, AwsProfiles, string]>([
    [
      'role_arn with source_profile',
      { p: { role_arn: 'arn:aws:iam::1:role/r', source_profile: 'base' }, base: KEYS },
      `AWS profile "p" uses role assumption (role_arn, STS AssumeRole), which this package does not support. Pass fromIni({ profile: 'p' }) from @aws-sdk/credential-providers as \`credentials\` instead.`,
    ],
    [
      'role_arn with credential_source',
      { p: { role_arn: 'arn:aws:iam::1:role/r', credential_source: 'Ec2InstanceMetadata' } },
      'uses role assumption (role_arn, STS AssumeRole)',
    ],
    [
      'role_arn alone',
      { p: { role_arn: 'arn:aws:iam::1:role/r' } },
      'uses role assumption (role_arn, STS AssumeRole)',
    ],
    [
      'role_arn reached through source_profile',
      { p: { source_profile: 'r' }, r: { role_arn: 'arn', source_profile: 'base' }, base: KEYS },
      'AWS profile "p" (via "p" -> "r") uses role assumption',
    ],
    [
      'web identity',
      { p: { role_arn: 'arn', web_identity_token_file: '/t' } },
      'uses web identity federation (STS AssumeRoleWithWebIdentity)',
    ],
    ['SSO', { p: { sso_session: 'corp', sso_account_id: '1' } }, "Pass fromSSO({ profile: 'p' })"],
    [
      'credential_source without role_arn',
      { p: { credential_source: 'Environment' } },
      'uses credential_source',
    ],
    ['a console login session', { p: { login_session: 'arn' } }, 'uses console login sessions'],
    [
      'aws_access_key_id without aws_secret_access_key',
      { p: { aws_access_key_id: 'AKID' } },
      'AWS profile "p" in credentials and config has aws_access_key_id but no aws_secret_access_key',
    ],
    [
      'aws_secret_access_key without aws_access_key_id',
      { p: { aws_secret_access_key: 'secret' } },
      'has aws_secret_access_key but no aws_access_key_id',
    ],
    [
      'no credentials at all',
      { p: { region: 'eu-west-1' } },
      'AWS profile "p" in credentials and config has no credentials: expected aws_access_key_id and aws_secret_access_key, credential_process or source_profile',
    ],
    [
      'a source_profile that does not exist',
      { p: { source_profile: 'gone' } },
      'AWS profile "p" names source_profile "gone", which is not in credentials and config',
    ],
    [
      'a source_profile cycle',
      { p: { source_profile: 'a' }, a: { source_profile: 'b' }, b: { source_profile: 'a' } },
      'AWS profile "p" has a source_profile cycle: "p" -> "a" -> "b" -> "a"',
    ],
    [
      'a profile that is its own source_profile',
      { p: { source_profile: 'p' } },
      'AWS profile "p" has a source_profile cycle: "p" -> "p"',
    ],
  ])('rejects %s', (_name, profiles, message) => {
    expect(() => plan(profiles)).toThrow(CredentialsError);
    expect(() => plan(profiles)).toThrow(message);
  });

  it('never puts a secret value in an error', () => {
    const profiles = { p: { aws_secret_access_key: 'TOPSECRET', aws_session_token: 'TOKEN' } };
    expect(() => plan(profiles)).toThrow(/^(?!.*(TOPSECRET|TOKEN)).*$/s);
  });
});
