/**
 * Output formats of `--output`, as pure functions from sessions to text:
 *
 * - `table`: the API's columns, aligned with two spaces, upper-case headers, dates as
 *   ISO 8601 UTC strings, `-` for absent values. Control characters in values are escaped, so
 *   a session name cannot break the layout or send terminal escape sequences.
 * - `json`: one object, the sessions under the API's own result member (as the AWS CLI
 *   prints a paginated result) and `NextToken` when the listing was cut.
 * - `ndjson`: one session per line; a cut listing ends with a `{"NextToken": ...}` line,
 *   which no session has as its only member.
 *
 * Dates become ISO strings in JSON too (`Date.prototype.toJSON`).
 */
import type { Column } from './command-model.js';

/** A session as the clients return it. */
export type Item = Record<string, unknown>;

const ABSENT = '-';

// C0 controls, DEL and C1 controls: C1 0x9b is a one-byte CSI on some terminals.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function escapeControl(text: string): string {
  return text.replace(CONTROL, (char) => {
    const short = JSON.stringify(char).slice(1, -1);
    return short.length === 2 ? short : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** One table cell: ISO dates, `-` for null or undefined, JSON for objects, controls escaped. */
export function formatCell(value: unknown): string {
  if (value === undefined || value === null) return ABSENT;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  }
  if (typeof value === 'string') return value === '' ? ABSENT : escapeControl(value);
  if (typeof value === 'object') return escapeControl(JSON.stringify(value));
  return String(value);
}

/** The table of `items` under `columns`, header first; every line ends with `\n`. */
export function formatTable(columns: readonly Column[], items: readonly Item[]): string {
  const rows = [
    columns.map((column) => column.header),
    ...items.map((item) => columns.map((column) => formatCell(column.value(item)))),
  ];
  const widths = columns.map((_, index) =>
    Math.max(...rows.map((row) => (row[index] as string).length)),
  );
  const last = columns.length - 1;
  return rows
    .map(
      (row) =>
        row.map((cell, index) => (index === last ? cell : cell.padEnd(widths[index]!))).join('  ') +
        '\n',
    )
    .join('');
}

/** The `table` format's resume-token line, written to stderr. */
export function formatTableNextToken(token: string): string {
  return `NextToken: ${token}\n`;
}

/** The `json` format: `{ <resultKey>: [...], NextToken? }`, indented by two spaces. */
export function formatJson(
  resultKey: string,
  items: readonly Item[],
  nextToken: string | undefined,
): string {
  const document: Record<string, unknown> = { [resultKey]: items };
  if (nextToken !== undefined) document.NextToken = nextToken;
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** One `ndjson` line for a session. */
export function formatNdjsonItem(item: Item): string {
  return `${JSON.stringify(item)}\n`;
}

/** The last `ndjson` line of a cut listing. */
export function formatNdjsonNextToken(token: string): string {
  return `${JSON.stringify({ NextToken: token })}\n`;
}
