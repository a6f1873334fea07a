/** Protocol choice, refused model features and the command line, as tables. */
import { describe, expect, test } from 'vitest';
import { parseImportArgs } from '../../scripts/import/args.js';
import { importBotocore } from '../../scripts/import/botocore-service.js';
import { chooseProtocol } from '../../scripts/import/protocol.js';
import { clientName } from '../../scripts/import/overlay-stub.js';

describe('chooseProtocol: the first protocol in metadata.protocols the runtime speaks', () => {
  test.each<[Record<string, unknown>, string]>([
    [{ protocol: 'json', jsonVersion: '1.1' }, 'awsJson1_1'],
    [{ protocol: 'json', jsonVersion: '1.0' }, 'awsJson1_0'],
    [{ protocol: 'rest-json' }, 'restJson1'],
    [
      {
        protocols: ['smithy-rpc-v2-cbor', 'json'],
        protocol: 'smithy-rpc-v2-cbor',
        jsonVersion: '1.0',
      },
      'awsJson1_0',
    ],
    [{ protocols: ['query', 'rest-json'], protocol: 'query' }, 'restJson1'],
    [{ protocols: ['json', 'query'], jsonVersion: '1.1' }, 'awsJson1_1'],
  ])('%j -> %s', (metadata, expected) => {
    expect(chooseProtocol(metadata, 'svc')).toBe(expected);
  });

  test('a model with none the runtime speaks is refused, naming what it has', () => {
    expect(() => chooseProtocol({ protocols: ['query', 'ec2'] }, 'sqs')).toThrow(
      "sqs: none of the model's protocols (query, ec2) is supported",
    );
  });
});

const base = (shapes: Record<string, any>, http = { method: 'POST', requestUri: '/' }) => ({
  service: 'svc',
  paginators: {},
  operations: ['ListThings'],
  api: {
    metadata: {
      protocol: 'json',
      jsonVersion: '1.1',
      targetPrefix: 'Svc',
      endpointPrefix: 'svc',
      apiVersion: '2020-01-01',
    },
    operations: {
      ListThings: { name: 'ListThings', http, input: { shape: 'In' }, output: { shape: 'Out' } },
    },
    shapes: { In: { type: 'structure', members: {} }, ...shapes },
  },
});

describe('model features the generator cannot express are errors naming the shape and the feature', () => {
  test.each<[string, Record<string, any>, RegExp]>([
    [
      'union',
      {
        Out: { type: 'structure', members: { u: { shape: 'U' } } },
        U: { type: 'structure', union: true, members: {} },
      },
      /Out\.u -> U: a union/,
    ],
    [
      'document',
      {
        Out: { type: 'structure', members: { d: { shape: 'D' } } },
        D: { type: 'structure', document: true },
      },
      /Out\.d -> D: a document type/,
    ],
    [
      'streaming blob',
      {
        Out: { type: 'structure', members: { b: { shape: 'B' } } },
        B: { type: 'blob', streaming: true },
      },
      /B: a streaming payload/,
    ],
    [
      'event stream',
      {
        Out: { type: 'structure', members: { e: { shape: 'E' } } },
        E: { type: 'structure', eventstream: true, members: {} },
      },
      /E: an event stream/,
    ],
    [
      'timestamp format',
      {
        Out: { type: 'structure', members: { t: { shape: 'T' } } },
        T: { type: 'timestamp', timestampFormat: 'julian' },
      },
      /T: timestampFormat "julian"/,
    ],
  ])('%s', (_name, shapes, message) => {
    expect(() => importBotocore(base(shapes))).toThrow(message);
  });

  test('a missing operation is named', () => {
    const input = {
      ...base({ Out: { type: 'structure', members: {} } }),
      operations: ['ListGone'],
    };
    expect(() => importBotocore(input)).toThrow('svc: the model has no operation ListGone');
  });
});

describe('awsJson errors without httpStatusCode', () => {
  test('a fault is status 500 server, anything else 400 client; retryable and throttling from the traits', () => {
    const input = base({
      Out: { type: 'structure', members: {} },
      Boom: { type: 'structure', exception: true, fault: true, members: {} },
      Slow: { type: 'structure', exception: true, retryable: { throttling: true }, members: {} },
    });
    input.api.operations.ListThings = {
      ...input.api.operations.ListThings,
      errors: [{ shape: 'Boom' }, { shape: 'Slow' }],
    } as any;
    const schemas = importBotocore(input).components.schemas;
    expect(schemas.Boom['x-error']).toEqual({
      code: 'Boom',
      status: 500,
      fault: 'server',
      retryable: false,
      throttling: false,
    });
    expect(schemas.Slow['x-error']).toEqual({
      code: 'Slow',
      status: 400,
      fault: 'client',
      retryable: true,
      throttling: true,
    });
  });
});

describe('command line', () => {
  test.each<[string[], string]>([
    [['--bogus'], 'unknown flag --bogus'],
    [['--add', 'athena:ListSessions'], '--add needs --botocore <botocore data dir>'],
    [['--botocore', '/x', '--add', 'athena'], 'expected <botocore service>:<Operation>'],
    [['--check', '--botocore', '/x'], '--check only compares'],
    [['--botocore'], '--botocore needs a value'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseImportArgs(argv)).toThrow(message);
  });

  test('flags combine', () => {
    expect(parseImportArgs(['--botocore', '/b', '--add', 'glue:ListSessions', '--force'])).toEqual({
      check: false,
      force: true,
      botocore: '/b',
      add: [{ service: 'glue', operation: 'ListSessions' }],
    });
  });

  test.each([
    ['Athena', 'Athena'],
    ['CloudWatch Logs', 'CloudWatchLogs'],
    ['EMR Serverless', 'EMRServerless'],
    ['codecatalyst', 'Codecatalyst'],
  ])('client name of serviceId %s is %s', (id, name) => {
    expect(clientName(id)).toBe(name);
  });
});
