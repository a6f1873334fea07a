/**
 * The real case of issue 13: Debian's botocore 1.29.27 Nimble model (vendored, see
 * test/fixtures/botocore-1.29.27/SOURCE.md) predates members the project's spec has. The "old"
 * spec is the project's spec cut down to that model: StreamingSession keeps only the members the
 * old model has, enums take the old model's values, and component schemas the old model does not
 * define go. The report must list exactly the missing members and the types only they use.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffSpecs } from '../../scripts/api-diff/index.js';
import type { Json } from '../../scripts/api-diff/flatten.js';

const root = new URL('../../', import.meta.url);
const oldModel: Json = JSON.parse(
  readFileSync(
    new URL('test/fixtures/botocore-1.29.27/nimble/2020-08-01/service-2.json', root),
    'utf8',
  ),
);
const specText = readFileSync(new URL('specs/nimble-studio.yaml', root), 'utf8');

function oldSpec(): Json {
  const spec: Json = parse(specText);
  const shapes: Json = oldModel.shapes;
  const schemas: Json = spec.components.schemas;
  const session = schemas.StreamingSession.properties;
  for (const member of Object.keys(session)) {
    if (!(member in shapes.StreamingSession.members)) delete session[member];
  }
  const op = spec.paths['/2020-08-01/studios/{studioId}/streaming-sessions'].get;
  const request = shapes.ListStreamingSessionsRequest.members;
  op.parameters = op.parameters.filter((p: Json) => p.name in request);
  for (const name of Object.keys(schemas)) {
    if (!(name in shapes)) delete schemas[name];
    else if (schemas[name].enum) schemas[name].enum = shapes[name].enum;
  }
  return spec;
}

const newMembers = Object.keys(
  parse(specText).components.schemas.StreamingSession.properties,
).filter((m) => !(m in oldModel.shapes.StreamingSession.members));
const newTypes = Object.keys(parse(specText).components.schemas).filter(
  (n) => !(n in oldModel.shapes),
);

const expected = [
  ...newMembers.map((m) => `ListStreamingSessions.output.sessions[].${m}`),
  ...newTypes.map((n) => `components.schemas.${n}`),
].sort();

describe('Nimble Studio: botocore 1.29.27 model vs specs/nimble-studio.yaml', () => {
  it('the old model lacks the seven members SOURCE.md names, and their five types', () => {
    expect(newMembers.sort()).toEqual([
      'automaticTerminationMode',
      'backupMode',
      'maxBackupsToRetain',
      'sessionPersistenceMode',
      'startedFromBackupId',
      'volumeConfiguration',
      'volumeRetentionMode',
    ]);
    expect(newTypes.sort()).toEqual([
      'AutomaticTerminationMode',
      'SessionBackupMode',
      'SessionPersistenceMode',
      'VolumeConfiguration',
      'VolumeRetentionMode',
    ]);
  });

  it('old -> new lists exactly those members and types, all compatible', () => {
    const report = diffSpecs(
      { 'nimble-studio': oldSpec() },
      { 'nimble-studio': specText },
      { version: '0.1.0' },
    );
    expect(report.changes.map((c) => c.path).sort()).toEqual(expected);
    expect(new Set(report.changes.map((c) => `${c.change} ${c.class}`))).toEqual(
      new Set(['added compatible']),
    );
    expect([report.version.bump, report.version.to]).toEqual(['patch', '0.1.1']);
  });

  it('new -> old lists exactly the same elements, all breaking for code', () => {
    const report = diffSpecs(
      { 'nimble-studio': specText },
      { 'nimble-studio': oldSpec() },
      { version: '0.1.0' },
    );
    expect(report.changes.map((c) => c.path).sort()).toEqual(expected);
    expect(new Set(report.changes.map((c) => `${c.change} ${c.class}`))).toEqual(
      new Set(['removed breaking-code']),
    );
    expect([report.version.bump, report.version.to]).toEqual(['minor', '0.2.0']);
  });
});
