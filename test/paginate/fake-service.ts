import {
  createPaginator,
  type Paginator,
  type PaginationConfig,
} from '../../src/paginate/index.js';

/** The slice of the generated Nimble types that pagination touches. */
export interface StreamingSession {
  sessionId?: string;
}
export interface ListStreamingSessionsInput {
  studioId: string;
  nextToken?: string;
  ownedBy?: string;
}
export interface ListStreamingSessionsOutput {
  sessions?: StreamingSession[];
  nextToken?: string;
}

/** One page the fake service returns for a request token (null: the request without one). */
export interface FakePage {
  readonly items: readonly string[];
  readonly next: string | null;
}

/**
 * A stand-in for the generated NimbleStudioClient: answers from a token -> page table and
 * records every request (a copy, so later mutation cannot rewrite history).
 */
export class FakeNimbleClient {
  readonly requests: ListStreamingSessionsInput[] = [];
  readonly signals: (AbortSignal | undefined)[] = [];

  constructor(private readonly pages: ReadonlyMap<string | null, FakePage>) {}

  async listStreamingSessions(
    input: ListStreamingSessionsInput,
    options?: { signal?: AbortSignal },
  ): Promise<ListStreamingSessionsOutput> {
    this.requests.push({ ...input });
    this.signals.push(options?.signal);
    const page = this.pages.get(input.nextToken ?? null);
    if (page === undefined) throw new Error(`fake service: unknown token ${input.nextToken}`);
    const output: ListStreamingSessionsOutput = {
      sessions: page.items.map((sessionId) => ({ sessionId })),
    };
    if (page.next !== null) output.nextToken = page.next;
    return output;
  }
}

/** Exactly the shape the generator emits for Nimble's botocore paginator. */
export function paginateListStreamingSessions(
  client: FakeNimbleClient,
  input: ListStreamingSessionsInput,
  config?: PaginationConfig,
): Paginator<ListStreamingSessionsOutput, StreamingSession> {
  return createPaginator(
    (request, signal) => client.listStreamingSessions(request, { signal }),
    input,
    {
      operation: 'ListStreamingSessions',
      inputToken: 'nextToken',
      outputToken: 'nextToken',
      resultKey: 'sessions',
    },
    config,
  );
}

/** Session ids of a page, the form the fixture lists pages in. */
export function idsOf(page: ListStreamingSessionsOutput): (string | undefined)[] {
  return (page.sessions ?? []).map((session) => session.sessionId);
}

/** The request token of each recorded request, null when the member was not sent. */
export function requestTokens(client: FakeNimbleClient): (string | null)[] {
  return client.requests.map((request) =>
    Object.hasOwn(request, 'nextToken') ? (request.nextToken as string) : null,
  );
}

/** Decodes a resume token to its JSON text (what botocore base64-encoded). */
export function resumeJson(token: string | undefined): string | null {
  return token === undefined ? null : Buffer.from(token, 'base64').toString('utf8');
}
