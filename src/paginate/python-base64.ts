const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Map([...ALPHABET].map((char, index) => [char.charCodeAt(0), index]));

/**
 * Decodes `text` as Python's `base64.b64decode(text.encode('utf-8'))` does (botocore's
 * `TokenDecoder.decode`), or returns `undefined` where Python raises. The decoder is
 * CPython's non-strict `binascii.a2b_base64` (Modules/binascii.c), not WHATWG `atob`:
 *
 * - bytes outside the standard alphabet (including `-`, `_`, whitespace and every
 *   non-ASCII character) are skipped, so `"ab$c"` decodes like `"abc"`;
 * - `=` counts as padding only after at least two data characters of a quad; once the
 *   quad is complete, decoding stops and the rest of the input is ignored;
 * - a final partial quad without enough padding is an error ("Incorrect padding"), as is
 *   a lone data character after the last full quad;
 * - a lone UTF-16 surrogate cannot be UTF-8 encoded, so Python raises before decoding.
 */
export function pythonB64Decode(text: string): Uint8Array | undefined {
  if (hasLoneSurrogate(text)) return undefined;
  const out: number[] = [];
  let quadPos = 0;
  let pads = 0;
  let carry = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3d /* '=' */) {
      if (quadPos >= 2 && quadPos + ++pads >= 4) return Uint8Array.from(out);
      continue;
    }
    const sextet = SEXTET.get(code);
    if (sextet === undefined) continue;
    pads = 0;
    switch (quadPos) {
      case 0:
        carry = sextet;
        break;
      case 1:
        out.push(((carry << 2) | (sextet >> 4)) & 0xff);
        carry = sextet & 0x0f;
        break;
      case 2:
        out.push(((carry << 4) | (sextet >> 2)) & 0xff);
        carry = sextet & 0x03;
        break;
      case 3:
        out.push(((carry << 6) | sextet) & 0xff);
        break;
    }
    quadPos = (quadPos + 1) % 4;
  }
  return quadPos === 0 ? Uint8Array.from(out) : undefined;
}

function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff) return true;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) return true;
      i++;
    }
  }
  return false;
}
