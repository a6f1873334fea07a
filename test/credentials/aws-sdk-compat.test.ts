import { fromEnv as sdkFromEnv, fromIni } from '@aws-sdk/credential-providers';
import { describe, expect, it } from 'vitest';
import { CredentialsError } from '../../src/errors/index.js';
import { memoizeAwsCredentials } from '../../src/credentials/aws.js';
import { fromEnv, fromSharedFiles } from '../../src/credentials/aws-node.js';
import { fields, useTempHome } from './aws-test-helpers.js';

// SDK v3 providers are passed to memoizeAwsCredentials as they are, with no adapter, and must
// yield the same identity as this package's loaders reading the same environment and files.

const home = useTempHome();

async function writeFiles() {
  const command = await home.script(
    'creds.mjs',
    `console.log(${JSON.stringify(
      JSON.stringify({
        Version: 1,
        AccessKeyId: 'ASIAPROCESS',
        SecretAccessKey: 'secret-process',
        SessionToken: 'token-process',
        Expiration: '2999-01-01T00:00:00Z',
      }),
    )});`,
  );
  const credentialsFile = await home.write(
    'files/credentials',
    [
      '[default]',
      'aws_access_key_id = AKIDDEFAULT',
      'aws_secret_access_key = secret-default',
      '',
      '[both] ; the credentials file wins per key',
      'aws_access_key_id = AKIDCREDS',
      'aws_secret_access_key = secret-creds',
    ].join('\n'),
  );
  const configFile = await home.write(
    'files/config',
    [
      '[profile both]',
      'aws_access_key_id = AKIDCONFIG',
      'aws_session_token = token-config',
      'region = eu-west-1',
      '',
      '[profile configonly]',
      'aws_access_key_id = AKIDCONFIGONLY',
      'aws_secret_access_key = secret-configonly',
      '',
      '# nested settings are tolerated by both parsers',
      '[profile proc]',
      's3 =',
      '  max_concurrent_requests = 4',
      `credential_process = ${command}`,
    ].join('\n'),
  );
  return { credentialsFile, configFile };
}

describe('@aws-sdk/credential-providers through memoizeAwsCredentials', () => {
  it('fromEnv() yields the same identity as our fromEnv()', async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDENV',
      AWS_SECRET_ACCESS_KEY: 'secret-env',
      AWS_SESSION_TOKEN: 'token-env',
      AWS_CREDENTIAL_EXPIRATION: '2999-01-01T00:00:00Z',
    });
    const sdk = await memoizeAwsCredentials(sdkFromEnv())();
    const ours = await memoizeAwsCredentials(fromEnv())();
    expect(fields(sdk)).toEqual(fields(ours));
    expect(fields(sdk).sessionToken).toBe('token-env');
  });

  it.each(['default', 'both', 'configonly', 'proc'])(
    'fromIni() yields the same identity as our fromSharedFiles() for profile %s',
    async (profile) => {
      const { credentialsFile, configFile } = await writeFiles();
      const sdk = await memoizeAwsCredentials(
        fromIni({ profile, filepath: credentialsFile, configFilepath: configFile }),
      )();
      const ours = await memoizeAwsCredentials(
        fromSharedFiles({ profile, credentialsFile, configFile }),
      )();
      expect(fields(sdk)).toEqual(fields(ours));
      expect(sdk.accessKeyId).toMatch(/^AKID|^ASIA/);
    },
  );

  it('turns an SDK provider failure into a CredentialsError caused by it', async () => {
    const { credentialsFile, configFile } = await writeFiles();
    const provider = memoizeAwsCredentials(
      fromIni({ profile: 'absent', filepath: credentialsFile, configFilepath: configFile }),
      { sourceName: 'fromIni' },
    );
    const error = await provider().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toBe('AWS fromIni failed (see cause)');
    expect(((error as Error).cause as Error).message).toContain('absent');
  });
});
