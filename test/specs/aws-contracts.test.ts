/**
 * What the specs carry that no botocore model file does, checked against the shared contracts
 * (test/fixtures/aws-contracts.json): the HTTP binding and signing name as the SDKs send them,
 * the endpoint templates (from the rulesets) and whether a paginator is botocore's or ours.
 * Members, constraints, enums and errors are not here: the vendored model is their contract, and
 * `npm run import -- --check` (test/import/check.test.ts) holds the specs to it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Json = Record<string, any>;
const contracts = JSON.parse(readFileSync('test/fixtures/aws-contracts.json', 'utf8')) as Json;
const specs: Record<string, Json> = {
  'athena.ListNotebookSessions': parse(readFileSync('specs/athena.yaml', 'utf8')),
  'nimble.ListStreamingSessions': parse(readFileSync('specs/nimble-studio.yaml', 'utf8')),
};

function findOperation(
  spec: Json,
  operationId: string,
): { path: string; method: string; op: Json } {
  for (const [path, item] of Object.entries<Json>(spec.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) {
      if (op.operationId === operationId) return { path, method, op };
    }
  }
  throw new Error(`operation ${operationId} not in spec`);
}

for (const [key, contract] of Object.entries<Json>(contracts.operations)) {
  const spec = specs[key]!;
  describe(`${key} spec matches the contract`, () => {
    const { path, method, op } = findOperation(spec, contract.operation);

    it('has the protocol, signing name and HTTP binding', () => {
      expect(spec['x-protocol']).toBe(contract.protocol);
      expect(spec['x-auth']).toEqual({ scheme: 'sigv4', signingName: contract.auth.signingName });
      expect(method.toUpperCase()).toBe(contract.http.method);
      expect(path.split('#')[0]).toBe(contract.http.path);
      if (contract.protocol === 'awsJson1_1') {
        expect(`${spec['x-aws-target-prefix']}.${contract.operation}`).toBe(
          contract.http.requestHeaders['X-Amz-Target'],
        );
      }
    });

    it('declares the paginator exactly as botocore does, or as an extension when botocore has none', () => {
      const x = op['x-paginated'];
      if (contract.paginator) {
        expect(x).toMatchObject({
          inputToken: contract.paginator.input_token,
          outputToken: contract.paginator.output_token,
          resultKey: contract.paginator.result_key,
          source: 'botocore',
        });
        expect(x.limitKey).toBe(contract.paginator.limit_key ?? undefined);
      } else {
        expect(x.source).toBe('extension');
      }
    });

    it('has the endpoint templates of the ruleset', () => {
      const e = spec['x-endpoints'];
      for (const [example, url] of Object.entries<string>(contract.endpoints.examples)) {
        const [region, ...flags] = example.split('+');
        const template = flags.includes('fips')
          ? flags.includes('dualstack')
            ? e.fipsDualStack
            : e.fips
          : flags.includes('dualstack')
            ? e.dualStack
            : e.default;
        const host = new URL(url).hostname;
        expect(
          host.startsWith(template.split('{region}')[0].replace('https://', '') + region),
        ).toBe(true);
      }
    });
  });
}
