import type { SourceFile } from 'ts-morph';
import type { ServiceModel } from './spec-model.js';
import { docs, literal, quoteKey } from './emit-util.js';

/** Emits `errors.ts`: the service's base error class, one class and one guard per modelled error. */
/**
 * Body members that would shadow ServiceError's own fields (`code` is the error type there,
 * `message` is Error's) are not redeclared; they stay readable on `error.body`.
 */
const BASE_FIELDS = new Set([
  'code',
  'message',
  'name',
  'status',
  'headers',
  'body',
  'service',
  'retryable',
  'requestId',
  'attempts',
  'stack',
  'cause',
]);

export function emitErrors(file: SourceFile, service: ServiceModel): void {
  const base = `${service.name}ServiceException`;
  // Error members typed by a named schema (`Schemas['ValidationExceptionField']`).
  if (service.errors.some((e) => e.members.some((m) => m.tsType.includes('Schemas[')))) {
    file.addImportDeclaration({
      moduleSpecifier: './client.js',
      isTypeOnly: true,
      namedImports: ['Schemas'],
    });
  }
  file.addImportDeclaration({
    moduleSpecifier: '../../src/errors/index.js',
    namedImports: [
      'ServiceError',
      'isCloudSessionsError',
      { name: 'ServiceErrorInit', isTypeOnly: true },
    ],
  });
  file.addClass({
    name: base,
    isExported: true,
    extends: 'ServiceError',
    docs: docs(`Base class of every error the ${service.name} service returns, modelled or not.`),
    properties: [
      { name: 'name', hasOverrideKeyword: true, initializer: literal(base) },
      {
        name: 'service',
        hasOverrideKeyword: true,
        isReadonly: true,
        initializer: literal(service.name),
      },
    ],
  });
  file.addFunction({
    name: `is${base}`,
    isExported: true,
    docs: docs(
      `True for any ${service.name} service error, also across realms and package copies.`,
    ),
    parameters: [{ name: 'error', type: 'unknown' }],
    returnType: `error is ${base}`,
    statements: `return isCloudSessionsError(error) && (error as { service?: unknown }).service === ${literal(service.name)};`,
  });
  for (const e of service.errors) {
    const members = e.members.filter((m) => !BASE_FIELDS.has(m.name));
    file.addClass({
      name: e.code,
      isExported: true,
      extends: base,
      docs: docs(
        `${e.description ?? e.code}\n\nHTTP ${e.status}, ${e.fault} fault${e.retryable ? ', modelled retryable' : ''}${e.throttling ? ', throttling' : ''}.`,
      ),
      properties: [
        { name: 'name', hasOverrideKeyword: true, initializer: literal(e.code) },
        ...(e.retryable
          ? [{ name: 'retryable', hasOverrideKeyword: true, initializer: 'true' }]
          : []),
        ...members.map((m) => {
          const type = m.tsType.replace(/^Schemas\['\w+'\]$/, 'unknown');
          return {
            name: quoteKey(m.name),
            isReadonly: true,
            hasQuestionToken: true,
            type,
            initializer: `this.bodyMember<${type}>(${literal(m.name)})`,
            docs: m.description ? docs(m.description) : undefined,
          };
        }),
      ],
    });
    file.addFunction({
      name: `is${e.code}`,
      isExported: true,
      docs: docs(`True when \`error\` is a ${e.code} from ${service.name}, also across realms.`),
      parameters: [{ name: 'error', type: 'unknown' }],
      returnType: `error is ${e.code}`,
      statements: `return is${base}(error) && error.name === ${literal(e.code)};`,
    });
  }
}
