import type { AwsCredentialSource } from '../auth/sigv4-types.js';
import type { OciCredentialSource } from '../auth/oci-signer.js';

/**
 * What a client falls back to when its configuration leaves something out. Node reads the
 * environment and the shared config files (`platform-node.ts`); browsers and edge runtimes
 * have no such defaults (`platform-browser.ts`). The package `imports` map (`#platform`)
 * picks one by export condition, so a browser bundle never contains a `node:` import.
 */
export interface PlatformDefaults {
  awsCredentials(profile: string | undefined): AwsCredentialSource;
  awsRegion(profile: string | undefined): Promise<string | undefined>;
  ociCredentials(options: { profile?: string; configFile?: string }): OciCredentialSource;
  ociRegion(options: { profile?: string; configFile?: string }): Promise<string | undefined>;
  /**
   * The transport of clients given no `fetch` option; `undefined`: `globalThis.fetch`, looked
   * up on every request.
   */
  fetch: typeof fetch | undefined;
}
