/**
 * Node-only: OCI credentials from `~/.oci/config` (API-key and session-token profiles).
 * Errors name the file, profile and key at fault and never print key material, pass phrases or
 * tokens.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { apiKeyId, sessionKeyId } from '../auth/oci-key-id.js';
import { loadOciPrivateKey } from '../auth/oci-keys-node.js';
import { CredentialsError } from '../errors/index.js';
import { OCI_DEFAULT_PROFILE, ociProfileSettings, parseOciConfig } from './oci-config.js';
import { OciCredentials, type OciAuthenticationType } from './oci-credentials.js';

/** Options for {@link fromOciConfigFile}. */
export interface OciConfigFileOptions {
  /** Config file path (`~` expanded). Default: `OCI_CONFIG_FILE`, else `~/.oci/config`. */
  configFile?: string | undefined;
  /** Profile name. Default: `OCI_CLI_PROFILE`, else `DEFAULT`. */
  profile?: string | undefined;
  /** Environment to read `OCI_CONFIG_FILE`, `OCI_CLI_PROFILE`, `OCI_REGION` from. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Home directory for `~`. Default `os.homedir()`. */
  homeDir?: string | undefined;
}

/** Which config file to read and why (the reason appears in "file not found" errors). */
export interface OciConfigLocation {
  path: string;
  origin: 'option' | 'OCI_CONFIG_FILE' | 'default';
}

/** Authentication types this loader signs for; others (instance principal, ...) need their own flow. */
const SUPPORTED_AUTHENTICATION_TYPES = new Set(['api_key', 'security_token']);

/**
 * Config file lookup: the `configFile` option, else `OCI_CONFIG_FILE`, else `~/.oci/config`.
 * oci-common (config-file-reader.js `parseDefault`) instead tries `~/.oci/config` FIRST and reads
 * `OCI_CONFIG_FILE` only when that file is missing, so on a machine with a default config the
 * variable is silently ignored. We let the explicit variable win, as AWS_CONFIG_FILE does for the
 * AWS SDKs. The legacy `~/.oraclebmc/config` fallback is not consulted.
 */
export function resolveOciConfigLocation(
  options: Pick<OciConfigFileOptions, 'configFile'>,
  env: Record<string, string | undefined>,
  homeDir: string,
): OciConfigLocation {
  if (options.configFile)
    return { path: expandHome(options.configFile, homeDir), origin: 'option' };
  const fromEnv = env['OCI_CONFIG_FILE'];
  if (fromEnv) return { path: expandHome(fromEnv, homeDir), origin: 'OCI_CONFIG_FILE' };
  return { path: expandHome('~/.oci/config', homeDir), origin: 'default' };
}

/** Profile selection: the `profile` option, else `OCI_CLI_PROFILE` (as the OCI CLI), else `DEFAULT`. */
export function resolveOciProfileName(
  options: Pick<OciConfigFileOptions, 'profile'>,
  env: Record<string, string | undefined>,
): string {
  return options.profile || env['OCI_CLI_PROFILE'] || OCI_DEFAULT_PROFILE;
}

/**
 * Expands a leading `~/` (or `~\`, or a bare `~`) to `homeDir`, as oci-common does for `key_file`
 * and `security_token_file`. Other paths are returned unchanged, so relative paths resolve
 * against the working directory like in the OCI SDKs.
 */
export function expandHome(path: string, homeDir: string): string {
  if (path === '~') return homeDir;
  if (path.startsWith('~/') || path.startsWith('~\\')) return homeDir + path.slice(1);
  return path;
}

/**
 * Reads a profile of the OCI config file and returns its keyId, imported private key and region.
 * A profile with `security_token_file` signs as `ST$<token>` (the trimmed file content) with the
 * session key in `key_file`; any other profile needs `tenancy`, `user`, `fingerprint` and
 * `key_file`. `pass_phrase` decrypts an encrypted key; `OCI_REGION` fills in a missing `region`.
 * The token and key are read once: for a refreshed session token, give the signer
 * `{ credentials: () => fromOciConfigFile(options) }` so each attempt re-reads them.
 */
export async function fromOciConfigFile(
  options: OciConfigFileOptions = {},
): Promise<OciCredentials> {
  const env = options.env ?? process.env;
  const homeDir = options.homeDir ?? homedir();
  const location = resolveOciConfigLocation(options, env, homeDir);
  const profile = resolveOciProfileName(options, env);
  const configFile = location.path;
  const settings = ociProfileSettings(
    parseOciConfig(await readConfigFile(location), configFile),
    profile,
  );
  const where = `profile [${profile}] of ${configFile}`;
  const setting = (key: string): string | undefined => settings.get(key) || undefined;
  const required = (key: string, why: string): string => {
    const value = setting(key);
    if (value === undefined) throw new CredentialsError(`${where} has no "${key}" (${why})`);
    return value;
  };

  const declared = setting('authentication_type');
  if (declared !== undefined && !SUPPORTED_AUTHENTICATION_TYPES.has(declared)) {
    throw new CredentialsError(
      `${where} has authentication_type=${declared}; only api_key and security_token profiles are supported`,
    );
  }

  const tokenFile = setting('security_token_file');
  let keyId: string;
  let authenticationType: OciAuthenticationType;
  if (tokenFile !== undefined) {
    // A session profile usually keeps user/fingerprint lines, but they must not reach the keyId:
    // oci-common's config-file provider builds `tenancy//fingerprint` here, which OCI rejects.
    const tokenPath = expandHome(tokenFile, homeDir);
    const token = await readSecretFile(tokenPath, `security_token_file of ${where}`);
    keyId = sessionKeyId(token, `security token file ${tokenPath} (${where})`);
    authenticationType = 'security_token';
  } else {
    const why = 'required for an API-key profile without security_token_file';
    keyId = apiKeyId(
      {
        tenancy: required('tenancy', why),
        user: required('user', why),
        fingerprint: required('fingerprint', why),
      },
      where,
    );
    authenticationType = 'api_key';
  }

  const keyPath = expandHome(required('key_file', 'path of the PEM private key'), homeDir);
  const keySource = `key file ${keyPath} (key_file of ${where})`;
  const privateKey = await loadOciPrivateKey(
    await readSecretFile(keyPath, `key_file of ${where}`),
    {
      passPhrase: setting('pass_phrase'),
      source: keySource,
    },
  );
  const region = setting('region') ?? (env['OCI_REGION'] || undefined);
  return new OciCredentials({ keyId, privateKey, region, authenticationType, configFile, profile });
}

async function readConfigFile(location: OciConfigLocation): Promise<string> {
  try {
    return await readFile(location.path, 'utf8');
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    const origin =
      location.origin === 'OCI_CONFIG_FILE'
        ? ' (from OCI_CONFIG_FILE)'
        : location.origin === 'default'
          ? ' (the default location; set OCI_CONFIG_FILE or pass configFile)'
          : '';
    const problem = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`;
    throw new CredentialsError(`OCI config file ${location.path}${origin} ${problem}`, { cause });
  }
}

/** Reads a key or token file; the error names the file and who referenced it, never the content. */
async function readSecretFile(path: string, referencedBy: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    const problem = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`;
    throw new CredentialsError(`${path} (${referencedBy}) ${problem}`, { cause });
  }
}
