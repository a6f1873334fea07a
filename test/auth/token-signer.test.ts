import { expect, test } from 'vitest';
import { createHeaderTokenSigner } from '../../src/auth/token-signer.js';
import type { HttpRequest } from '../../src/transport/http-request.js';

async function signedHeaders(format: string, token: string): Promise<Record<string, string>> {
  const request: HttpRequest = {
    method: 'GET',
    url: new URL('http://localhost/'),
    headers: {},
    body: undefined,
  };
  await createHeaderTokenSigner('Authorization', format, token).sign(request, new Date());
  return request.headers;
}

test('the token takes the place of {token} in the lower-cased header', async () => {
  expect(await signedHeaders('token {token}', 'abc123')).toEqual({ authorization: 'token abc123' });
});

test.each(['pa$$word', 'a$&b', "a$'b", 'a$`b'])(
  'a token with replacement patterns (%s) is inserted verbatim',
  async (token) => {
    expect((await signedHeaders('token {token}', token)).authorization).toBe(`token ${token}`);
  },
);
