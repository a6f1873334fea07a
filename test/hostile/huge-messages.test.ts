/**
 * Error messages a server chooses are cut past a few KB with a marker (issue 16 item 6); the
 * full body stays on the error. A 1 MB `message` used to become a 1 MB `error.message`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from 'cloud-sessions/runtime';
import { identifyError } from '../../src/client/error-parsing.js';
import { cutText, MESSAGE_LIMIT } from '../../src/errors/cut.js';
import { CLIENTS } from './clients.js';
import { startHostileServer, type HostileServer } from './servers.js';

const HUGE = 'm'.repeat(1_000_000);

/** The error body each protocol sends, with the message in its own member. */
const ERROR_BODY: Record<string, { headers?: Record<string, string>; body: object }> = {
  Athena: { body: { __type: 'InvalidRequestException', Message: HUGE } },
  NimbleStudio: { headers: { 'x-amzn-errortype': 'ValidationException' }, body: { message: HUGE } },
  AiDataPlatform: { body: { code: 'InvalidParameter', message: HUGE } },
  JupyterServer: { body: { message: HUGE, reason: null } },
};

let server: HostileServer;
let current = '';
beforeAll(async () => {
  server = await startHostileServer((res) => {
    const { headers, body } = ERROR_BODY[current]!;
    res.writeHead(400, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  });
});
afterAll(() => server.close());

describe.each(CLIENTS)('$name', (client) => {
  it('a 1 MB message becomes a message of a few KB with a marker; the body keeps it whole', async () => {
    current = client.name;
    const error = (await client
      .make({ endpoint: server.url })
      .call()
      .catch((e: unknown) => e)) as ServiceError;
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message.length).toBeLessThanOrEqual(MESSAGE_LIMIT + 64);
    expect(error.message).toMatch(/… \[\d+ more characters cut\]$/);
    const body = error.body as { message?: string; Message?: string };
    expect((body.message ?? body.Message)!.length).toBe(HUGE.length);
  });
});

describe('cutText', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['0123456789ab', 10, '0123456789… [2 more characters cut]'],
    // A surrogate pair on the cut is kept whole or dropped whole, never split.
    ['012345678\uD83D\uDE00', 10, '012345678… [2 more characters cut]'],
  ])('%j at %i', (text, limit, expected) => {
    expect(cutText(text, limit)).toBe(expected);
  });

  it('a huge error code is cut too (it is printed as the error name stands in)', () => {
    const { code } = identifyError('restJson', 400, {}, { code: 'C'.repeat(10_000) });
    expect(code.length).toBeLessThan(400);
  });
});
