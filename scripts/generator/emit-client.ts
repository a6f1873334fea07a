import {
  Scope,
  VariableDeclarationKind,
  type SourceFile,
  type OptionalKind,
  type PropertySignatureStructure,
} from 'ts-morph';
import type { Json, MemberModel, OperationModel, ServiceModel } from './spec-model.js';
import { lowerFirst } from './spec-model.js';
import { docs, literal, quoteKey } from './emit-util.js';

const SIGNING_BY_AUTH: Record<string, string> = {
  sigv4: 'sigv4Signing',
  'oci-signature-v1': 'ociSigning',
  'header-token': 'tokenSigning',
  none: 'unsignedSigning',
};

const SIGNING_MODULE: Record<string, string> = {
  sigv4: 'signing-sigv4',
  'oci-signature-v1': 'signing-oci',
  'header-token': 'signing-token',
  none: 'signing',
};

/** The runtime's parser (src/client/timestamps.ts) for each `x-timestamp` format. */
const TIMESTAMP_PARSER: Record<string, string> = {
  'epoch-seconds': 'epochSeconds',
  iso8601: 'iso8601',
};

/** The runtime's formatter (src/client/timestamp-serialize.ts) for each input `x-timestamp` format. */
const TIMESTAMP_FORMATTER: Record<string, string> = {
  'epoch-seconds': 'toEpochSeconds',
  iso8601: 'toIso8601',
  'http-date': 'toHttpDate',
};

const CONFIG_BY_AUTH: Record<string, string> = {
  sigv4: 'AwsClientConfig',
  'oci-signature-v1': 'OciClientConfig',
  'header-token': 'TokenClientConfig',
  none: 'ClientConfig',
};

/** Emits `client.ts`: named types, the service and operation descriptions, the client class. */
export function emitClient(file: SourceFile, service: ServiceModel): void {
  const configBase = CONFIG_BY_AUTH[service.auth.scheme];
  const signing = SIGNING_BY_AUTH[service.auth.scheme];
  if (!configBase || !signing)
    throw new Error(`spec: unknown x-auth.scheme ${service.auth.scheme}`);
  const clientClass = `${service.name}Client`;
  const serviceConst = `${lowerFirst(service.name)}Service`;

  file.addImportDeclaration({
    moduleSpecifier: './types.js',
    namedImports: ['components', 'paths'],
    isTypeOnly: true,
  });
  // Values come from their own modules, not the barrel: a bundle of one client then carries only
  // its own signer (a barrel import keeps every re-exported module in bundled chunks).
  file.addImportDeclaration({
    moduleSpecifier: '../../src/client/runtime.js',
    namedImports: ['ServiceRuntime'],
  });
  file.addImportDeclaration({
    moduleSpecifier: `../../src/client/${SIGNING_MODULE[service.auth.scheme]}.js`,
    namedImports: [signing],
  });
  file.addImportDeclaration({
    moduleSpecifier: '../../src/client/index.js',
    isTypeOnly: true,
    namedImports: ['CallOptions', configBase, 'OperationDescription', 'ServiceDescription'],
  });
  const parsers = namesUsed(service, (op) => op.timestamps, TIMESTAMP_PARSER, 'output');
  if (parsers.length > 0) {
    file.addImportDeclaration({
      moduleSpecifier: '../../src/client/timestamps.js',
      namedImports: parsers,
    });
  }
  const formatters = namesUsed(service, (op) => op.inputTimestamps, TIMESTAMP_FORMATTER, 'input');
  if (formatters.length > 0) {
    file.addImportDeclaration({
      moduleSpecifier: '../../src/client/timestamp-serialize.js',
      namedImports: formatters,
    });
  }
  file.addImportDeclaration({
    moduleSpecifier: './errors.js',
    namedImports: [`${service.name}ServiceException`, ...service.errors.map((e) => e.code)],
  });

  file.addTypeAlias({
    name: 'Schemas',
    isExported: true,
    docs: docs(
      "The spec's named schemas (`components['schemas']`), as openapi-typescript types them.",
    ),
    type: "components['schemas']",
  });
  const enumNames = new Set(service.enums.map((e) => e.name));
  // botocore names shapes `<Operation>Output` too; the operation's own alias takes the name.
  const operationAliases = new Set(
    service.operations.flatMap((op) => [`${op.name}Input`, `${op.name}Output`]),
  );
  for (const { name, description } of service.schemas) {
    if (enumNames.has(name) || operationAliases.has(name)) continue;
    file.addTypeAlias({
      name,
      isExported: true,
      docs: docs(description ?? `The \`${name}\` shape of the spec.`),
      type: `Schemas['${name}']`,
    });
  }
  for (const e of service.enums) {
    file.addVariableStatement({
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: docs(e.description ?? `Values of ${e.name}.`),
      declarations: [
        {
          name: e.name,
          initializer: `{ ${e.values.map((v) => `${quoteKey(v)}: ${literal(v)}`).join(', ')} } as const`,
        },
      ],
    });
    file.addTypeAlias({ name: e.name, isExported: true, type: `Schemas['${e.name}']` });
  }

  for (const op of service.operations) emitOperationTypes(file, op);

  // Not exported: what the runtime needs to know, not part of the client's API.
  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    docs: docs(
      `How the ${service.name} client talks to the service (from the spec's x- extensions).`,
    ),
    declarations: [
      {
        name: serviceConst,
        type: 'ServiceDescription',
        initializer: literal({
          name: service.name,
          protocol: service.protocol,
          ...(service.targetPrefix ? { targetPrefix: service.targetPrefix } : {}),
          auth: service.auth,
          signing: raw(signing),
          retry: service.retry,
          requestIdHeader: service.requestIdHeader,
          endpoints: service.endpoints,
          baseError: raw(`${service.name}ServiceException`),
          errors: raw(`{ ${service.errors.map((e) => e.code).join(', ')} }`),
        }),
      },
    ],
  });
  for (const op of service.operations) emitOperationDescription(file, op);

  file.addInterface({
    name: `${clientClass}Config`,
    isExported: true,
    extends: [configBase],
    docs: docs(`Options for {@link ${clientClass}}.`),
  });
  file.addClass({
    name: clientClass,
    isExported: true,
    docs: docs(
      `Client for ${service.title}.\n\nEvery call validates its input before sending, signs each attempt afresh, ` +
        `retries per the service's policy and returns typed output with \`Date\` timestamps.`,
    ),
    properties: [{ name: '#runtime', isReadonly: true, type: 'ServiceRuntime<paths>' }],
    ctors: [
      {
        parameters: [{ name: 'config', type: `${clientClass}Config`, initializer: '{}' }],
        statements: `this.#runtime = new ServiceRuntime<paths>(${serviceConst}, config);`,
      },
    ],
    methods: service.operations.map((op) => ({
      name: op.methodName,
      scope: Scope.Public,
      docs: docs([op.summary, op.description].filter(Boolean).join('\n\n')),
      parameters: [
        {
          name: 'input',
          type: `${op.name}Input`,
          // Nothing required: the input may be left out, as in the AWS SDKs.
          ...(op.members.some((m) => m.required) ? {} : { initializer: '{}' }),
        },
        { name: 'options', type: 'CallOptions', hasQuestionToken: true },
      ],
      returnType: `Promise<${op.name}Output>`,
      statements: `return this.#runtime.send(${operationConst(op)}, input, options, (http, init${op.members.length ? ', wire' : ''}) =>\n${typedCall(op)});`,
    })),
  });
}

function operationConst(op: OperationModel): string {
  return `${lowerFirst(op.name)}Operation`;
}

function emitOperationTypes(file: SourceFile, op: OperationModel): void {
  if (op.inputSchema && op.members.every((m) => m.location === 'body')) {
    file.addTypeAlias({
      name: `${op.name}Input`,
      isExported: true,
      docs: docs(`Input of ${op.name}.`),
      type: `Schemas['${op.inputSchema}']`,
    });
  } else {
    file.addInterface({
      name: `${op.name}Input`,
      isExported: true,
      docs: docs(`Input of ${op.name}.`),
      properties: op.members.map(memberSignature),
    });
  }
  const body = !op.outputSchema
    ? 'Record<string, never>'
    : op.outputArray
      ? `Array<Schemas['${op.outputSchema}']>`
      : `Schemas['${op.outputSchema}']`;
  const headerMembers = op.outputHeaders.map(
    (h) =>
      `/** ${(h.description ?? `The ${h.header} response header.`).replace(/\*\//g, '')} */ ${h.member}?: string;`,
  );
  file.addTypeAlias({
    name: `${op.name}Output`,
    isExported: true,
    docs: docs(`Output of ${op.name}.`),
    type: headerMembers.length ? `${body} & {\n${headerMembers.join('\n')}\n}` : body,
  });
}

function memberSignature(member: MemberModel): OptionalKind<PropertySignatureStructure> {
  return {
    name: quoteKey(member.name),
    type: member.tsType,
    hasQuestionToken: !member.required,
    docs: member.description ? docs(member.description) : undefined,
  };
}

function emitOperationDescription(file: SourceFile, op: OperationModel): void {
  const input: Json = {};
  for (const m of op.members) input[m.name] = withRegExps(m.rule);
  const description: Json = { name: op.name, input };
  if (op.inputTimestamps) {
    description.inputTimestamps = withFunctions(
      op.inputTimestamps,
      TIMESTAMP_FORMATTER,
      `${op.name} input`,
    ) as Json;
  }
  if (op.timestamps) {
    description.timestamps = withFunctions(
      op.timestamps,
      TIMESTAMP_PARSER,
      `${op.name} output`,
    ) as Json;
  }
  if (op.outputArray) description.outputArray = true;
  if (op.outputHeaders.length) {
    description.outputHeaders = Object.fromEntries(
      op.outputHeaders.map((h) => [h.member, h.header]),
    );
  }
  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      { name: operationConst(op), type: 'OperationDescription', initializer: literal(description) },
    ],
  });
}

/** A member rule with every `pattern`, nested ones included, as a `u`-flag RegExp literal. */
function withRegExps(rule: Json): Json {
  const out: Json = { ...rule };
  if (out.pattern !== undefined) out.pattern = raw(`new RegExp(${literal(out.pattern)}, 'u')`);
  if (out.items) out.items = withRegExps(out.items);
  if (out.values) out.values = withRegExps(out.values);
  if (out.members) {
    out.members = Object.fromEntries(
      Object.entries<Json>(out.members).map(([name, member]) => [name, withRegExps(member)]),
    );
  }
  return out;
}

/**
 * A timestamp plan with each format name replaced by the runtime function for it (a parser
 * for outputs, a formatter for inputs); a format the runtime lacks is a generate error.
 */
function withFunctions(plan: Json, functions: Record<string, string>, where: string): unknown {
  if (typeof plan === 'string') {
    const fn = functions[plan];
    if (!fn) {
      throw new Error(
        `spec: x-timestamp ${plan} is not supported in an ${where.split(' ').pop()} (${where}); ` +
          `supported: ${Object.keys(functions).join(', ')}`,
      );
    }
    return raw(fn);
  }
  if (plan === null || typeof plan !== 'object' || Array.isArray(plan)) return plan;
  return Object.fromEntries(
    Object.entries(plan).map(([key, value]) => [key, withFunctions(value, functions, where)]),
  );
}

/** The runtime functions a service's plans use, sorted (the client imports only those). */
function namesUsed(
  service: ServiceModel,
  planOf: (op: OperationModel) => Json | undefined,
  functions: Record<string, string>,
  direction: string,
): string[] {
  const found = new Set<string>();
  const visit = (plan: Json): void => {
    if (typeof plan === 'string') {
      const fn = functions[plan];
      if (!fn) throw new Error(`spec: x-timestamp ${plan} is not supported in an ${direction}`);
      found.add(fn);
    } else if (plan !== null && typeof plan === 'object') Object.values(plan).forEach(visit);
  };
  for (const op of service.operations) {
    const plan = planOf(op);
    if (plan) visit(plan);
  }
  return [...found].sort();
}

/** The typed openapi-fetch call: checked by tsc against the spec's `paths`. */
function typedCall(op: OperationModel): string {
  const method = op.httpMethod;
  const groups: Record<string, string[]> = { path: [], query: [], header: [] };
  const bodyMembers: string[] = [];
  for (const m of op.members) {
    const entry = `${quoteKey(m.wireName)}: wire${accessor(m.name)}`;
    if (m.location === 'body') bodyMembers.push(entry);
    else groups[m.location]!.push(entry);
  }
  const params = Object.entries(groups)
    .filter(([, entries]) => entries.length)
    .map(([where, entries]) => `${where}: { ${entries.join(', ')} }`);
  const init = ['...init'];
  if (params.length) init.push(`params: { ${params.join(', ')} }`);
  if (op.inputSchema) {
    init.push(params.length ? `body: { ${bodyMembers.join(', ')} }` : 'body: wire');
  }
  return `http.${method}(${literal(op.path)}, { ${init.join(', ')} })`;
}

function accessor(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${literal(name)}]`;
}

/** Marks text to be emitted as code, not as a string literal. */
export function raw(code: string): { __raw: string } {
  return { __raw: code };
}
