/**
 * The version bump a set of classified changes implies.
 *
 * Semantic Versioning 2.0.0 (semver.org): breaking -> major, compatible additions -> minor,
 * anything else that changes the published files (docs) -> patch. Below 1.0.0, SemVer item 4 says
 * anything may change, so we follow the convention npm's caret ranges encode instead
 * (node-semver: `^0.1.0` means `>=0.1.0 <0.2.0`; Cargo reads 0.y.z the same way): the leftmost
 * non-zero part is the "major". For 0.y.z a breaking change bumps y (0.1.0 -> 0.2.0) and
 * everything else bumps z, so an app depending on `^0.1.0` never receives a breaking change.
 * That is the rule a user's package manager applies, which is what the bump is for.
 */
import type { ChangeClass } from './rules.js';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface VersionBump {
  /** The SemVer level of the change, as if the package were 1.0.0 or later. */
  level: Bump;
  /** The part of the version that actually moves (for 0.y.z: breaking -> minor). */
  bump: Bump;
  from: string;
  to: string;
}

export function levelOf(classes: Iterable<ChangeClass>): Bump {
  let level: Bump = 'none';
  for (const c of classes) {
    if (c === 'breaking-code' || c === 'breaking-wire') return 'major';
    if (c === 'compatible') level = 'minor';
    else if (c === 'docs' && level === 'none') level = 'patch';
  }
  return level;
}

export function nextVersion(version: string, classes: Iterable<ChangeClass>): VersionBump {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m)
    throw new Error(
      `api-diff: package.json version ${JSON.stringify(version)} is not SemVer x.y.z`,
    );
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const level = levelOf(classes);
  let bump: Bump = level;
  if (major === 0 && level !== 'none') bump = level === 'major' ? 'minor' : 'patch';
  const to =
    bump === 'major'
      ? `${major + 1}.0.0`
      : bump === 'minor'
        ? `${major}.${minor + 1}.0`
        : bump === 'patch'
          ? `${major}.${minor}.${patch + 1}`
          : version;
  return { level, bump, from: version, to };
}
