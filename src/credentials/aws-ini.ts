import { CredentialsError } from '../errors/index.js';

/** Section name -> key -> value. Null-prototype records, so `__proto__` is an ordinary name. */
export type IniSections = Record<string, Record<string, string>>;

/** Profile name -> key -> value, after mapping config-file section names to profile names. */
export type AwsProfiles = Record<string, Record<string, string>>;

function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * Removes a comment: `#` or `;` at the start of the line or after whitespace. That is SDK v3's
 * rule (`@smithy/core` `parseIni`: `line.split(/(^|\s)[;#]/)[0]`), so `a=b#c` keeps `b#c`.
 */
function stripComment(line: string): string {
  const match = /(^|\s)[;#]/.exec(line);
  return match ? line.slice(0, match.index) : line;
}

/**
 * Parses an AWS shared credentials or config file (the format the AWS CLI and SDK v3 read).
 * Comments start with `#` or `;`; repeated sections are merged, later keys winning; a key with
 * an empty value opens a sub-section whose indented `key = value` lines are stored as
 * `parent.key` (the `s3 =` / `  max_concurrent_requests = 10` form); an indented line without
 * `=` continues the previous value, joined with a newline as Python's configparser (the AWS CLI)
 * does. Anything else, including a key before the first section, raises {@link CredentialsError}
 * naming `file` and the line number; the line's text is never echoed because it may hold a key.
 */
export function parseIni(text: string, file: string): IniSections {
  const sections = record<Record<string, string>>();
  let section: Record<string, string> | undefined;
  let subSection: string | undefined;
  let lastKey: string | undefined;
  const fail = (lineNumber: number, reason: string): never => {
    throw new CredentialsError(`Malformed AWS config file ${file} line ${lineNumber}: ${reason}`);
  };

  text.split(/\r?\n/).forEach((rawLine, index) => {
    const lineNumber = index + 1;
    const line = stripComment(rawLine).trim();
    if (line === '') return;
    const indented = /^\s/.test(rawLine);

    if (line.startsWith('[')) {
      if (!line.endsWith(']')) fail(lineNumber, 'section header is missing its closing "]"');
      const name = line.slice(1, -1).trim();
      if (name === '') fail(lineNumber, 'section name is empty');
      section = sections[name] ??= record<string>();
      subSection = undefined;
      lastKey = undefined;
      return;
    }
    if (section === undefined) return fail(lineNumber, 'key outside any [section]');

    const equals = line.indexOf('=');
    if (equals === -1) {
      if (indented && lastKey !== undefined) {
        section[lastKey] = `${section[lastKey] ?? ''}\n${line}`;
        return;
      }
      return fail(lineNumber, 'expected "key = value"');
    }
    const key = line.slice(0, equals).trim();
    const value = line.slice(equals + 1).trim();
    if (key === '') return fail(lineNumber, 'key name is empty');

    if (!indented) subSection = undefined;
    if (subSection !== undefined) {
      lastKey = `${subSection}.${key}`;
      section[lastKey] = value;
    } else if (value === '') {
      subSection = key;
      lastKey = undefined;
    } else {
      lastKey = key;
      section[key] = value;
    }
  });
  return sections;
}

/**
 * The profile a config-file section describes: `[default]` and `[profile NAME]` (quotes around
 * NAME allowed, as botocore's `shlex` split and SDK v3's section regex accept). Other sections
 * (`[sso-session x]`, `[services x]`, a bare `[x]`) are not profiles in the config file.
 */
export function configSectionProfileName(section: string): string | undefined {
  if (section === 'default') return 'default';
  const match = /^profile\s+(["']?)(.+)\1$/.exec(section);
  const name = match?.[2]?.trim();
  return name === '' ? undefined : name;
}

function mergeInto(target: AwsProfiles, name: string, values: Record<string, string>): void {
  const profile = (target[name] ??= record<string>());
  for (const [key, value] of Object.entries(values)) profile[key] = value;
}

/**
 * Merges both files into one profile map. Credentials-file sections are profile names as
 * written; config-file sections go through {@link configSectionProfileName}, with
 * `[profile default]` keys winning over `[default]` (SDK v3's `getConfigData` order). For the
 * same profile the credentials file wins key by key, as SDK v3 (`mergeConfigFiles(config,
 * credentials)`) and the AWS CLI do.
 */
export function mergeAwsProfiles(
  config: IniSections | undefined,
  credentials: IniSections | undefined,
): AwsProfiles {
  const profiles = record<Record<string, string>>();
  if (config) {
    const names = Object.keys(config).sort((a, b) =>
      a === 'default' ? -1 : b === 'default' ? 1 : 0,
    );
    for (const section of names) {
      const name = configSectionProfileName(section);
      if (name !== undefined) mergeInto(profiles, name, config[section] ?? {});
    }
  }
  if (credentials) {
    for (const [section, values] of Object.entries(credentials)) {
      mergeInto(profiles, section, values);
    }
  }
  return profiles;
}
