/**
 * Path parameters stay in their segment (issue 16 item 2). Walks every operation of every spec
 * in specs/ (so an operation a future spec adds is covered without editing this file), and
 * calls each path-bound member with values that URL parsing would collapse: the call is a
 * ValidationError naming the member and nothing reaches the server. Then a property test on
 * the request builder: for any value, the sent path keeps its shape and decodes back to it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from 'cloud-sessions/runtime';
import { createRequestBuilder } from '../../src/client/request-builder.js';
import type { HttpRequest } from '../../src/transport/http-request.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { NimbleStudioClient } from 'cloud-sessions/nimble-studio';
import { AiDataPlatformClient } from 'cloud-sessions/oci-ai-data-platform';
import { testAwsCredentials, testOciAuth } from '../helpers/credentials.js';
import { json, startHostileServer, type HostileServer } from './servers.js';

const SPECS = new URL('../../specs/', import.meta.url);

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}
interface PathOperation {
  spec: string;
  clientName: string;
  auth: string;
  operationId: string;
  path: string;
  parameters: Parameter[];
}

/** Every operation with at least one path parameter, from every spec. */
function pathOperations(): PathOperation[] {
  const found: PathOperation[] = [];
  for (const file of readdirSync(SPECS).filter((f) => f.endsWith('.yaml'))) {
    const doc = parse(readFileSync(new URL(file, SPECS), 'utf8'));
    const deref = (p: { $ref?: string }): Parameter =>
      p.$ref ? doc.components.parameters[p.$ref.split('/').pop()!] : (p as Parameter);
    for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths)) {
      const shared = ((item.parameters as object[]) ?? []).map(deref);
      for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head']) {
        const op = item[method] as { operationId: string; parameters?: object[] } | undefined;
        if (!op) continue;
        const parameters = [...shared, ...(op.parameters ?? []).map(deref)];
        if (!parameters.some((p) => p.in === 'path')) continue;
        found.push({
          spec: file.replace(/\.yaml$/, ''),
          clientName: doc['x-client'].name,
          auth: doc['x-auth'].scheme,
          operationId: op.operationId,
          path,
          parameters,
        });
      }
    }
  }
  return found;
}

function configFor(auth: string, endpoint: string): Record<string, unknown> {
  const base = { endpoint, retry: false };
  if (auth === 'sigv4') return { ...base, region: 'us-east-1', credentials: testAwsCredentials };
  if (auth === 'oci-signature-v1') return { ...base, region: 'us-ashburn-1', auth: testOciAuth() };
  if (auth === 'header-token') return { ...base, token: 'tok' };
  return base;
}

type AnyClient = Record<string, (input: object) => Promise<unknown>>;

async function clientFor(op: PathOperation, endpoint: string): Promise<AnyClient> {
  const module = (await import(
    /* @vite-ignore */ new URL(`../../generated/${op.spec}/index.ts`, import.meta.url).href
  )) as Record<string, unknown>;
  const Client = module[`${op.clientName}Client`] as new (config: object) => AnyClient;
  return new Client(configFor(op.auth, endpoint));
}

const OPERATIONS = pathOperations();
const COLLAPSING = ['.', '..', ''];

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer((res) => json(res, 200, {}));
});
afterAll(() => server.close());

it('finds the path-bound operations of every spec that has any', () => {
  expect(new Set(OPERATIONS.map((o) => o.spec))).toEqual(
    new Set(['jupyter-server', 'nimble-studio', 'oci-ai-data-platform']),
  );
});

describe.each(OPERATIONS.map((o) => [`${o.clientName}.${o.operationId}`, o] as const))(
  '%s',
  (_name, op) => {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const validInput = (): Record<string, string> =>
      Object.fromEntries(op.parameters.filter((p) => p.required).map((p) => [p.name, 'ok-1']));

    it.each(pathParams.flatMap((p) => COLLAPSING.map((v) => [p.name, v] as const)))(
      '%s = %j is a ValidationError and nothing is sent',
      async (member, value) => {
        const client = await clientFor(op, server.url);
        const method = op.operationId[0]!.toLowerCase() + op.operationId.slice(1);
        const before = server.hits.length;
        const error = await client[method]!({ ...validInput(), [member]: value }).catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).parameter).toBe(member);
        expect(server.hits.length).toBe(before);
      },
    );

    it('a valid value is sent in its own segment (control)', async () => {
      const client = await clientFor(op, server.url);
      const method = op.operationId[0]!.toLowerCase() + op.operationId.slice(1);
      const before = server.hits.length;
      await client[method]!({ ...validInput(), [pathParams[0]!.name]: 'a.b..c%2e' }).catch(
        () => undefined,
      );
      expect(server.hits.length).toBe(before + 1);
      const sent = new URL(server.hits.at(-1)!.target, server.url).pathname;
      expect(sent.split('/')).toHaveLength(op.path.split('/').length);
      expect(sent).toContain('/a.b..c%252e');
    });
  },
);

describe('request builder: any path value keeps the path shape or is refused', () => {
  const template = '/v1/things/{id}/items';
  const sentPath = async (id: string): Promise<string | ValidationError> => {
    const http = createRequestBuilder<Record<string, never>>('http://127.0.0.1:1');
    let url: URL | undefined;
    const transport = async (request: HttpRequest) => {
      url = request.url;
      return new Response('{}', { status: 200 });
    };
    try {
      await (http as unknown as { GET: (path: string, init: object) => Promise<unknown> }).GET(
        template,
        {
          transport,
          headers: {},
          params: { path: { id } },
        },
      );
    } catch (error) {
      if (error instanceof ValidationError) return error;
      throw error;
    }
    return url!.pathname;
  };

  it('holds for arbitrary strings, dot-heavy ones included', async () => {
    const dotty = fc.array(fc.constantFrom('.', '%', '2', 'e', 'E', '/', '\\', '?', '#', 'a'), {
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          dotty.map((c) => c.join('')),
        ),
        async (id) => {
          const result = await sentPath(id);
          if (result instanceof ValidationError) {
            expect(['', '.', '..']).toContain(id);
            return;
          }
          const segments = result.split('/');
          expect(segments).toHaveLength(5);
          expect(decodeURIComponent(segments[3]!)).toBe(id);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the signer signs the path as sent (emulator verifies SigV4)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  it.each(['a..b', '.%2e', '%2E%2E', 'x y', "it's", '..a'])(
    'studioId %j: the signature verifies (not found, not a signature error)',
    async (studioId) => {
      const aws = emulator.credentials.aws[0]!;
      const client = new NimbleStudioClient({
        endpoint: emulator.url,
        region: emulator.credentials.region,
        credentials: { accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey },
        retry: false,
      });
      const error = (await client.listStreamingSessions({ studioId }).catch((e: unknown) => e)) as {
        code?: string;
      };
      expect(error.code).toBe('ResourceNotFoundException');
    },
  );

  it.each(['a..b', '.%2e', "it's (x)", '..a'])(
    'OCI workspaceKey %j: the (request-target) signature verifies (not found, not NotAuthenticated)',
    async (workspaceKey) => {
      const client = new AiDataPlatformClient({
        endpoint: emulator.url,
        region: emulator.credentials.region,
        auth: {
          keyId: emulator.credentials.oci.keyId,
          privateKey: emulator.credentials.oci.privateKeyPem,
        },
        retry: false,
      });
      const platform = emulator.data.oci.platforms[0]!.aiDataPlatformId;
      const error = (await client
        .listSessions({ aiDataPlatformId: platform, workspaceKey })
        .catch((e: unknown) => e)) as { code?: string };
      expect(error.code).toBe('NotAuthorizedOrNotFound');
    },
  );
});
