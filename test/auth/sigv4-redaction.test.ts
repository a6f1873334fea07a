import { inspect } from 'node:util';
import { expect, test } from 'vitest';
import { createSigV4Signer, type AwsCredentialIdentity } from '../../src/auth/sigv4.js';
import type { HttpRequest } from '../../src/transport/http-request.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY-redaction';
const TOKEN = 'FwoGZXIvYXdzEXAMPLE-session-token-redaction';

function renderings(value: unknown): string[] {
  return [
    inspect(value),
    inspect(value, { showHidden: true, depth: Infinity, getters: true }),
    JSON.stringify(value) ?? '',
    String(value),
    `${value as string}`,
  ];
}

function expectNoSecrets(value: unknown, secrets: readonly string[]): void {
  for (const text of renderings(value)) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

function request(): HttpRequest {
  return {
    method: 'POST',
    url: new URL('https://athena.us-east-1.amazonaws.com/'),
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: '{}',
  };
}

test('a signer from static credentials does not render its secret, token or signatures', async () => {
  const signer = createSigV4Signer({
    credentials: { accessKeyId: 'AKID', secretAccessKey: SECRET, sessionToken: TOKEN },
    region: 'us-east-1',
    service: 'athena',
  });
  const signed = request();
  await signer.sign(signed, new Date('2024-05-01T00:00:00Z'));
  const signatureValue = /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? '')?.[1];
  expect(signatureValue).toMatch(/^[0-9a-f]{64}$/);
  expectNoSecrets(signer, [SECRET, TOKEN, signatureValue!]);
});

test('a signer renders its service and region', () => {
  const signer = createSigV4Signer({
    credentials: { accessKeyId: 'AKID', secretAccessKey: SECRET },
    region: 'eu-west-1',
    service: 'nimble',
  });
  expect(inspect(signer)).toContain('nimble');
  expect(JSON.stringify(signer)).toBe('{"region":"eu-west-1","service":"nimble"}');
});

test('a signer from a provider does not render the provided secret or token', async () => {
  const signer = createSigV4Signer({
    credentials: async () => ({
      accessKeyId: 'AKID',
      secretAccessKey: SECRET,
      sessionToken: TOKEN,
    }),
    region: 'us-east-1',
    service: 'athena',
  });
  await signer.sign(request(), new Date('2024-05-01T00:00:00Z'));
  expectNoSecrets(signer, [SECRET, TOKEN]);
});

test.each([
  ['missing accessKeyId', { secretAccessKey: SECRET, sessionToken: TOKEN }],
  [
    'non-string sessionToken',
    { accessKeyId: 'AKID', secretAccessKey: SECRET, sessionToken: [TOKEN] },
  ],
  ['non-string secretAccessKey', { accessKeyId: 'AKID', secretAccessKey: [SECRET] }],
  [
    'expired',
    { accessKeyId: 'AKID', secretAccessKey: SECRET, sessionToken: TOKEN, expiration: new Date(0) },
  ],
])('a credentials error (%s) contains neither secret nor token', async (_case, value) => {
  const signer = createSigV4Signer({
    credentials: async () => value as unknown as AwsCredentialIdentity,
    region: 'us-east-1',
    service: 'athena',
  });
  const error = await signer.sign(request(), new Date('2024-05-01T00:00:00Z')).catch((e) => e);
  expect(error).toBeInstanceOf(Error);
  expectNoSecrets(error, [SECRET, TOKEN]);
  expect(String((error as Error).stack)).not.toContain(SECRET);
});

test('a construction error for static credentials contains neither secret nor token', () => {
  let caught: unknown;
  try {
    createSigV4Signer({
      credentials: {
        secretAccessKey: SECRET,
        sessionToken: TOKEN,
      } as unknown as AwsCredentialIdentity,
      region: 'us-east-1',
      service: 'athena',
    });
  } catch (error) {
    caught = error;
  }
  expect((caught as Error).message).toMatch(/accessKeyId is missing/);
  expectNoSecrets(caught, [SECRET, TOKEN]);
});
