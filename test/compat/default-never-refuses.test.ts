/**
 * The "Done when" of issue 14 as properties over the generated Athena client: the default mode
 * sends every input that only a pattern, a maximum or an enum would reject, exactly as given,
 * and strict mode refuses exactly the inputs the spec's constraints reject (an oracle written
 * from specs/athena.yaml, independent of the runtime's rule table).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AthenaClient, type ListNotebookSessionsInput } from 'cloud-sessions/athena';
import { ValidationError, type ValidationMode } from 'cloud-sessions/runtime';

/** specs/athena.yaml, ListNotebookSessionsRequest. */
const UUID_PART = /[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}/u;
const codePoints = (s: string) => [...s].length;

function strictOracle(input: ListNotebookSessionsInput): boolean {
  const { NotebookId, MaxResults, NextToken } = input;
  return (
    codePoints(NotebookId) <= 36 &&
    UUID_PART.test(NotebookId) &&
    (MaxResults === undefined || MaxResults <= 100) &&
    (NextToken === undefined || codePoints(NextToken) <= 1024)
  );
}

function observedClient(validation: ValidationMode) {
  const sent: unknown[] = [];
  const client = new AthenaClient({
    region: 'us-east-1',
    credentials: {
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    },
    retry: false,
    validation,
    fetch: async (_url, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return new Response('{"NotebookSessionsList":[]}', {
        headers: { 'content-type': 'application/x-amz-json-1.1' },
      });
    },
  });
  return { client, sent };
}

/** Inputs botocore's rules accept (non-empty strings, MaxResults >= 1), often off-spec otherwise. */
const inputs: fc.Arbitrary<ListNotebookSessionsInput> = fc.record(
  {
    NotebookId: fc.oneof(
      fc.uuid({ version: 4 }),
      fc.string({ minLength: 1, maxLength: 60 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }),
    ),
    MaxResults: fc.integer({ min: 1, max: 10_000 }),
    NextToken: fc.string({ minLength: 1, maxLength: 1100 }),
  },
  { requiredKeys: ['NotebookId'] },
);

describe('over generated inputs', () => {
  it('default: every input botocore accepts is sent unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(inputs, async (input) => {
        const { client, sent } = observedClient('default');
        await client.listNotebookSessions(input);
        expect(sent).toEqual([input]);
      }),
      { numRuns: 150 },
    );
  });

  it('strict: refuses exactly what the spec rejects, before sending, naming the member', async () => {
    await fc.assert(
      fc.asyncProperty(inputs, async (input) => {
        const { client, sent } = observedClient('strict');
        const error = await client.listNotebookSessions(input).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (strictOracle(input)) {
          expect(error).toBeUndefined();
          expect(sent).toEqual([input]);
        } else {
          expect(error).toBeInstanceOf(ValidationError);
          expect(Object.keys(input)).toContain((error as ValidationError).parameter);
          expect(sent).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
