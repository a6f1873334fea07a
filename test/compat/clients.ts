/**
 * Clients of the compatibility suite: generated clients pointed at an evolving service, in one
 * validation mode, without retries (every case is one request, or none).
 */
import { AthenaClient } from 'cloud-sessions/athena';
import { NimbleStudioClient } from 'cloud-sessions/nimble-studio';
import { AiDataPlatformClient } from 'cloud-sessions/oci-ai-data-platform';
import type { ValidationMode } from 'cloud-sessions/runtime';
import type { Emulator } from '../../src/emulator/index.js';

/** Both modes: every case runs in each. */
export const MODES: readonly ValidationMode[] = ['default', 'strict'];

/** The options both AWS clients take: the emulator's region and first key, no retries. */
function awsOptions(emulator: Emulator, endpoint: string, validation: ValidationMode) {
  return {
    region: emulator.credentials.region,
    credentials: emulator.credentials.aws[0]!,
    endpoint,
    retry: false as const,
    validation,
  };
}

export function athena(emulator: Emulator, endpoint: string, validation: ValidationMode) {
  return new AthenaClient(awsOptions(emulator, endpoint, validation));
}

export function nimble(emulator: Emulator, endpoint: string, validation: ValidationMode) {
  return new NimbleStudioClient(awsOptions(emulator, endpoint, validation));
}

export function oci(emulator: Emulator, endpoint: string, validation: ValidationMode) {
  return new AiDataPlatformClient({
    region: 'us-ashburn-1',
    auth: {
      keyId: emulator.credentials.oci.keyId,
      privateKey: emulator.credentials.oci.privateKeyPem,
    },
    endpoint,
    retry: false,
    validation,
  });
}
