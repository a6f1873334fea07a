/**
 * The service's responses move on: a new enum value, new members at the top and nested, an
 * optional member it stops sending. Output is never validated, so a deployed client returns what
 * the service sent, unchanged apart from the `Date` conversion of the timestamps it knows, in
 * both validation modes (issue 14, item 3; specs/README.md "Validation modes").
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { StreamingSessionState } from 'cloud-sessions/nimble-studio';
import type { Schemas as OciSchemas } from 'cloud-sessions/oci-ai-data-platform';
import { MODES, athena, nimble, oci } from './clients.js';
import { useOneOfEach } from './one-of-each.js';

const env = useOneOfEach();
const { notebookId, studioId, ociIds } = env;

describe.each(MODES)('output evolution, %s validation', (mode) => {
  it('a new enum value in output passes through unchanged (Nimble state, statusCode)', async () => {
    env.evolution = {
      kind: 'forward',
      rewrite: (body) => {
        body.sessions[0].state = 'HIBERNATED';
        body.sessions[0].statusCode = 'STREAMING_SESSION_HIBERNATED';
        return body;
      },
    };
    const page = await nimble(env.emu, env.service.url, mode).listStreamingSessions({
      studioId: studioId(),
    });
    const first = page.sessions![0]!;
    expect(first.state).toBe('HIBERNATED');
    expect(first.statusCode).toBe('STREAMING_SESSION_HIBERNATED');
    expect(first.createdAt).toBeInstanceOf(Date);
    expect(page.sessions!.length).toBe(
      env.emu.data.nimble.studios[0]!.sessions.slice(0, 25).length,
    );
  });

  it('a new enum value nested two levels down passes through (OCI kernel.execution_state)', async () => {
    env.evolution = {
      kind: 'forward',
      rewrite: (body) => {
        body.items[0].kernel.execution_state = 'hibernating';
        return body;
      },
    };
    const page = await oci(env.emu, env.service.url, mode).listSessions(ociIds());
    expect(page.items[0]!.kernel?.execution_state).toBe('hibernating');
    expect(page.items[0]!.kernel?.last_activity).toBeInstanceOf(Date);
  });

  it('new output members, top level and nested, are kept on the result', async () => {
    env.evolution = {
      kind: 'forward',
      rewrite: (body) => ({
        ...body,
        WorkGroup: { Name: 'primary', Engine: { Version: 'PySpark 3' } },
        NotebookSessionsList: body.NotebookSessionsList.map((s: object) => ({
          ...s,
          SessionState: 'IDLE',
          Tags: [{ Key: 'team', Value: 'data' }],
        })),
      }),
    };
    const page = await athena(env.emu, env.service.url, mode).listNotebookSessions({
      NotebookId: notebookId(),
    });
    const unknown = page as typeof page & { WorkGroup?: unknown };
    expect(unknown.WorkGroup).toEqual({ Name: 'primary', Engine: { Version: 'PySpark 3' } });
    const first = page.NotebookSessionsList[0] as (typeof page.NotebookSessionsList)[number] &
      Record<string, unknown>;
    expect(first.SessionState).toBe('IDLE');
    expect(first.Tags).toEqual([{ Key: 'team', Value: 'data' }]);
    // The members the spec knows are still converted.
    expect(first.CreationTime).toBeInstanceOf(Date);
    expect(first.SessionId).toBe(env.emu.data.athena.notebooks[0]!.sessions[0]!.SessionId);
  });

  it('an optional output member the service stops sending is absent, not an error', async () => {
    env.evolution = {
      kind: 'forward',
      rewrite: (body) => {
        for (const s of body.sessions) {
          delete s.createdAt;
          delete s.state;
          delete s.volumeConfiguration;
        }
        return body;
      },
    };
    const page = await nimble(env.emu, env.service.url, mode).listStreamingSessions({
      studioId: studioId(),
    });
    for (const s of page.sessions!) {
      expect('createdAt' in s).toBe(false);
      expect('state' in s).toBe(false);
      expect(s.updatedAt).toBeInstanceOf(Date);
    }
  });

  it('an optional nested timestamp that disappears leaves the rest converted (Athena)', async () => {
    env.evolution = {
      kind: 'forward',
      rewrite: (body) => {
        delete body.NotebookSessionsList[0].CreationTime;
        return body;
      },
    };
    const page = await athena(env.emu, env.service.url, mode).listNotebookSessions({
      NotebookId: notebookId(),
    });
    expect('CreationTime' in page.NotebookSessionsList[0]!).toBe(false);
    expect(page.NotebookSessionsList[1]?.CreationTime).toBeInstanceOf(Date);
  });
});

describe('open enum types', () => {
  it('accept a value added after generation, and are not widened to plain string', () => {
    const later: StreamingSessionState = 'HIBERNATED';
    const known: StreamingSessionState = 'READY';
    expect([later, known]).toEqual(['HIBERNATED', 'READY']);
    expectTypeOf<StreamingSessionState>().not.toEqualTypeOf<string>();
    expectTypeOf<'READY'>().toMatchTypeOf<StreamingSessionState>();
    type ExecutionState = Exclude<OciSchemas['KernelSummary']['execution_state'], undefined>;
    expectTypeOf<'hibernating'>().toMatchTypeOf<ExecutionState>();
    expectTypeOf<ExecutionState>().not.toEqualTypeOf<string>();
  });
});
