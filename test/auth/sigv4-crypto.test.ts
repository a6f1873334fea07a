import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  EMPTY_SHA256,
  createSigV4Signer,
  deriveSigningKey,
  presignQuery,
  sha256Hex,
  signHeaders,
  signature,
} from '../../src/auth/sigv4.js';
import { setSyncCryptoEnabled, syncCrypto } from '../../src/auth/sigv4-crypto.js';
import { signatureFor } from '../../src/auth/sigv4-key.js';
import type { HttpRequest } from '../../src/transport/http-request.js';
import { contextOf, parseSuiteRequest, suiteCases, type SuiteCase } from './sigv4-suite.js';

afterEach(() => {
  vi.restoreAllMocks();
  setSyncCryptoEnabled(true);
});

const paths = [
  ['node:crypto', true],
  ['WebCrypto', false],
] as const;

test('Node 20 offers the synchronous path', () => {
  expect(syncCrypto()).toBeDefined();
});

test('disabling the synchronous path leaves WebCrypto', () => {
  setSyncCryptoEnabled(false);
  expect(syncCrypto()).toBeUndefined();
});

test('a runtime without process.getBuiltinModule falls back to WebCrypto', () => {
  const original = process.getBuiltinModule;
  try {
    (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
    setSyncCryptoEnabled(true);
    expect(syncCrypto()).toBeUndefined();
  } finally {
    process.getBuiltinModule = original;
  }
});

describe.each(paths)('on %s', (_name, sync) => {
  test.each(suiteCases.map((c) => [c.name, c] as const))(
    'suite case %s: header and query signatures match',
    async (_case, c) => {
      setSyncCryptoEnabled(sync);
      const parsed = parseSuiteRequest(c.request);
      const context = contextOf(c);
      const bodyHash = await sha256Hex(parsed.body);
      const header = await signHeaders(
        { ...parsed, payloadHash: c.context.sign_body ? bodyHash : EMPTY_SHA256 },
        { ...context, signPayloadHeader: c.context.sign_body },
      );
      expect(header.stringToSign).toBe(c.header.stringToSign);
      expect(header.signature).toBe(c.header.signature);
      const query = await presignQuery(
        { ...parsed, payloadHash: bodyHash },
        { ...context, expiresIn: c.context.expiration_in_seconds },
      );
      expect(query.signature).toBe(c.query.signature);
    },
  );

  test('sha256Hex of known strings', async () => {
    setSyncCryptoEnabled(sync);
    expect(await sha256Hex('')).toBe(EMPTY_SHA256);
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

test('both paths hash every string alike, lone surrogates included', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: 'binary' }), async (text) => {
      setSyncCryptoEnabled(true);
      const fast = await sha256Hex(text);
      setSyncCryptoEnabled(false);
      expect(fast).toBe(await sha256Hex(text));
    }),
    { numRuns: 100 },
  );
});

test('both paths sign every string alike under every key', async () => {
  const part = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
  await fc.assert(
    fc.asyncProperty(
      fc.string({ unit: 'binary', minLength: 1 }),
      fc.stringMatching(/^20[0-9]{6}$/),
      part,
      part,
      fc.string({ unit: 'binary' }),
      async (secret, date, region, service, text) => {
        setSyncCryptoEnabled(true);
        const fast = await signatureFor(secret, date, region, service, text);
        setSyncCryptoEnabled(false);
        const web = await signature(await deriveSigningKey(secret, date, region, service), text);
        expect(fast).toBe(web);
      },
    ),
    { numRuns: 100 },
  );
});

test('more secrets than the key cache holds all keep signing correctly', async () => {
  for (let i = 0; i < 60; i++) {
    setSyncCryptoEnabled(true);
    const fast = await signatureFor(`secret-${i % 55}`, '20240501', 'us-east-1', 'athena', 'x');
    setSyncCryptoEnabled(false);
    const web = await signatureFor(`secret-${i % 55}`, '20240501', 'us-east-1', 'athena', 'x');
    expect(fast).toBe(web);
  }
});

test('a warm signature on the synchronous path makes no WebCrypto call', async () => {
  const signer = createSigV4Signer({
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'sync-path-secret' },
    region: 'us-east-1',
    service: 'athena',
  });
  const request = (): HttpRequest => ({
    method: 'POST',
    url: new URL('https://athena.us-east-1.amazonaws.com/'),
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: '{"NotebookId":"n-1"}',
  });
  await signer.sign(request(), new Date('2024-05-01T10:20:30Z'));
  const subtle = globalThis.crypto.subtle;
  const calls = [
    vi.spyOn(subtle, 'digest'),
    vi.spyOn(subtle, 'sign'),
    vi.spyOn(subtle, 'importKey'),
  ];
  const signed = request();
  await signer.sign(signed, new Date('2024-05-01T10:20:30Z'));
  expect(signed.headers.authorization).toMatch(/Signature=[0-9a-f]{64}$/);
  for (const spy of calls) expect(spy).not.toHaveBeenCalled();
});
