import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffSpecs } from '../../scripts/api-diff/index.js';
import type { ChangeClass } from '../../scripts/api-diff/rules.js';
import { nextVersion } from '../../scripts/api-diff/semver.js';

const specText = readFileSync(new URL('../../specs/nimble-studio.yaml', import.meta.url), 'utf8');
const full = parse(specText);
const members = Object.keys(full.components.schemas.StreamingSession.properties);

describe('api-diff properties', () => {
  it('removing any set of output members: exactly those, compatible one way, breaking for code the other', () => {
    fc.assert(
      fc.property(fc.subarray(members, { minLength: 1 }), (removed) => {
        const cut = structuredClone(full);
        for (const m of removed) delete cut.components.schemas.StreamingSession.properties[m];
        const paths = removed.map((m) => `ListStreamingSessions.output.sessions[].${m}`).sort();
        const up = diffSpecs({ n: cut }, { n: full }, { version: '1.2.3' });
        const down = diffSpecs({ n: full }, { n: cut }, { version: '1.2.3' });
        expect(up.changes.map((c) => c.path).sort()).toEqual(paths);
        expect(down.changes.map((c) => c.path).sort()).toEqual(paths);
        expect(up.changes.every((c) => c.class === 'compatible')).toBe(true);
        expect(down.changes.every((c) => c.class === 'breaking-code')).toBe(true);
        expect([up.version.to, down.version.to]).toEqual(['1.3.0', '2.0.0']);
      }),
      { numRuns: 50 },
    );
  });

  const classes = fc.array(
    fc.constantFrom<ChangeClass>('breaking-code', 'breaking-wire', 'compatible', 'docs'),
  );
  const version = fc.tuple(fc.nat(5), fc.nat(20), fc.nat(20));

  it('the bump never moves backwards, and breaks move the leftmost non-zero part', () => {
    fc.assert(
      fc.property(version, classes, ([x, y, z], cs) => {
        const v = nextVersion(`${x}.${y}.${z}`, cs);
        const breaking = cs.some((c) => c.startsWith('breaking'));
        const [a, b, c] = v.to.split('.').map(Number) as [number, number, number];
        expect(a * 1e6 + b * 1e3 + c).toBeGreaterThanOrEqual(x * 1e6 + y * 1e3 + z);
        if (breaking) expect(x === 0 ? [a, b] : [a]).toEqual(x === 0 ? [0, y + 1] : [x + 1]);
        else expect(a).toBe(x);
        if (cs.length === 0) expect(v.to).toBe(`${x}.${y}.${z}`);
      }),
    );
  });

  it('a version that is not x.y.z is refused, naming it', () => {
    expect(() => nextVersion('next', [])).toThrow(/package.json version "next" is not SemVer/);
  });
});
