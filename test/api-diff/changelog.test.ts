import { describe, expect, it } from 'vitest';
import { draftEntry, insertEntry } from '../../scripts/api-diff/changelog.js';
import { diffSpecs } from '../../scripts/api-diff/index.js';
import { demoSpec, mutated, op, thing } from './demo-spec.js';

const changed = mutated((s) => {
  thing(s).properties.color = { type: 'string' };
  delete thing(s).properties.count;
  op(s).parameters.find((p: { name: string }) => p.name === 'limit').schema.maximum = 20;
  thing(s).properties.id.description = 'The thing ID.';
});

describe('changelog draft', () => {
  it('sorts the report into Added / Changed / Removed, breaking marked, docs counted', () => {
    const report = diffSpecs(
      { demo: demoSpec() },
      { demo: changed },
      { version: '0.3.1', base: 'v0.3.1' },
    );
    expect(draftEntry(report, '2026-12-08')).toBe(
      [
        '## [0.4.0] - 2026-12-08',
        '',
        'API changes since v0.3.1, a minor release (major change, 0.x); see `npm run api-diff -- --base v0.3.1`.',
        '',
        '### Added',
        '',
        '- demo: `ListThings.output.things[].color`: output member added.',
        '',
        '### Changed',
        '',
        '- **Breaking on the wire:** demo: `ListThings.input.limit`: maximum: 50 -> 20.',
        '- demo: 1 documentation change.',
        '',
        '### Removed',
        '',
        "- **Breaking for callers' code:** demo: `ListThings.output.things[].count`: output member removed.",
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', () => {
    const report = diffSpecs(
      { demo: demoSpec() },
      { demo: demoSpec() },
      { version: '1.0.0', base: 'HEAD' },
    );
    expect(draftEntry(report, '2026-12-08')).toBe(
      '## [1.0.0] - 2026-12-08\n\nNo API changes since HEAD.\n',
    );
  });

  it('inserts the entry below Unreleased, above the last release', () => {
    const log = '# Changelog\n\n## [Unreleased]\n\n- x\n\n## [0.1.0] - 2026-11-22\n\n- y\n';
    expect(insertEntry(log, '## [0.2.0] - 2026-12-08\n\n- z\n')).toBe(
      '# Changelog\n\n## [Unreleased]\n\n- x\n\n## [0.2.0] - 2026-12-08\n\n- z\n\n## [0.1.0] - 2026-11-22\n\n- y\n',
    );
  });
});
