/**
 * The service starts sending an error code the spec does not list. A deployed client raises
 * the service's base exception carrying the code, status, request id and raw body, so callers
 * can still branch on `code`; the modelled classes keep matching their own codes (issue 14,
 * item 3).
 */
import { describe, expect, it } from 'vitest';
import {
  AthenaServiceException,
  InvalidRequestException,
  isInvalidRequestException,
} from 'cloud-sessions/athena';
import { NimbleStudioServiceException, ValidationException } from 'cloud-sessions/nimble-studio';
import {
  AiDataPlatformServiceException,
  NotAuthorizedOrNotFound,
} from 'cloud-sessions/oci-ai-data-platform';
import { ServiceError } from 'cloud-sessions/runtime';
import { MODES, athena, nimble, oci } from './clients.js';
import { useOneOfEach } from './one-of-each.js';

const env = useOneOfEach();
const { notebookId, studioId, ociIds } = env;

describe.each(MODES)('a new error code, %s validation', (mode) => {
  it('awsJson1_1 (Athena): the base exception with code, status, request id and raw body', async () => {
    const body = {
      __type: 'com.amazonaws.athena#SessionCapacityExceededException',
      Message: 'Too many sessions in this workgroup.',
      RetryAfterSeconds: 30,
    };
    env.evolution = {
      kind: 'answer',
      signingName: 'athena',
      status: 400,
      headers: { 'x-amzn-RequestId': 'req-new-code' },
      body,
    };
    const error = await athena(env.emu, env.service.url, mode)
      .listNotebookSessions({ NotebookId: notebookId() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AthenaServiceException);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).not.toBeInstanceOf(InvalidRequestException);
    expect(error).toMatchObject({
      code: 'SessionCapacityExceededException',
      status: 400,
      requestId: 'req-new-code',
      message: 'Too many sessions in this workgroup.',
      body,
    });
    expect((error as Error).constructor).toBe(AthenaServiceException);
  });

  it('awsJson1_1 (Athena): a modelled code still gets its own class', async () => {
    env.evolution = {
      kind: 'answer',
      signingName: 'athena',
      status: 400,
      body: { __type: 'InvalidRequestException', Message: 'no', AthenaErrorCode: 'NEW_REASON' },
    };
    const error = await athena(env.emu, env.service.url, mode)
      .listNotebookSessions({ NotebookId: notebookId() })
      .catch((e: unknown) => e);
    expect(isInvalidRequestException(error)).toBe(true);
    // A new value of a modelled error member passes through too.
    expect((error as InvalidRequestException).AthenaErrorCode).toBe('NEW_REASON');
  });

  it('restJson1 (Nimble): the code from x-amzn-errortype, the raw body kept', async () => {
    const body = { message: 'Studio is migrating.', migrationId: 'm-1' };
    env.evolution = {
      kind: 'answer',
      signingName: 'nimble',
      status: 409,
      headers: {
        'x-amzn-errortype': 'StudioMigratingException:http://internal',
        'x-amzn-RequestId': 'req-n',
      },
      body,
    };
    const error = await nimble(env.emu, env.service.url, mode)
      .listStreamingSessions({ studioId: studioId() })
      .catch((e: unknown) => e);
    expect((error as Error).constructor).toBe(NimbleStudioServiceException);
    expect(error).not.toBeInstanceOf(ValidationException);
    expect(error).toMatchObject({
      code: 'StudioMigratingException',
      status: 409,
      requestId: 'req-n',
      body,
    });
  });

  it('OCI: the code from the body, the raw body and opc-request-id kept', async () => {
    const body = { code: 'WorkspaceArchived', message: 'The workspace is archived.' };
    env.evolution = {
      kind: 'answer',
      signingName: 'oci',
      status: 409,
      headers: { 'opc-request-id': 'oci-req-1' },
      body,
    };
    const error = await oci(env.emu, env.service.url, mode)
      .listSessions(ociIds())
      .catch((e: unknown) => e);
    expect((error as Error).constructor).toBe(AiDataPlatformServiceException);
    expect(error).not.toBeInstanceOf(NotAuthorizedOrNotFound);
    expect(error).toMatchObject({
      code: 'WorkspaceArchived',
      status: 409,
      requestId: 'oci-req-1',
      body,
    });
  });
});
