import { createVerify } from 'node:crypto';
import fc from 'fast-check';
import { DefaultRequestSigner, SimpleAuthenticationDetailsProvider } from 'oci-common';
import { afterEach, describe, expect, it } from 'vitest';
import { createOciSigner } from '../../src/auth/oci-signer.js';
import { headersToSign, type OciDateHeader } from '../../src/auth/oci-signing.js';
import type { HttpRequest } from '../../src/transport/http-request.js';
import { authorizationParams, rsaKeyPair } from './oci-helpers.js';

const keys = rsaKeyPair();
const TENANCY = 'ocid1.tenancy.oc1..aaaa';
const USER = 'ocid1.user.oc1..bbbb';
const FINGERPRINT = '00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff';
const KEY_ID = `${TENANCY}/${USER}/${FINGERPRINT}`;

/** A request as the generator would build it: every path and query value percent-encoded. */
interface Case {
  method: string;
  host: string;
  path: string;
  query: string;
  body: string | undefined;
  now: Date;
  dateHeader: OciDateHeader;
}

const text = fc.string({ unit: 'binary', maxLength: 12 });
// "." and ".." are dot segments that URL parsing removes (WHATWG URL, also as %2E): not a path value.
const segment = fc
  .oneof(text, fc.constantFrom('a b', '?#/&=+%', 'ü€😀', 'ocid1.x..y'))
  .filter((s) => s !== '.' && s !== '..');
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    method: fc.constantFrom('GET', 'HEAD', 'DELETE', 'POST', 'PUT', 'PATCH'),
    host: fc.constantFrom(
      'aidp.us-ashburn-1.oci.oraclecloud.com',
      'datalake.eu-frankfurt-1.oci.oraclecloud.com:8443',
      '127.0.0.1:9000',
    ),
    segments: fc.array(segment, { maxLength: 4 }),
    query: fc.array(fc.tuple(text, text), { maxLength: 4 }),
    body: fc.option(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), { nil: undefined }),
    now: fc.date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    }),
    dateHeader: fc.constantFrom<OciDateHeader>('x-date', 'date'),
  })
  .map(({ segments, query, ...rest }) => ({
    ...rest,
    path: '/20260430/' + segments.map(encodeURIComponent).join('/'),
    query: query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
  }));

function urlOf(c: Case): string {
  return `https://${c.host}${c.path}${c.query ? `?${c.query}` : ''}`;
}

async function signOurs(c: Case): Promise<HttpRequest> {
  const req: HttpRequest = { method: c.method, url: new URL(urlOf(c)), headers: {}, body: c.body };
  await createOciSigner({ keyId: KEY_ID, privateKey: keys.pkcs1, dateHeader: c.dateHeader }).sign(
    req,
    c.now,
  );
  return req;
}

const provider = new SimpleAuthenticationDetailsProvider(
  TENANCY,
  USER,
  FINGERPRINT,
  keys.pkcs8,
  null,
);
const ociSigner = new DefaultRequestSigner(provider);
/** oci-common's static list of headers to sign: private in its .d.ts, a plain static at runtime. */
const signerStatics = DefaultRequestSigner as unknown as { headersToSign: string[] };
const shippedHeadersToSign = [...signerStatics.headersToSign];

/** oci-common's signer over the same request, with `headers` as its static list. */
async function signOciCommon(c: Case, headers: Headers, list: string[], forceExcludeBody: boolean) {
  signerStatics.headersToSign = list;
  const request = { method: c.method, uri: urlOf(c), headers, body: c.body };
  await ociSigner.signHttpRequest(request as never, forceExcludeBody);
  return headers;
}

afterEach(() => {
  signerStatics.headersToSign = shippedHeadersToSign;
});

describe('differential: our signer vs oci-common DefaultRequestSigner', () => {
  it('signs every request exactly as oci-common does when told to sign the same headers', async () => {
    let mismatches = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const ours = await signOurs(c);
        const signed = headersToSign(c.method, c.dateHeader);
        const theirHeaders = new Headers({ [c.dateHeader]: c.now.toUTCString() });
        for (const name of ['content-length', 'content-type', 'x-content-sha256']) {
          if (ours.headers[name] !== undefined) theirHeaders.set(name, ours.headers[name]!);
        }
        // forceExcludeBody: oci-common must not append its own (differently ordered) body headers.
        await signOciCommon(c, theirHeaders, signed, true);
        const mine = authorizationParams(ours.headers['authorization']!);
        const theirs = authorizationParams(theirHeaders.get('authorization')!);
        if (mine['signature'] !== theirs['signature']) mismatches++;
        expect(mine).toEqual(theirs);
      }),
      { numRuns: 200 },
    );
    expect(mismatches).toBe(0);
  });

  it('computes the same x-content-sha256 and content-length as oci-common as shipped', async () => {
    await fc.assert(
      fc.asyncProperty(
        caseArb.filter((c) => ['POST', 'PUT', 'PATCH'].includes(c.method)),
        async (c) => {
          const ours = await signOurs(c);
          const theirs = await signOciCommon(c, new Headers(), shippedHeadersToSign, false);
          expect(ours.headers['x-content-sha256']).toBe(theirs.get('x-content-sha256'));
          expect(ours.headers['content-length']).toBe(theirs.get('content-length'));
          expect(ours.headers['content-type']).toBe(theirs.get('content-type'));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('verifier', () => {
  it('every signature verifies under the public key over the signing string rebuilt from the wire', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const req = await signOurs(c);
        const params = authorizationParams(req.headers['authorization']!);
        // Rebuilt from the strings the request was made of, not from our signingString().
        const value = (name: string): string =>
          name === '(request-target)'
            ? `${c.method.toLowerCase()} ${c.path}${c.query ? `?${c.query}` : ''}`
            : name === 'host'
              ? c.host.replace(/:443$/, '')
              : req.headers[name]!;
        const rebuilt = params['headers']!.split(' ')
          .map((name) => `${name}: ${value(name)}`)
          .join('\n');
        const ok = createVerify('RSA-SHA256')
          .update(rebuilt)
          .verify(keys.publicPem, params['signature']!, 'base64');
        expect(ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
