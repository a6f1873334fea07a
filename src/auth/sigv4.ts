/**
 * AWS Signature Version 4 (`AWS4-HMAC-SHA256`) on WebCrypto: the stages as separate functions
 * (canonical request, string to sign, signing key, signature, Authorization header), header and
 * query (presigned URL) signing, and the `RequestSigner` the AWS clients use.
 */
export type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  AwsCredentialSource,
  SigV4Headers,
} from './sigv4-types.js';
export {
  SIGV4_ALGORITHM,
  amzDate,
  canonicalHeaderValue,
  canonicalHeaders,
  canonicalPath,
  canonicalQuery,
  canonicalRequest,
  credentialScope,
  normalizePath,
  stringToSign,
  type CanonicalHeaders,
  type CanonicalRequestInput,
} from './sigv4-canonical.js';
export { EMPTY_SHA256, sha256Hex } from './sigv4-encoding.js';
export { deriveSigningKey, signature } from './sigv4-key.js';
export { resolveCredentials } from './sigv4-credentials.js';
export {
  MAX_PRESIGN_EXPIRES_SECONDS,
  authorizationHeader,
  presignQuery,
  presignUrl,
  signHeaders,
  type PresignUrlInput,
  type PresignUrlOptions,
  type SigV4Context,
  type SigV4HeaderSignature,
  type SigV4QuerySignature,
  type SigV4RequestParts,
  type SigV4Signature,
} from './sigv4-sign.js';
export { createSigV4Signer, type SigV4SignerConfig } from './sigv4-signer.js';
