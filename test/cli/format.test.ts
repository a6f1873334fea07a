import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Column } from '../../src/cli/command-model.js';
import { findApiCommand } from '../../src/cli/commands.js';
import {
  formatCell,
  formatJson,
  formatNdjsonItem,
  formatNdjsonNextToken,
  formatTable,
  formatTableNextToken,
} from '../../src/cli/format.js';

const columns: Column[] = [
  { header: 'ID', value: (item) => item.id },
  { header: 'CREATED', value: (item) => item.created },
];

describe('formatCell', () => {
  test.each<[unknown, string]>([
    [new Date(Date.UTC(2024, 1, 29, 22, 53, 36, 196)), '2024-02-29T22:53:36.196Z'],
    [new Date(Number.NaN), 'Invalid Date'],
    [undefined, '-'],
    [null, '-'],
    ['', '-'],
    ['READY', 'READY'],
    [0, '0'],
    [3, '3'],
    [false, 'false'],
    [{ team: 'a' }, '{"team":"a"}'],
    ['line\nbreak', 'line\\nbreak'],
    ['tab\there', 'tab\\there'],
    ['\u001b[31mred', '\\u001b[31mred'],
    ['c1\u009bcsi', 'c1\\u009bcsi'],
    ['del\u007f', 'del\\u007f'],
  ])('%j -> %j', (value, expected) => {
    expect(formatCell(value)).toBe(expected);
  });

  test('never contains a control character', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.object()), (value) => {
        expect(formatCell(value)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }),
    );
  });
});

describe('formatTable', () => {
  test('aligns columns with two spaces and leaves the last column unpadded', () => {
    const text = formatTable(columns, [
      { id: 'a', created: new Date(Date.UTC(2024, 0, 1)) },
      { id: 'longer-id', created: undefined },
    ]);
    expect(text).toBe(
      ['ID         CREATED', 'a          2024-01-01T00:00:00.000Z', 'longer-id  -', ''].join('\n'),
    );
  });

  test('an empty listing is the header alone', () => {
    expect(formatTable(columns, [])).toBe('ID  CREATED\n');
  });

  test('has one line per item plus the header, whatever the values', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string(), created: fc.string() })), (items) => {
        const lines = formatTable(columns, items).split('\n');
        expect(lines.pop()).toBe('');
        expect(lines).toHaveLength(items.length + 1);
      }),
    );
  });

  test('reads nested members for OCI kernels', () => {
    const oci = findApiCommand('oci')!;
    const text = formatTable(oci.columns, [
      {
        id: 's1',
        name: 'n.ipynb',
        path: '/p/n.ipynb',
        lifecycleState: 'ACTIVE',
        kernel: { name: 'python3', execution_state: 'idle', last_activity: new Date(0) },
      },
    ]);
    const [header, row] = text.split('\n');
    expect(header!.split(/\s{2,}/)).toEqual([
      'ID',
      'NAME',
      'PATH',
      'STATE',
      'KERNEL',
      'KERNEL STATE',
      'LAST ACTIVITY',
    ]);
    expect(row!.split(/\s{2,}/)).toEqual([
      's1',
      'n.ipynb',
      '/p/n.ipynb',
      'ACTIVE',
      'python3',
      'idle',
      '1970-01-01T00:00:00.000Z',
    ]);
  });

  test('an item without the nested member shows "-"', () => {
    const jupyter = findApiCommand('jupyter')!;
    const row = formatTable(jupyter.columns, [{ id: 'x' }]).split('\n')[1]!;
    expect(row.split(/\s{2,}/)).toEqual(['x', '-', '-', '-', '-', '-', '-', '-']);
  });
});

describe('json and ndjson', () => {
  const items = [{ SessionId: 's1', CreationTime: new Date(Date.UTC(2024, 0, 1)) }];

  test('json holds the items under the result member, dates as ISO strings', () => {
    expect(JSON.parse(formatJson('NotebookSessionsList', items, undefined))).toEqual({
      NotebookSessionsList: [{ SessionId: 's1', CreationTime: '2024-01-01T00:00:00.000Z' }],
    });
  });

  test('json adds NextToken when the listing was cut', () => {
    expect(JSON.parse(formatJson('items', [], 'tok'))).toEqual({ items: [], NextToken: 'tok' });
  });

  test('json is indented and ends with a newline', () => {
    expect(formatJson('items', [], undefined)).toBe('{\n  "items": []\n}\n');
  });

  test('ndjson is one compact line per item', () => {
    expect(formatNdjsonItem(items[0]!)).toBe(
      '{"SessionId":"s1","CreationTime":"2024-01-01T00:00:00.000Z"}\n',
    );
  });

  test('ndjson ends a cut listing with a NextToken record', () => {
    expect(formatNdjsonNextToken('a"b')).toBe('{"NextToken":"a\\"b"}\n');
  });

  test('table output puts the token on its own stderr line', () => {
    expect(formatTableNextToken('tok')).toBe('NextToken: tok\n');
  });
});
