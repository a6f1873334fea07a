/** Shared fixtures for the OCI signing tests. */
import { generateKeyPairSync } from 'node:crypto';
import { expect } from 'vitest';
import vectors from '../fixtures/oci-signing.json' with { type: 'json' };
import type { HttpRequest } from '../../src/transport/http-request.js';

/** One of Oracle's published signature v1 examples (test/fixtures/oci-signing.json). */
export type OciVector = (typeof vectors)[number];

export const ociVectors: OciVector[] = vectors;
export const [getVector, postVector] = vectors as [OciVector, OciVector];

/** The request of a vector, exactly as Oracle lists it (headers included). */
export function vectorRequest(vector: OciVector): HttpRequest {
  return {
    method: vector.method,
    url: new URL(vector.url),
    headers: Object.fromEntries(
      Object.entries(vector.headers).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    ),
    body: vector.body ?? undefined,
  };
}

/** Parses `Signature k="v",k="v"` into its parameters (values never contain `"`). */
export function authorizationParams(header: string): Record<string, string> {
  expect(header.startsWith('Signature ')).toBe(true);
  const params: Record<string, string> = {};
  for (const match of header.slice('Signature '.length).matchAll(/([a-zA-Z]+)="([^"]*)"/g)) {
    params[match[1]!] = match[2]!;
  }
  return params;
}

/** A fresh RSA-2048 key pair as PEM strings (PKCS#8, PKCS#1 and SPKI). */
export function rsaKeyPair(): { pkcs8: string; pkcs1: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    pkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
}

/** The base64 body lines of a PEM: any of them showing up in output means the key leaked. */
export function pemBodyLines(pem: string): string[] {
  return pem.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'));
}
