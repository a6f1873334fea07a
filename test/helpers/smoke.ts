import { expect } from 'vitest';
/**
 * The smoke run the Chromium page, the workerd worker and the installed-package apps make
 * against the emulator: what they are given, and what `runSmoke` must report.
 */
import type { Emulator, EmulatorRequestRecord } from '../../src/emulator/index.js';
import type { SmokeConfig } from '../browser/page/app.js';

/** The emulator's URL, its first credentials and the first notebook, studio and workspace. */
export function smokeConfig(emulator: Emulator): SmokeConfig {
  const platform = emulator.data.oci.platforms[0]!;
  const aws = emulator.credentials.aws[0]!;
  return {
    url: emulator.url,
    region: emulator.credentials.region,
    // Copied field by field: the emulator's credential objects redact themselves in JSON.
    aws: { accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey },
    oci: {
      keyId: emulator.credentials.oci.keyId,
      privateKeyPem: emulator.credentials.oci.privateKeyPem,
    },
    notebookId: emulator.data.athena.notebooks[0]!.notebookId,
    studioId: emulator.data.nimble.studios[0]!.studioId,
    aiDataPlatformId: platform.aiDataPlatformId,
    workspaceKey: platform.workspaces[0]!.workspaceKey,
  };
}

/** What `runSmoke(smokeConfig(emulator))` reports, `hasProcess` aside (it differs by runtime). */
export function expectedSmokeResult(emulator: Emulator, hasProcess: unknown): object {
  const nimbleIds = emulator.data.nimble.studios[0]!.sessions.map((s) => s.sessionId);
  return {
    athenaIds: emulator.data.athena.notebooks[0]!.sessions.map((s) => s.SessionId),
    athenaDatesAreDates: true,
    nimbleIds: nimbleIds.slice(0, 30),
    nimbleResumeToken: expect.any(String),
    nimbleResumedIds: nimbleIds.slice(30, 35),
    ociIds: emulator.data.oci.platforms[0]!.workspaces[0]!.sessions.map((s) => s.id),
    badSignature: {
      serviceError: true,
      cloudSessionsError: true,
      code: 'InvalidSignatureException',
    },
    hasProcess,
  };
}

/**
 * Checks the signed calls of a smoke run: every one signed; the one with a wrong secret
 * rejected (Athena, 400); all others verified and answered 200, across the three APIs.
 * Returns the verified ones.
 */
export function expectSmokeCallsVerified(
  calls: readonly EmulatorRequestRecord[],
): EmulatorRequestRecord[] {
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.every((r) => r.signed)).toBe(true);
  const rejected = calls.filter((r) => r.authFailure !== undefined);
  expect(rejected).toEqual([expect.objectContaining({ api: 'athena', status: 400 })]);
  const verified = calls.filter((r) => r.authFailure === undefined);
  expect(verified.every((r) => r.status === 200)).toBe(true);
  expect(new Set(verified.map((r) => r.api))).toEqual(new Set(['athena', 'nimble', 'oci']));
  return verified;
}
