import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import contracts from '../fixtures/aws-contracts.json' with { type: 'json' };
import { PaginationError } from '../../src/errors/index.js';
import {
  decodeStartingToken,
  encodeResumeToken,
  type Cursor,
  type ResumePosition,
} from '../../src/paginate/resume-token.js';

const NIMBLE = ['nextToken'];
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const decode = (token: string, inputTokens = NIMBLE) =>
  decodeStartingToken(token, inputTokens, 'ListStreamingSessions');

/** Splits botocore's resume dict into a position, as the paginator holds it. */
function positionOf(json: string): ResumePosition {
  const { boto_truncate_amount: truncateAmount, ...cursor } = JSON.parse(json) as Record<
    string,
    unknown
  >;
  return { cursor: cursor as Cursor, truncateAmount: truncateAmount as number | undefined };
}

const fixtureTokens = contracts.botocorePagination.examples.runs.flatMap((run) =>
  'resumeJson' in run && typeof run.resumeJson === 'string'
    ? [[run.resumeJson, run.resumeToken as string] as const]
    : [],
);

describe.each(fixtureTokens)('botocore resume token %s', (json, token) => {
  test('encodes byte for byte', () => {
    expect(encodeResumeToken(positionOf(json), NIMBLE)).toBe(token);
  });

  test('decodes to its cursor and skip count', () => {
    const { cursor, truncateAmount = 0 } = positionOf(json);
    expect(decode(token)).toEqual({ cursor, truncateAmount });
  });
});

// Expected values are botocore 1.43.11 `PageIterator._parse_starting_token` results.
test.each<[string, string, string[], Cursor, number]>([
  [
    'compact JSON',
    b64('{"nextToken":"tokA","boto_truncate_amount":1}'),
    NIMBLE,
    { nextToken: 'tokA' },
    1,
  ],
  [
    'JSON with keys reordered and boto_encoded_keys',
    b64('{"boto_truncate_amount": 3, "nextToken": "x", "boto_encoded_keys": []}'),
    NIMBLE,
    { nextToken: 'x' },
    3,
  ],
  ['a raw service token', 'tokA', NIMBLE, { nextToken: 'tokA' }, 0],
  ['a raw non-ASCII token', 'tök', NIMBLE, { nextToken: 'tök' }, 0],
  ['a legacy token with a skip count', 'tokA___2', NIMBLE, { nextToken: 'tokA' }, 2],
  [
    'a legacy skip count with spaces, as int() takes it',
    'tokA___ 2 ',
    NIMBLE,
    { nextToken: 'tokA' },
    2,
  ],
  ['a legacy null token', 'None___1', NIMBLE, { nextToken: null }, 1],
  ['a legacy tail that is not an int, kept whole', 'abc___x', NIMBLE, { nextToken: 'abc___x' }, 0],
  ['base64 of a JSON array, taken raw', 'WzEsMl0=', NIMBLE, { nextToken: 'WzEsMl0=' }, 0],
  [
    'two legacy tokens and a skip',
    'a___b___3',
    ['Marker', 'KeyMarker'],
    { Marker: 'a', KeyMarker: 'b' },
    3,
  ],
  [
    'a legacy token padded with null',
    'a',
    ['Marker', 'KeyMarker'],
    { Marker: 'a', KeyMarker: null },
    0,
  ],
  [
    'legacy None among several tokens',
    'None___b___0',
    ['Marker', 'KeyMarker'],
    { Marker: null, KeyMarker: 'b' },
    0,
  ],
])(
  'a starting token that is %s decodes as botocore does',
  (_name, token, inputTokens, cursor, skip) => {
    expect(decode(token, inputTokens)).toEqual({ cursor, truncateAmount: skip });
  },
);

test('base64 of a JSON scalar is a raw service token (botocore crashes with AttributeError)', () => {
  for (const json of ['123', '"x"', 'null', 'true']) {
    expect(decode(b64(json))).toEqual({ cursor: { nextToken: b64(json) }, truncateAmount: 0 });
  }
});

test.each<[string, string]>([
  ['more legacy parts than tokens', 'a___b___c'],
  ['a JSON object with a foreign key', b64('{"foo": 1}')],
  ['a JSON object with an extra key', b64('{"nextToken": "a", "page": "b"}')],
  ['a JSON object without the token key', b64('{}')],
  ['a JSON object holding only the truncate amount', b64('{"boto_truncate_amount": 1}')],
  ['a negative truncate amount', b64('{"nextToken": null, "boto_truncate_amount": -1}')],
  ['a fractional truncate amount', b64('{"nextToken": null, "boto_truncate_amount": 1.5}')],
  ['a string truncate amount', b64('{"nextToken": null, "boto_truncate_amount": "2"}')],
  ['a null truncate amount', b64('{"nextToken": null, "boto_truncate_amount": null}')],
  ['a negative legacy skip count', 'tokA___-1'],
])('a starting token with %s is a PaginationError "Bad starting token"', (_name, token) => {
  expect(() => decode(token)).toThrowError(PaginationError);
  expect(() => decode(token)).toThrowError(/^Bad starting token for ListStreamingSessions: /);
});

test('a bad starting token message names the allowed keys and cuts long tokens', () => {
  const token = b64(`{"foo": "${'x'.repeat(400)}"}`);
  let message = '';
  try {
    decode(token);
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toContain('its keys must be nextToken (plus an optional boto_truncate_amount)');
  expect(message).toContain(`${token.slice(0, 200)}...`);
  expect(message).not.toContain(token);
});

test('a token inherited from Object.prototype is not mistaken for the input token', () => {
  expect(() => decode(b64('{"nextToken": "a"}'), ['constructor'])).toThrowError(PaginationError);
});

test('encoding writes the input tokens in spec order, then the truncate amount', () => {
  const position = { cursor: { KeyMarker: 'k', Marker: 'm' }, truncateAmount: 4 };
  expect(
    Buffer.from(encodeResumeToken(position, ['Marker', 'KeyMarker']), 'base64').toString(),
  ).toBe('{"Marker": "m", "KeyMarker": "k", "boto_truncate_amount": 4}');
});

test('encoding escapes non-ASCII service tokens as json.dumps does', () => {
  const token = encodeResumeToken(
    { cursor: { nextToken: 'ké😀' }, truncateAmount: undefined },
    NIMBLE,
  );
  expect(Buffer.from(token, 'base64').toString()).toBe('{"nextToken": "k\\u00e9\\ud83d\\ude00"}');
});

test('resume tokens round-trip through decoding', () => {
  const tokenValue = fc.oneof(
    fc.constant(null),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  );
  fc.assert(
    fc.property(
      fc.record({ Marker: tokenValue, KeyMarker: tokenValue }),
      fc.option(fc.nat(), { nil: undefined }),
      (cursor, truncateAmount) => {
        const inputTokens = ['Marker', 'KeyMarker'];
        const decoded = decode(
          encodeResumeToken({ cursor, truncateAmount }, inputTokens),
          inputTokens,
        );
        expect(decoded).toEqual({ cursor, truncateAmount: truncateAmount ?? 0 });
      },
    ),
  );
});

test('random strings decode to a position or a PaginationError, nothing else', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (token) => {
      try {
        const { cursor, truncateAmount } = decode(token);
        expect(Object.keys(cursor)).toEqual(NIMBLE);
        expect(Number.isSafeInteger(truncateAmount) && truncateAmount >= 0).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(PaginationError);
      }
    }),
    { numRuns: 500 },
  );
});
