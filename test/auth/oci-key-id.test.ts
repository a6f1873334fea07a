import { describe, expect, it } from 'vitest';
import {
  apiKeyId,
  isSessionKeyId,
  redactKeyId,
  resolveKeyId,
  sessionKeyId,
} from '../../src/auth/oci-key-id.js';
import { CredentialsError } from '../../src/errors/index.js';

const FP = '73:61:a2:21:67:e0:df:be:7e:4b:93:1e:15:98:a5:b7';
const parts = { tenancy: 'ocid1.tenancy.oc1..t', user: 'ocid1.user.oc1..u', fingerprint: FP };

describe('keyId forms', () => {
  it('API key parts join as tenancy/user/fingerprint', () => {
    expect(apiKeyId(parts)).toBe(`ocid1.tenancy.oc1..t/ocid1.user.oc1..u/${FP}`);
  });

  it('a session token becomes ST$<token>, trimmed', () => {
    expect(sessionKeyId('  eyJhbGciOi.payload.sig\n')).toBe('ST$eyJhbGciOi.payload.sig');
  });

  it.each([
    ['a string', 'a/b/c', 'a/b/c'],
    ['API key parts', parts, `ocid1.tenancy.oc1..t/ocid1.user.oc1..u/${FP}`],
    ['a session token', { securityToken: 'tok\n' }, 'ST$tok'],
  ])('resolveKeyId accepts %s', (_, keyId, expected) => {
    expect(resolveKeyId(keyId)).toBe(expected);
  });

  it.each([
    ['an empty tenancy', { ...parts, tenancy: '' }, /keyId\.tenancy must be a non-empty OCID/],
    ['a user with "/"', { ...parts, user: 'a/b' }, /keyId\.user must be a non-empty OCID/],
    ['an empty user', { ...parts, user: '' }, /keyId\.user/],
    [
      'a fingerprint that is not 16 hex pairs',
      { ...parts, fingerprint: 'ab:cd' },
      /keyId\.fingerprint must be 16 hex pairs/,
    ],
    [
      'a fingerprint in the user field (swapped)',
      { ...parts, fingerprint: 'ocid1.user.oc1..u' },
      /fingerprint/,
    ],
    ['an empty string', '', /keyId must be non-empty printable ASCII/],
    ['a string with a quote', 'a"b', /keyId must be non-empty printable ASCII/],
    ['a string with a newline', 'a\nb', /keyId must be non-empty printable ASCII/],
    ['a bare ST$', 'ST$', /empty session token/],
    ['an empty session token', { securityToken: ' \n' }, /keyId\.securityToken is empty/],
    ['a session token with a space inside', { securityToken: 'a b' }, /printable ASCII/],
    ['a number', 42, /keyId must be a string/],
  ])('rejects %s with a CredentialsError', (_, keyId, message) => {
    expect(() => resolveKeyId(keyId as never)).toThrow(CredentialsError);
    expect(() => resolveKeyId(keyId as never)).toThrow(message);
  });

  it('session-token errors never contain the token', () => {
    const error = (() => {
      try {
        resolveKeyId({ securityToken: 'secret"token' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toBeDefined();
    expect(error?.message).not.toContain('secret');
  });

  it.each([
    ['ST$abc', true, 'ST$<redacted>'],
    [`t/u/${FP}`, false, `t/u/${FP}`],
  ])('%s: session=%s, printed as %s', (keyId, session, printed) => {
    expect(isSessionKeyId(keyId)).toBe(session);
    expect(redactKeyId(keyId)).toBe(printed);
  });
});
