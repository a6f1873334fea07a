/**
 * The `~/.oci/config` format (Oracle "SDK and CLI Configuration File", sdkconfig.htm), as read by
 * oci-common's `ConfigFileReader`: `[PROFILE]` sections, `key=value` split at the first `=` and
 * trimmed, `#` comment lines, blank lines ignored, missing keys taken from `[DEFAULT]`.
 * Pure and browser-safe; file access lives in `oci-config-node.ts`.
 */
import { CredentialsError } from '../errors/index.js';

/** The profile every other profile falls back to. */
export const OCI_DEFAULT_PROFILE = 'DEFAULT';

/** A parsed config file: profile name -> key -> value, in file order. */
export interface OciConfig {
  /** Where the text came from, used in error messages. */
  source: string;
  profiles: Map<string, Map<string, string>>;
}

/**
 * Parses config text. Lines may end in `\r\n`. A value keeps any `#` after the `=`, as oci-common
 * and Python's configparser do (no inline comments). Repeated sections merge and a repeated key
 * takes the last value. Errors give the file and line number but never the line itself, which
 * could hold a pass phrase.
 */
export function parseOciConfig(text: string, source: string): OciConfig {
  const profiles = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const where = `${source} line ${index + 1}`;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('[') && line.endsWith(']')) {
      const name = line.slice(1, -1).trim();
      if (!name) throw new CredentialsError(`${where}: empty profile name "[]"`);
      current = profiles.get(name) ?? new Map();
      profiles.set(name, current);
      return;
    }
    const eq = line.indexOf('=');
    if (eq === -1) {
      throw new CredentialsError(
        `${where}: malformed line, expected "key=value", "[PROFILE]", a "#" comment or a blank line`,
      );
    }
    const key = line.slice(0, eq).trim();
    if (!key) throw new CredentialsError(`${where}: line has "=" but no key before it`);
    if (!current) {
      throw new CredentialsError(`${where}: key "${key}" appears before any [PROFILE] header`);
    }
    current.set(key, line.slice(eq + 1).trim());
  });
  return { source, profiles };
}

/**
 * The settings of `profile`, with keys it lacks taken from `[DEFAULT]`. An unknown profile is a
 * CredentialsError listing the profiles the file does have.
 */
export function ociProfileSettings(config: OciConfig, profile: string): Map<string, string> {
  const own = config.profiles.get(profile);
  if (!own) {
    const names = [...config.profiles.keys()];
    const available = names.length ? names.join(', ') : 'none';
    throw new CredentialsError(
      `profile "${profile}" not found in ${config.source} (available profiles: ${available})`,
    );
  }
  const defaults = config.profiles.get(OCI_DEFAULT_PROFILE) ?? new Map<string, string>();
  return new Map([...defaults, ...own]);
}
