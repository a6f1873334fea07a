import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  serializeTimestamps,
  toEpochSeconds,
  toHttpDate,
  toIso8601,
} from '../../src/client/timestamp-serialize.js';
import { ValidationError } from '../../src/errors/index.js';
import { botocoreSerialize } from '../helpers/botocore.js';
import { startCaptureServer, type CaptureServer } from '../helpers/capture-server.js';
import { testAwsCredentials } from '../helpers/credentials.js';
import { importGenerated } from '../helpers/generated-client.js';

const FIXTURES = 'test/fixtures/timestamps';
const readJson = async (file: string) => JSON.parse(await readFile(`${FIXTURES}/${file}`, 'utf8'));

describe('timestamp formatters', () => {
  it.each([
    [
      '2023-11-14T22:13:20.000Z',
      1700000000,
      '2023-11-14T22:13:20Z',
      'Tue, 14 Nov 2023 22:13:20 GMT',
    ],
    [
      '2023-11-14T22:13:20.123Z',
      1700000000,
      '2023-11-14T22:13:20.123000Z',
      'Tue, 14 Nov 2023 22:13:20 GMT',
    ],
    [
      '2023-11-14T22:13:20.999Z',
      1700000000,
      '2023-11-14T22:13:20.999000Z',
      'Tue, 14 Nov 2023 22:13:20 GMT',
    ],
    [
      '1969-12-31T23:59:58.500Z',
      -2,
      '1969-12-31T23:59:58.500000Z',
      'Wed, 31 Dec 1969 23:59:58 GMT',
    ],
    [
      '2024-02-29T00:00:00.007Z',
      1709164800,
      '2024-02-29T00:00:00.007000Z',
      'Thu, 29 Feb 2024 00:00:00 GMT',
    ],
  ])('%s: epoch %d, ISO %s, HTTP date %s', (iso, epoch, wireIso, httpDate) => {
    const date = new Date(iso);
    expect(toEpochSeconds(date)).toBe(epoch);
    expect(toIso8601(date)).toBe(wireIso);
    expect(toHttpDate(date)).toBe(httpDate);
  });
});

describe('serializeTimestamps', () => {
  const plan = {
    at: toEpochSeconds,
    window: { fields: { from: toIso8601 } },
    times: { items: toEpochSeconds },
    marks: { values: toEpochSeconds },
  };
  const date = new Date('2024-01-02T03:04:05.678Z');

  it('writes every planned Date and leaves the caller input unchanged', () => {
    const input = {
      name: 'x',
      at: date,
      window: { from: date, label: 'w' },
      times: [date, date],
      marks: { a: date },
    };
    const before = structuredClone(input);
    expect(serializeTimestamps(input, plan)).toEqual({
      name: 'x',
      at: 1704164645,
      window: { from: '2024-01-02T03:04:05.678000Z', label: 'w' },
      times: [1704164645, 1704164645],
      marks: { a: 1704164645 },
    });
    expect(input).toEqual(before);
    expect(input.at).toBeInstanceOf(Date);
  });

  it('returns the same object when no planned member is set', () => {
    const input = { name: 'x' };
    expect(serializeTimestamps(input, plan)).toBe(input);
  });

  it.each([
    [{ at: 'yesterday' }, 'at', 'got string'],
    [{ at: new Date('nope') }, 'at', 'got an invalid Date'],
    [{ window: { from: 1700000000 } }, 'window.from', 'got number'],
    [{ times: [date, '2024'] }, 'times[1]', 'got string'],
    [{ marks: { b: {} } }, 'marks.b', 'got object'],
  ])('refuses %j naming %s', (input, where, got) => {
    const error = (() => {
      try {
        serializeTimestamps(input, plan);
      } catch (e) {
        return e;
      }
    })() as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.parameter).toBe(where);
    expect(error.rule).toBe('type timestamp');
    expect(error.message).toContain(got);
  });
});

/**
 * The generated clients of the fixtures against botocore's serializer for the same model and
 * input: a real loopback server receives the signed request, and its query string, headers and
 * body must be what botocore would send.
 */
describe('input timestamps on the wire match botocore', () => {
  let server: CaptureServer;
  let rest: Record<string, any>;
  let json: Record<string, any>;
  beforeAll(async () => {
    server = await startCaptureServer();
    rest = await importGenerated('demo-rest', await readFile(`${FIXTURES}/rest-json.yaml`, 'utf8'));
    json = await importGenerated(
      'demo-json',
      await readFile(`${FIXTURES}/aws-json-1-0.yaml`, 'utf8'),
    );
  }, 120_000);
  afterAll(() => server.close());

  const config = () => ({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: testAwsCredentials,
    retry: false as const,
  });

  /** Path, sorted query pairs, the named headers and the parsed body of a request. */
  function wireOf(target: string, headers: Record<string, unknown>, body: string, names: string[]) {
    const url = new URL(target, 'http://x');
    return {
      path: url.pathname,
      query: [...url.searchParams].sort(),
      headers: Object.fromEntries(names.map((n) => [n, headers[n]])),
      body: body ? JSON.parse(body) : undefined,
    };
  }

  // Years 1000-9999: botocore's strftime does not pad years below 1000 to four digits.
  const dateArb = fc.date({
    min: new Date('1000-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  });

  it('restJson1: ISO 8601 in the query, HTTP date in a header, epoch seconds in the body', async () => {
    const inputs = fc.sample(
      fc.record({
        thingId: fc.constantFrom('t-1', 'a b/c'),
        createdAfter: dateArb,
        createdBefore: dateArb,
        since: dateArb,
        at: dateArb,
        atIso: dateArb,
        window: fc.record({ from: dateArb, to: dateArb }, { requiredKeys: ['from'] }),
        times: fc.array(dateArb, { maxLength: 3 }),
        marks: fc.dictionary(fc.constantFrom('a', 'b'), dateArb),
        windows: fc.array(fc.record({ to: dateArb }), { maxLength: 2 }),
      }),
      { numRuns: 25 },
    );
    const model = await readJson('rest-json.botocore.json');
    const reference = await botocoreSerialize(
      model,
      server.url,
      inputs.map((params) => ({ operation: 'ListThings', params })),
    );
    const client = new rest.DemoRestClient(config());
    server.requests.length = 0;
    for (const input of inputs) await client.listThings(input);
    const names = ['x-since', 'content-type'];
    for (const [i, sent] of server.requests.entries()) {
      const expected = reference.requests[i]!;
      expect(sent.method).toBe(expected.method);
      expect(wireOf(sent.target, sent.headers, sent.body, names)).toEqual(
        wireOf(expected.url, expected.headers, expected.body, names),
      );
    }
    expect(server.requests).toHaveLength(inputs.length);
  }, 60_000);

  it('awsJson1_0: epoch seconds, or the timestampFormat the model gives, at any depth', async () => {
    const inputs = fc.sample(
      fc.record(
        {
          Owner: fc.string({ minLength: 1, maxLength: 5 }),
          CreatedAfter: dateArb,
          CreatedAfterIso: dateArb,
          Filter: fc.record({ Before: dateArb }),
        },
        { requiredKeys: ['Owner'] },
      ),
      { numRuns: 25 },
    );
    const model = await readJson('aws-json-1-0.botocore.json');
    const reference = await botocoreSerialize(
      model,
      server.url,
      inputs.map((params) => ({ operation: 'ListThings', params })),
    );
    const client = new json.DemoJsonClient(config());
    server.requests.length = 0;
    for (const input of inputs) await client.listThings(input);
    const names = ['x-amz-target', 'content-type'];
    for (const [i, sent] of server.requests.entries()) {
      const expected = reference.requests[i]!;
      expect(wireOf(sent.target, sent.headers, sent.body, names)).toEqual(
        wireOf(expected.url, expected.headers, expected.body, names),
      );
    }
    expect(server.requests[0]?.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(server.requests).toHaveLength(inputs.length);
  }, 60_000);

  it('refuses a string where a timestamp goes, naming the member, before sending', async () => {
    const client = new rest.DemoRestClient(config());
    server.requests.length = 0;
    await expect(
      client.listThings({ thingId: 't', createdAfter: '2024-01-01' }),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      parameter: 'createdAfter',
      rule: 'type timestamp',
    });
    await expect(
      new json.DemoJsonClient(config()).listThings({ Owner: 'o', Filter: { Before: 5 } }),
    ).rejects.toMatchObject({ name: 'ValidationError', parameter: 'Filter.Before' });
    expect(server.requests).toHaveLength(0);
  });

  it('parses output timestamps of the awsJson1_0 client as Date', async () => {
    const local = await startCaptureServer({
      reply: () => ({ status: 200, body: { Things: [{ Name: 'a', CreatedAt: 1700000000.5 }] } }),
    });
    try {
      const out = await new json.DemoJsonClient({ ...config(), endpoint: local.url }).listThings({
        Owner: 'o',
      });
      expect(out.Things[0].CreatedAt).toEqual(new Date(1700000000500));
    } finally {
      await local.close();
    }
  });
});
