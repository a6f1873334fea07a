import { ResourceNotFoundException } from 'cloud-sessions/athena';
import { describe, expect, test } from 'vitest';
import { findApiCommand } from '../../src/cli/commands.js';
import { describeError, optionForParameter, type Phase } from '../../src/cli/report.js';
import { UsageError } from '../../src/cli/usage-error.js';
import {
  AbortError,
  CloudSessionsError,
  ConfigurationError,
  ConnectionError,
  CredentialsError,
  PaginationError,
  ServiceError,
  TimeoutError,
  ValidationError,
} from '../../src/errors/index.js';

const athena = findApiCommand('athena')!;
const oci = findApiCommand('oci')!;

function notFound(): ResourceNotFoundException {
  return new ResourceNotFoundException({
    code: 'ResourceNotFoundException',
    message: 'Notebook x was not found.',
    status: 400,
    requestId: 'req-123',
    headers: {},
    body: {},
  });
}

describe('exit status', () => {
  test.each<[string, unknown, Phase, number]>([
    ['UsageError', new UsageError('--x', 'known option', 'Unknown option --x.'), 'setup', 2],
    ['client ValidationError', new ValidationError('NotebookId', 'pattern'), 'listing', 2],
    ['ConfigurationError', new ConfigurationError('Missing Region'), 'listing', 2],
    ['PaginationError before any request', new PaginationError('Bad starting token'), 'setup', 2],
    ['PaginationError while listing', new PaginationError('repeated token'), 'listing', 1],
    ['service error', notFound(), 'listing', 1],
    ['ConnectionError', new ConnectionError('Request failed'), 'listing', 1],
    ['TimeoutError', new TimeoutError('took too long', 'total'), 'listing', 1],
    ['CredentialsError', new CredentialsError('no credentials'), 'listing', 1],
    ['AbortError', new AbortError('aborted'), 'listing', 1],
    ['a bug (plain Error)', new TypeError('x is undefined'), 'listing', 1],
    ['a thrown string', 'boom', 'listing', 1],
  ])('%s -> %d', (_, error, phase, exitCode) => {
    expect(describeError(error, { phase, command: athena }).exitCode).toBe(exitCode);
  });
});

test('errors from another copy of the package are told apart by name', () => {
  const foreign = Object.assign(new CloudSessionsError('Invalid parameter NotebookId: ...'), {
    name: 'ValidationError',
    parameter: 'NotebookId',
  });
  const report = describeError(foreign, { phase: 'listing', command: athena });
  expect(report.exitCode).toBe(2);
  expect(report.text).toContain('  Option: --notebook-id\n');
});

describe('messages', () => {
  test('a service error shows its name, message, request id and status', () => {
    expect(describeError(notFound(), { phase: 'listing', command: athena }).text).toBe(
      [
        'cloud-sessions: ResourceNotFoundException: Notebook x was not found.',
        '  Request ID: req-123',
        '  HTTP status: 400',
        '',
      ].join('\n'),
    );
  });

  test('an unmodelled service error also shows the code the service sent', () => {
    const error = new ServiceError({
      code: 'InvalidSignatureException',
      message: 'Signature expired',
      status: 400,
      requestId: 'r1',
      headers: {},
      body: {},
    });
    expect(describeError(error, { phase: 'listing' }).text).toContain(
      '  Error code: InvalidSignatureException\n',
    );
  });

  test('retried failures show the number of attempts', () => {
    const error = new ConnectionError('Request failed: fetch failed');
    error.attempts = 3;
    expect(describeError(error, { phase: 'listing' }).text).toContain('  Attempts: 3\n');
  });

  test('a connection failure shows its innermost cause', () => {
    const error = new ConnectionError('Request failed: fetch failed', {
      cause: new TypeError('fetch failed', {
        cause: new Error('connect ECONNREFUSED 127.0.0.1:9'),
      }),
    });
    expect(describeError(error, { phase: 'listing' }).text).toBe(
      [
        'cloud-sessions: ConnectionError: Request failed: fetch failed',
        '  Cause: connect ECONNREFUSED 127.0.0.1:9',
        '',
      ].join('\n'),
    );
  });

  test('a usage error shows its message and where to find help', () => {
    const error = new UsageError('--x', 'known option', 'Unknown option --x.', 'list athena');
    expect(describeError(error, { phase: 'setup' }).text).toBe(
      'cloud-sessions: Unknown option --x.\nRun "cloud-sessions list athena --help" for usage.\n',
    );
  });

  test('a client ValidationError names the option that set the member', () => {
    const error = new ValidationError('NotebookId', 'pattern', 'NotebookId must match ...');
    expect(describeError(error, { phase: 'listing', command: athena }).text).toBe(
      [
        'cloud-sessions: ValidationError: Invalid parameter NotebookId: NotebookId must match ...',
        '  Option: --notebook-id',
        'Run "cloud-sessions list athena --help" for usage.',
        '',
      ].join('\n'),
    );
  });

  test('a missing region suggests --region and the environment variable of the API', () => {
    const error = new ConfigurationError('Invalid Configuration: Missing Region');
    expect(describeError(error, { phase: 'listing', command: athena }).text).toContain(
      'Pass --region, set AWS_REGION',
    );
    expect(describeError(error, { phase: 'listing', command: oci }).text).toContain(
      'Pass --region, set OCI_REGION',
    );
  });

  test('a bad starting token points at --starting-token', () => {
    const error = new PaginationError('Bad starting token for ListNotebookSessions: x');
    expect(describeError(error, { phase: 'setup', command: athena }).text).toContain(
      '  Option: --starting-token\n',
    );
  });

  test('--debug adds the stack of unexpected errors only', () => {
    const bug = new TypeError('x is undefined');
    expect(describeError(bug, { phase: 'listing', debug: true }).text).toContain(bug.stack!);
    expect(describeError(bug, { phase: 'listing' }).text).toBe(
      'cloud-sessions: TypeError: x is undefined\n',
    );
  });
});

describe('optionForParameter', () => {
  test.each<[string, string | undefined]>([
    ['config.maxItems', '--max-items'],
    ['config.pageSize', '--page-size'],
    ['config.startingToken', '--starting-token'],
    ['NotebookId', '--notebook-id'],
    ['MaxResults', undefined],
  ])('athena %s -> %s', (parameter, option) => {
    expect(optionForParameter(parameter, athena)).toBe(option);
  });

  test('maps OCI members with their wire names', () => {
    expect(optionForParameter('cluster_id', oci)).toBe('--cluster-id');
    expect(optionForParameter('aiDataPlatformId', oci)).toBe('--ai-data-platform-id');
  });
});
