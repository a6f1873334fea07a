import { describe, expect, it } from 'vitest';
import { encodeLabel, rfc3986PathSerializer } from '../../src/client/path-labels.js';

describe('path labels as botocore encodes them', () => {
  it.each([
    ['a b', 'a%20b'],
    ["it's", 'it%27s'],
    ['!()*', '%21%28%29%2A'],
    ['a/b:c', 'a%2Fb%3Ac'],
    ['-_.~', '-_.~'],
    ['é', '%C3%A9'],
  ])('%j -> %s', (value, encoded) => {
    expect(encodeLabel(value)).toBe(encoded);
  });

  it('fills every label of a template and leaves the rest of the path alone', () => {
    expect(rfc3986PathSerializer('/a/{x}/b/{y}', { x: "it's", y: 5 })).toBe('/a/it%27s/b/5');
  });
});
