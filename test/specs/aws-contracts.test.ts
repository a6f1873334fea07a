/**
 * The specs must match the official models member for member. The reference is
 * test/fixtures/aws-contracts.json (copied from the team's shared contracts); dropping or
 * changing any member, constraint, enum value or error in a spec fails here.
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

function schemaOf(spec: Json, ref: string): Json {
  return spec.components.schemas[ref.replace('#/components/schemas/', '')];
}

function resolve(spec: Json, schema: Json): Json {
  return schema.$ref ? schemaOf(spec, schema.$ref) : schema;
}

/** Checks one contract member against its JSON Schema. */
function checkMember(spec: Json, where: string, member: Json, schema: Json | undefined): void {
  expect(schema, `${where}: member ${member.wireName} missing`).toBeDefined();
  const s = resolve(spec, schema!);
  const c = member.constraints ?? {};
  const types: Record<string, string> = {
    string: 'string',
    integer: 'integer',
    array: 'array',
    map: 'object',
    object: 'object',
  };
  if (member.type === 'timestamp') {
    const format =
      c.timestampFormat === 'iso8601' || /ISO 8601/.test(member.wireFormat ?? '')
        ? 'iso8601'
        : 'epoch-seconds';
    expect(schema!['x-timestamp'], `${where}.${member.wireName} timestamp format`).toBe(format);
    expect(s.type).toBe(format === 'iso8601' ? 'string' : 'number');
  } else {
    expect(s.type, `${where}.${member.wireName} type`).toBe(types[member.type]);
  }
  const isString = member.type === 'string';
  if (c.min !== undefined)
    expect(s[isString ? 'minLength' : 'minimum'], `${where}.${member.wireName} min`).toBe(c.min);
  if (c.max !== undefined)
    expect(s[isString ? 'maxLength' : 'maximum'], `${where}.${member.wireName} max`).toBe(c.max);
  if (c.minItems !== undefined) expect(s.minItems).toBe(c.minItems);
  if (c.maxItems !== undefined) expect(s.maxItems).toBe(c.maxItems);
  if (c.pattern !== undefined)
    expect(s.pattern, `${where}.${member.wireName} pattern`).toBe(c.pattern);
  if (c.enum !== undefined) expect(s.enum, `${where}.${member.wireName} enum`).toEqual(c.enum);
}

function checkObject(spec: Json, where: string, members: Json[], schema: Json): void {
  const s = resolve(spec, schema);
  const required = new Set<string>(s.required ?? []);
  for (const member of members) {
    checkMember(spec, where, member, s.properties?.[member.wireName]);
    expect(required.has(member.wireName), `${where}.${member.wireName} required flag`).toBe(
      Boolean(member.required),
    );
  }
  expect(Object.keys(s.properties ?? {}).sort(), `${where}: no extra members`).toEqual(
    members.map((m) => m.wireName).sort(),
  );
}

for (const [key, contract] of Object.entries<Json>(contracts.operations)) {
  const spec = specs[key]!;
  describe(`${key} spec matches the contract`, () => {
    const { path, method, op } = findOperation(spec, contract.operation);

    it('has the protocol, signing name and HTTP binding', () => {
      expect(spec['x-protocol']).toBe(contract.protocol);
      expect(spec['x-auth']).toEqual({ scheme: 'sigv4', signingName: contract.auth.signingName });
      expect(method.toUpperCase()).toBe(contract.http.method);
      const wirePath = path.split('#')[0];
      expect(wirePath).toBe(contract.http.path);
      if (contract.protocol === 'awsJson1_1') {
        expect(`${spec['x-aws-target-prefix']}.${contract.operation}`).toBe(
          contract.http.requestHeaders['X-Amz-Target'],
        );
      }
    });

    it('has every input member with its location, type, required flag and constraints', () => {
      if (contract.protocol === 'awsJson1_1') {
        const body = op.requestBody.content['application/x-amz-json-1.1'].schema;
        for (const m of contract.input.members) expect(m.location).toBe('body');
        checkObject(spec, 'input', contract.input.members, body);
        return;
      }
      for (const member of contract.input.members) {
        const param = (op.parameters as Json[]).find((p) => p.name === member.wireName);
        expect(param, `parameter ${member.wireName}`).toBeDefined();
        expect(param!.in).toBe(member.location);
        expect(Boolean(param!.required)).toBe(Boolean(member.required));
        checkMember(spec, 'input', member, param!.schema);
      }
      expect((op.parameters as Json[]).length).toBe(contract.input.members.length);
    });

    it('has every output member and nested shape', () => {
      const content = op.responses['200'].content;
      const schema = content[Object.keys(content)[0]!].schema;
      checkObject(spec, 'output', contract.output.members, schema);
      for (const [name, shape] of Object.entries<Json>(contract.nestedShapes)) {
        if (shape.type === 'map') {
          const holder = spec.components.schemas.StreamingSession.properties.tags;
          expect(holder.type).toBe('object');
          expect(holder.additionalProperties).toEqual({ type: shape.valueType });
          continue;
        }
        checkObject(spec, name, shape.members, { $ref: `#/components/schemas/${name}` });
      }
    });

    it('has every enum value in model order', () => {
      for (const [name, values] of Object.entries<string[]>(contract.enums ?? {})) {
        expect(spec.components.schemas[name]?.enum, `enum ${name}`).toEqual(values);
      }
    });

    it('has every modelled error with its HTTP status and members', () => {
      const statuses = Object.keys(op.responses);
      for (const error of contract.errors) {
        const schema = spec.components.schemas[error.name];
        expect(schema, `error ${error.name}`).toBeDefined();
        expect(schema['x-error']).toMatchObject({
          code: error.name,
          status: error.httpStatus,
          fault: error.fault,
        });
        expect(statuses).toContain(String(error.httpStatus));
        const refs = JSON.stringify(op.responses[String(error.httpStatus)]);
        expect(refs).toContain(`#/components/schemas/${error.name}`);
        checkObject(spec, error.name, error.members, schema);
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

describe('the contract check itself', () => {
  it('fails when a member is dropped from a spec', () => {
    const spec = structuredClone(specs['nimble.ListStreamingSessions']!);
    delete spec.components.schemas.StreamingSession.properties.statusCode;
    const shape =
      contracts.operations['nimble.ListStreamingSessions'].nestedShapes.StreamingSession;
    expect(() =>
      checkObject(spec, 'StreamingSession', shape.members, {
        $ref: '#/components/schemas/StreamingSession',
      }),
    ).toThrow(/statusCode/);
  });

  it('fails when an enum value is missing', () => {
    const spec = structuredClone(specs['nimble.ListStreamingSessions']!);
    spec.components.schemas.StreamingSessionState.enum.pop();
    const member = contracts.operations[
      'nimble.ListStreamingSessions'
    ].nestedShapes.StreamingSession.members.find((m: Json) => m.name === 'state');
    expect(() =>
      checkMember(
        spec,
        'StreamingSession',
        member,
        spec.components.schemas.StreamingSession.properties.state,
      ),
    ).toThrow();
  });
});
