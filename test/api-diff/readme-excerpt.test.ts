/** The report excerpt in README "When an API changes" is what the report prints for its example. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffSpecs, renderMarkdown } from '../../scripts/api-diff/index.js';

const root = new URL('../../', import.meta.url);
const text = readFileSync(new URL('specs/nimble-studio.yaml', root), 'utf8');

/** The README's example: a member removed, an input made required, a limit added, a new state. */
function example() {
  const spec = parse(text);
  const session = spec.components.schemas.StreamingSession.properties;
  const params = spec.paths['/2020-08-01/studios/{studioId}/streaming-sessions'].get.parameters;
  const param = (name: string) => params.find((p: { name: string }) => p.name === name);
  delete session.backupMode;
  session.streamingImageId.maxLength = 20;
  param('createdBy').required = true;
  param('nextToken').schema.maxLength = 64;
  spec.components.schemas.StreamingSessionState.enum.push('HIBERNATED');
  return spec;
}

describe('README "When an API changes"', () => {
  it('shows the report the example really gives', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const section = readme.split('\n## When an API changes\n')[1] ?? '';
    const excerpt = /```md\n([\s\S]*?)```/.exec(section)?.[1];
    expect(excerpt).toBeDefined();
    const report = renderMarkdown(
      diffSpecs({ 'nimble-studio': text }, { 'nimble-studio': example() }, { version: '0.1.0' }),
    );
    expect(report).toContain(excerpt!);
  });
});
