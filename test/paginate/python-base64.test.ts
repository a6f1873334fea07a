import fc from 'fast-check';
import { expect, test } from 'vitest';
import { pythonB64Decode } from '../../src/paginate/python-base64.js';

const bytes = (text: string): number[] | null => {
  const decoded = pythonB64Decode(text);
  return decoded === undefined ? null : [...decoded];
};

// Expected values are CPython 3.11 `base64.b64decode(text.encode('utf-8'))`; null: binascii.Error.
test.each<[string, string, number[] | null]>([
  ['a padded quad', 'YQ==', [0x61]],
  ['an unpadded full quad', 'YWJj', [0x61, 0x62, 0x63]],
  ['characters outside the alphabet, skipped', 'Y$W-J_j', [0x61, 0x62, 0x63]],
  ['whitespace and non-ASCII, skipped', ' YW\nJj é', [0x61, 0x62, 0x63]],
  ['data after complete padding, ignored', 'YQ==YWJj', [0x61]],
  ['padding before two data characters, ignored', '=Y=W=Jj', [0x61, 0x62, 0x63]],
  ['missing padding', 'YQ', null],
  ['one padding character short', 'YQ=', null],
  ['a lone data character after full quads', 'YWJjY', null],
  ['the empty string', '', []],
  ['a lone surrogate, which UTF-8 cannot encode', 'YWJj\ud800', null],
  ['a raw service token', 'tokA', [0xb6, 0x89, 0x00]],
])('b64decode of %s', (_name, text, expected) => {
  expect(bytes(text)).toEqual(expected);
});

test('b64decode inverts standard base64 encoding', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (data) => {
      expect(bytes(Buffer.from(data).toString('base64'))).toEqual([...data]);
    }),
  );
});

test('b64decode ignores characters outside the alphabet wherever they are inserted', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 1, maxLength: 32 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('-', '_', ' ', '\n', '$', 'é')), {
        maxLength: 5,
      }),
      (data, inserts) => {
        let text = Buffer.from(data).toString('base64').replace(/=+$/, '');
        for (const [at, char] of inserts) {
          const index = at % (text.length + 1);
          text = text.slice(0, index) + char + text.slice(index);
        }
        text += '='.repeat((4 - (text.replace(/[^A-Za-z0-9+/]/g, '').length % 4)) % 4);
        expect(bytes(text)).toEqual([...data]);
      },
    ),
  );
});
