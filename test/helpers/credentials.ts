import { generateKeyPairSync } from 'node:crypto';

/** Static test credentials (not real keys). */
export const testAwsCredentials = {
  accessKeyId: 'AKIDTESTCLIENT',
  secretAccessKey: 'test-secret-key-never-printed',
};

let ociKeys: { privateKeyPem: string; publicKeyPem: string } | undefined;

/** A 2048-bit RSA key pair made once per test file. */
export function testOciKeys(): { privateKeyPem: string; publicKeyPem: string } {
  if (!ociKeys) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    ociKeys = {
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }
  return ociKeys;
}

export const TEST_OCI_KEY_ID =
  'ocid1.tenancy.oc1..aaaatest/ocid1.user.oc1..aaaatest/20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34';

export function testOciAuth() {
  return { keyId: TEST_OCI_KEY_ID, privateKey: testOciKeys().privateKeyPem };
}
