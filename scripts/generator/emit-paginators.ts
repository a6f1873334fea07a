import type { SourceFile } from 'ts-morph';
import type { ServiceModel } from './spec-model.js';
import { docs, literal } from './emit-util.js';

/** Emits `paginators.ts`: one `paginateX` entry point per operation with `x-paginated`. */
export function emitPaginators(file: SourceFile, service: ServiceModel): void {
  const paginated = service.operations.filter((op) => op.paginator);
  const clientClass = `${service.name}Client`;
  file.addImportDeclaration({
    moduleSpecifier: '../../src/paginate/index.js',
    namedImports: [
      'createPaginator',
      { name: 'PaginationConfig', isTypeOnly: true },
      { name: 'Paginator', isTypeOnly: true },
    ],
  });
  file.addImportDeclaration({
    moduleSpecifier: './client.js',
    isTypeOnly: true,
    namedImports: [
      clientClass,
      ...paginated.flatMap((op) => [`${op.name}Input`, `${op.name}Output`]),
    ],
  });
  for (const op of paginated) {
    const p = op.paginator!;
    const item = `NonNullable<${op.name}Output[${literal(p.resultKey)}]>[number]`;
    const spec = {
      operation: op.name,
      inputToken: p.inputToken,
      outputToken: p.outputToken,
      resultKey: p.resultKey,
      ...(p.limitKey ? { limitKey: p.limitKey } : {}),
      ...(p.limitRange ? { limitRange: p.limitRange } : {}),
    };
    file.addFunction({
      name: `paginate${op.name}`,
      isExported: true,
      docs: docs(
        `Pages through ${op.name} following \`${p.outputToken}\`, with botocore's PaginationConfig ` +
          `semantics: \`maxItems\`, \`startingToken\`${p.limitKey ? `, \`pageSize\` (sets \`${p.limitKey}\`)` : ' (no `pageSize`: the operation has no limit member)'}; ` +
          `\`resumeToken\` after the loop.`,
      ),
      parameters: [
        { name: 'client', type: clientClass },
        { name: 'input', type: `${op.name}Input` },
        { name: 'config', type: 'PaginationConfig', hasQuestionToken: true },
      ],
      returnType: `Paginator<${op.name}Output, ${item}>`,
      statements: `return createPaginator((request: ${op.name}Input, signal?: AbortSignal) => client.${op.methodName}(request, { signal, retry: config?.retry, headers: config?.headers, validation: config?.validation }), input, ${literal(spec)}, config);`,
    });
  }
}
