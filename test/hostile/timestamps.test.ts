/**
 * Output timestamps (issue 16 item 3): a member the spec types as a timestamp is a valid `Date`
 * or the call fails with an InvalidResponseError naming the operation, the member path and the
 * value, with the raw body on the error. Both parsers cover the whole `Date` range
 * (±8.64e15 ms, ECMA-262 §21.4.1.1) and refuse everything else.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidResponseError } from 'cloud-sessions/runtime';
import { epochSeconds, iso8601, MAX_TIME_MS } from '../../src/client/timestamp-parsers.js';
import { JupyterServerClient } from 'cloud-sessions/jupyter-server';
import { CLIENTS } from './clients.js';
import { json, startHostileServer, type HostileServer } from './servers.js';

const FULL_RANGE = fc.date({
  min: new Date(-MAX_TIME_MS),
  max: new Date(MAX_TIME_MS),
  noInvalidDate: true,
});

describe('epochSeconds', () => {
  it('reads every number of seconds within the Date range, to the millisecond', () => {
    fc.assert(
      fc.property(fc.double({ min: -8.64e12, max: 8.64e12, noNaN: true }), (seconds) => {
        const date = epochSeconds(seconds);
        expect(date).toBeInstanceOf(Date);
        expect(date!.getTime()).toBe(Math.round(seconds * 1000) + 0);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses numbers past the Date range, non-finite numbers and non-numbers', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 8.64e12 + 0.01, noNaN: true }),
          fc.double({ max: -8.64e12 - 0.01, noNaN: true }),
        ),
        (seconds) => {
          expect(epochSeconds(seconds)).toBeUndefined();
        },
      ),
    );
    for (const value of [NaN, Infinity, -Infinity, 1e20, '1700000000', null, true, {}, []]) {
      expect(epochSeconds(value)).toBeUndefined();
    }
  });

  it('reads the range ends exactly', () => {
    expect(epochSeconds(8.64e12)!.getTime()).toBe(MAX_TIME_MS);
    expect(epochSeconds(-8.64e12)!.getTime()).toBe(-MAX_TIME_MS);
  });
});

describe('iso8601', () => {
  it('reads back toISOString() of every Date, expanded years included', () => {
    fc.assert(
      fc.property(FULL_RANGE, (date) => {
        expect(iso8601(date.toISOString())!.getTime()).toBe(date.getTime());
      }),
      { numRuns: 10_000 },
    );
  });

  it('reads any offset as the same instant', () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-02T00:00:00Z'),
          max: new Date('9999-12-30T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        (date, offset) => {
          const local = new Date(date.getTime() + offset * 60_000);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const text =
            local.toISOString().slice(0, -1) +
            `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
          expect(iso8601(text)!.getTime()).toBe(date.getTime());
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('never yields Invalid Date: any string is a valid Date or refused', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const date = iso8601(text);
        if (date !== undefined) expect(Number.isNaN(date.getTime())).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    'yesterday',
    '2024-13-45T99:99:99Z',
    '2023-02-29T00:00:00Z',
    '2024-01-01T25:00:00Z',
    '2024-01-01T00:00:00',
    '2024-01-01',
    '2024-01-01T00:00:00+24:00',
    '+275760-09-13T00:00:00.001Z',
    '-271821-04-19T23:59:59.999Z',
    '+275760-09-13T00:00:00.000-00:01',
    '-000000-01-01T00:00:00Z',
    '99999-01-01T00:00:00Z',
    'Tue, 01 Jan 2024 00:00:00 GMT',
  ])('refuses %j', (text) => {
    expect(iso8601(text)).toBeUndefined();
  });

  it.each([
    ['+275760-09-13T00:00:00.000Z', MAX_TIME_MS],
    ['-271821-04-20T00:00:00.000Z', -MAX_TIME_MS],
    ['2016-12-31T23:59:60Z', Date.UTC(2017, 0, 1)],
    ['2024-01-01T24:00:00Z', Date.UTC(2024, 0, 2)],
    ['2024-01-01t00:00:00z', Date.UTC(2024, 0, 1)],
    ['0000-01-01T00:00:00Z', Date.UTC(0, 0, 1) - Date.UTC(1900, 0, 1) + Date.UTC(1900, 0, 1)],
  ])('reads %j', (text, millis) => {
    const expected = text.startsWith('0000') ? new Date('0000-01-01T00:00:00Z').getTime() : millis;
    expect(iso8601(text)!.getTime()).toBe(expected);
  });
});

describe('end to end: a response with a bad timestamp fails the call, typed, once', () => {
  let body = '';
  let server: HostileServer;
  beforeAll(async () => {
    server = await startHostileServer((res) => json(res, 200, body));
  });
  afterAll(() => server.close());

  const athena = CLIENTS.find((c) => c.name === 'Athena')!;
  const nimble = CLIENTS.find((c) => c.name === 'NimbleStudio')!;
  const jupyter = CLIENTS.find((c) => c.name === 'JupyterServer')!;

  it.each([
    [
      athena,
      '{"NotebookSessionsList":[{"SessionId":"a","CreationTime":1},{"SessionId":"b","CreationTime":"yesterday"}]}',
      'NotebookSessionsList.1.CreationTime',
      'yesterday',
    ],
    [
      athena,
      '{"NotebookSessionsList":[{"SessionId":"a","CreationTime":1e20}]}',
      'NotebookSessionsList.0.CreationTime',
      1e20,
    ],
    [
      nimble,
      '{"sessions":[{"createdAt":"2024-13-45T99:99:99Z"}]}',
      'sessions.0.createdAt',
      '2024-13-45T99:99:99Z',
    ],
    [nimble, '{"sessions":[{"updatedAt":1700000000}]}', 'sessions.0.updatedAt', 1700000000],
    [
      nimble,
      '{"sessions":[{"stopAt":"+275761-01-01T00:00:00Z"}]}',
      'sessions.0.stopAt',
      '+275761-01-01T00:00:00Z',
    ],
    [
      jupyter,
      '{"id":"abc","kernel":{"last_activity":"not-a-time"}}',
      'kernel.last_activity',
      'not-a-time',
    ],
  ] as const)('%#: %s at %s', async (client, text, member, value) => {
    body = text;
    const before = server.hits.length;
    const error = (await client
      .make({ endpoint: server.url })
      .call()
      .catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.retryable).toBe(false);
    expect(error.member).toBe(member);
    expect(error.value).toBe(value);
    expect(error.body).toBe(text);
    expect(error.operation).toMatch(/^(ListNotebookSessions|ListStreamingSessions|GetSession)$/);
    expect(error.message).toContain(error.operation);
    expect(error.message).toContain(member);
    expect(server.hits.length - before).toBe(1);
  });

  it('cuts a huge bad value short in the message; the body keeps it whole', async () => {
    const huge = 'x'.repeat(100_000);
    body = JSON.stringify({ sessions: [{ createdAt: huge }] });
    const error = (await nimble
      .make({ endpoint: server.url })
      .call()
      .catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message.length).toBeLessThan(400);
    expect(error.body).toBe(body);
  });

  it('an array output whose body is an object is an InvalidResponseError', async () => {
    body = '{"not":"an array"}';
    const client = new JupyterServerClient({ endpoint: server.url, token: 't' });
    const error = await client.listSessions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it('valid timestamps still come back as Date (control)', async () => {
    body = '{"NotebookSessionsList":[{"SessionId":"a","CreationTime":1700000000.5}]}';
    const output = (await athena.make({ endpoint: server.url }).call()) as {
      NotebookSessionsList: Array<{ CreationTime: Date }>;
    };
    expect(output.NotebookSessionsList[0]!.CreationTime.toISOString()).toBe(
      '2023-11-14T22:13:20.500Z',
    );
  });
});
