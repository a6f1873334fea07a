/**
 * The CLI as a function: argv, output streams and environment in, exit status out. `main.ts`
 * passes the process's own; tests pass their own.
 */
import type { Logger } from '../client/logging.js';
import { parseCommandLine } from './args.js';
import type { Environment, ListInvocation } from './invocation.js';
import {
  formatJson,
  formatNdjsonItem,
  formatNdjsonNextToken,
  formatTable,
  formatTableNextToken,
  type Item,
} from './format.js';
import { helpText } from './help.js';
import { openListing, type Listing } from './listing.js';
import { EXIT_OK, describeError, type Phase } from './report.js';
import { callOperation, formatCallOutput, servicesText } from './call.js';
import type { CallInvocation } from './call-invocation.js';

/** The part of a writable stream the CLI uses (`process.stdout`, a `PassThrough`, ...). */
export interface OutputStream {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/** What the CLI runs against. */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Environment for options with an environment fallback (`JUPYTER_TOKEN`). */
  readonly env: Environment;
  /** Show progress on stderr (only when it is a terminal). */
  readonly stderrIsTTY?: boolean;
  /** Printed by `--version`. */
  readonly version: string;
  /** Stops a listing in progress (Ctrl-C, a closed stdout). */
  readonly signal?: AbortSignal;
}

/** Runs one command line and resolves to its exit status (0, 1 or 2). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let invocation;
  try {
    invocation = parseCommandLine(argv, io.env);
  } catch (error) {
    return fail(io, describeError(error, { phase: 'setup' }));
  }
  switch (invocation.kind) {
    case 'version':
      await write(io.stdout, `${io.version}\n`);
      return EXIT_OK;
    case 'help':
      await write(io.stdout, helpText(invocation.topic));
      return EXIT_OK;
    case 'list':
      return list(invocation, io);
    case 'services':
      await write(io.stdout, servicesText());
      return EXIT_OK;
    case 'call':
      return call(invocation, io);
  }
}

/** `call`: one request (retried per the client's policy), its output as JSON on stdout. */
async function call(invocation: CallInvocation, io: CliIo): Promise<number> {
  const logger = invocation.debug ? stderrLogger(io.stderr) : undefined;
  try {
    const output = await callOperation(invocation, logger);
    await write(io.stdout, formatCallOutput(output, invocation.output));
    return EXIT_OK;
  } catch (error) {
    return fail(
      io,
      describeError(error, { phase: 'listing', debug: invocation.debug, helpCommand: 'call' }),
    );
  }
}

async function list(invocation: ListInvocation, io: CliIo): Promise<number> {
  const logger = invocation.debug ? stderrLogger(io.stderr) : undefined;
  let phase: Phase = 'setup';
  let listing: Listing | undefined;
  let streamed = 0;
  const progress = new Progress(io, invocation.output !== 'ndjson');
  try {
    listing = openListing(invocation, logger, io.signal);
    phase = 'listing';
    const collected: Item[] = [];
    for await (const items of listing.pages) {
      if (invocation.output === 'ndjson') {
        for (const item of items) await write(io.stdout, formatNdjsonItem(item));
        streamed += items.length;
      } else {
        collected.push(...items);
      }
      progress.page(items.length);
    }
    progress.clear();
    await printResult(invocation, io, collected, listing.resumeToken);
    return EXIT_OK;
  } catch (error) {
    progress.clear();
    // Sessions already on stdout (ndjson) need not be fetched again: say where to resume.
    const resume = streamed > 0 ? listing?.resumeToken : undefined;
    if (resume !== undefined) await write(io.stderr, formatTableNextToken(resume));
    return fail(
      io,
      describeError(error, { phase, command: invocation.command, debug: invocation.debug }),
    );
  }
}

async function printResult(
  invocation: ListInvocation,
  io: CliIo,
  items: readonly Item[],
  nextToken: string | undefined,
): Promise<void> {
  switch (invocation.output) {
    case 'table':
      await write(io.stdout, formatTable(invocation.command.columns, items));
      if (nextToken !== undefined) await write(io.stderr, formatTableNextToken(nextToken));
      return;
    case 'json':
      await write(io.stdout, formatJson(invocation.command.resultKey, items, nextToken));
      return;
    case 'ndjson':
      if (nextToken !== undefined) await write(io.stdout, formatNdjsonNextToken(nextToken));
      return;
  }
}

async function fail(io: CliIo, report: { exitCode: number; text: string }): Promise<number> {
  await write(io.stderr, report.text);
  return report.exitCode;
}

/** Writes, waiting for `drain` when the stream asks for it (a slow pipe, a long ndjson listing). */
function write(stream: OutputStream, text: string): Promise<void> {
  if (stream.write(text)) return Promise.resolve();
  return new Promise((resolve) => stream.once('drain', () => resolve()));
}

/**
 * `--debug`: the clients' per-attempt entries (already redacted: signing headers, tokens and
 * presigned signatures never reach a logger) as one line each on stderr.
 */
export function stderrLogger(stderr: OutputStream): Logger {
  const line =
    (level: string) =>
    (message: string, details?: Record<string, unknown>): void => {
      const suffix = details === undefined ? '' : ` ${JSON.stringify(details)}`;
      stderr.write(`[${level}] ${message}${suffix}\n`);
    };
  return { debug: line('debug'), info: line('info'), warn: line('warn') };
}

/** The text of the progress line after `pages` pages with `items` sessions. */
export function progressText(items: number, pages: number): string {
  return `Listing... ${items} session${items === 1 ? '' : 's'} from ${pages} pages`;
}

/**
 * A one-line progress display on stderr for listings that take more than one request. Only on
 * a terminal (a redirected stderr gets no carriage-return noise), and not for ndjson, whose
 * output is itself the progress.
 */
class Progress {
  readonly #stream: OutputStream;
  readonly #enabled: boolean;
  #items = 0;
  #pages = 0;
  #shown = false;

  constructor(io: CliIo, buffered: boolean) {
    this.#stream = io.stderr;
    this.#enabled = io.stderrIsTTY === true && buffered;
  }

  page(items: number): void {
    this.#items += items;
    this.#pages += 1;
    if (!this.#enabled || this.#pages < 2) return;
    this.#stream.write(`\r\x1b[2K${progressText(this.#items, this.#pages)}`);
    this.#shown = true;
  }

  clear(): void {
    if (this.#shown) this.#stream.write('\r\x1b[2K');
    this.#shown = false;
  }
}
