import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfc3339UtcMillis } from '../../src/client/rfc3339.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:MM:SS[.f+]Z` with every field drawn past its valid range too. */
const wireShaped = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
  })
  .map(
    (f) =>
      `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}T${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}` +
      `${f.fraction === undefined ? '' : `.${f.fraction}`}Z`,
  );

/** A wire-shaped string with one character replaced: the shapes the fast path must refuse. */
const nearMisses = fc
  .tuple(wireShaped, fc.nat(), fc.constantFrom('', 'x', ' ', '+', '-', '.', 'z', 't', '9', ':'))
  .map(([s, at, c]) => {
    const i = at % s.length;
    return s.slice(0, i) + c + s.slice(i + 1);
  });

function expectSameAsDate(value: string): void {
  const fast = rfc3339UtcMillis(value);
  if (fast !== undefined) expect(fast).toBe(new Date(value).getTime());
}

describe('rfc3339UtcMillis', () => {
  it('gives new Date(value).getTime() whenever it answers, valid and invalid fields alike', () => {
    fc.assert(
      fc.property(wireShaped, (value) => expectSameAsDate(value)),
      { numRuns: 20_000 },
    );
  });

  it('answers for every valid date-time of the wire shape (round trip through toISOString)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(0, 0, 1) - 0),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = date.toISOString();
          expect(rfc3339UtcMillis(iso)).toBe(date.getTime());
          expect(rfc3339UtcMillis(iso.replace(/\.\d{3}Z$/, 'Z'))).toBe(
            Math.floor(date.getTime() / 1000) * 1000,
          );
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('matches new Date or declines on strings one character off the shape', () => {
    fc.assert(
      fc.property(nearMisses, (value) => expectSameAsDate(value)),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['2024-02-29T12:00:00Z', Date.UTC(2024, 1, 29, 12)],
    ['2024-01-01T00:00:00.5Z', Date.UTC(2024, 0, 1) + 500],
    ['2024-01-01T00:00:00.123456Z', Date.UTC(2024, 0, 1) + 123],
    ['2023-02-29T00:00:00Z', undefined],
    ['2024-01-01T24:00:00Z', undefined],
    ['2024-01-01T00:00:00+02:00', undefined],
    ['2024-01-01T00:00:00.Z', undefined],
    ['2024-01-01', undefined],
  ])('%s', (value, expected) => {
    expect(rfc3339UtcMillis(value)).toBe(expected);
  });
});
