/**
 * Unknown input members are refused, botocore's way (issue 16 item 5): a ValidationError that
 * names the key and lists the members the operation accepts, before anything is sent, in every
 * client; the CLI can only fill members the operation accepts.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from 'cloud-sessions/runtime';
import { JupyterServerClient } from 'cloud-sessions/jupyter-server';
import { checkUnknownKeys } from '../../src/client/unknown-keys.js';
import { API_COMMANDS } from '../../src/cli/commands.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { runCliOnEmulator } from '../cli/in-process.js';
import { CLIENTS, SUCCESS } from './clients.js';
import { json, startHostileServer, type HostileServer } from './servers.js';

let server: HostileServer;
let answer: unknown;
beforeAll(async () => {
  server = await startHostileServer((res) => json(res, 200, answer));
});
afterAll(() => server.close());

/** Near-miss spellings of a real member of each client's call. */
const TYPOS: Record<string, string> = {
  Athena: 'notebookId',
  NimbleStudio: 'ownedby',
  AiDataPlatform: 'clusterId',
  JupyterServer: 'sessionId',
};

describe.each(CLIENTS)('$name', (client) => {
  it('a typo of a member is a ValidationError naming it and listing the accepted members', async () => {
    const before = server.hits.length;
    const { call } = client.make({ endpoint: server.url });
    const error = (await call({ [TYPOS[client.name]!]: 'x' }).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.parameter).toBe(TYPOS[client.name]);
    expect(error.message).toContain(`"${TYPOS[client.name]}"`);
    expect(error.message).toMatch(/must be one of: \w+/);
    expect(server.hits.length).toBe(before);
  });

  it('a member set to undefined is not unknown (it is never sent)', async () => {
    answer = SUCCESS[client.name];
    const before = server.hits.length;
    await client.make({ endpoint: server.url }).call({ notAMember: undefined });
    expect(server.hits.length).toBe(before + 1);
  });
});

it('an operation without input refuses any key, and says it takes none', async () => {
  const client = new JupyterServerClient({ endpoint: server.url, token: 't' });
  const error = (await client
    .listSessions({ limit: 5 } as never)
    .catch((e: unknown) => e)) as ValidationError;
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.message).toContain('takes no input');
});

it('checkUnknownKeys lists every accepted member in order', () => {
  expect(() =>
    checkUnknownKeys({ a: 1, zz: 2 }, { a: { type: 'integer' }, b: { type: 'string' } }, 'Op'),
  ).toThrow('unknown parameter "zz" in Op input, must be one of: a, b');
});

describe('CLI', () => {
  /** Input members of an operation in its spec: parameters and JSON body properties. */
  function specMembers(specFile: string, operationId: string): Set<string> {
    const doc = parse(
      readFileSync(new URL(`../../specs/${specFile}.yaml`, import.meta.url), 'utf8'),
    );
    const members = new Set<string>();
    for (const item of Object.values<Record<string, any>>(doc.paths)) {
      for (const op of Object.values<any>(item)) {
        if (op?.operationId !== operationId) continue;
        for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) members.add(p.name);
        const ref: string | undefined = Object.values<any>(op.requestBody?.content ?? {})[0]?.schema
          ?.$ref;
        const schema = ref ? doc.components.schemas[ref.split('/').pop()!] : undefined;
        for (const name of Object.keys(schema?.properties ?? {})) members.add(name);
      }
    }
    return members;
  }
  const SPEC_OF: Record<string, [string, string]> = {
    athena: ['athena', 'ListNotebookSessions'],
    'athena-sessions': ['athena', 'ListSessions'],
    nimble: ['nimble-studio', 'ListStreamingSessions'],
    oci: ['oci-ai-data-platform', 'ListSessions'],
    jupyter: ['jupyter-server', 'ListSessions'],
  };

  it.each(API_COMMANDS.map((c) => [c.name, c] as const))(
    'list %s fills only members its operation accepts',
    (_name, command) => {
      const [spec, operationId] = SPEC_OF[command.name]!;
      const accepted = specMembers(spec, operationId);
      for (const flag of command.flags) {
        if ('member' in flag.target) expect(accepted).toContain(flag.target.member);
      }
    },
  );

  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    await emu.close();
  });

  const run = (args: string[]) => runCliOnEmulator(emu, ['list', 'nimble'], args);

  it('list nimble with every filter set reaches the service (no member is refused)', async () => {
    const studio = emu.data.nimble.studios[0]!;
    const result = await run([
      '--studio-id',
      studio.studioId,
      '--owned-by',
      'nobody',
      '--created-by',
      'nobody',
      '--session-ids',
      'x',
      '--output',
      'json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('a misspelt option is a usage error naming it, before any request', async () => {
    const before = emu.requests.length;
    const result = await run(['--studio-id', 'studio', '--ownedby', 'me']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--ownedby');
    expect(emu.requests.length).toBe(before);
  });
});
