#!/usr/bin/env node
// Launcher of the `cloud-sessions` command.
//
// In a checkout (tsconfig.json present, tsx installed) it runs the TypeScript sources with the
// `source` export condition, so it never runs a stale build. Anywhere else, notably the
// published package, it runs the compiled dist/src/cli/main.js. The published package ships
// src/ too (for declaration maps) but neither tsconfig.json nor the `source` condition, which
// is why tsconfig.json, not src/, marks a checkout.
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';

const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
const source = new URL('../src/cli/main.ts', import.meta.url);
const tsx =
  existsSync(tsconfig) && existsSync(source)
    ? await import('tsx/esm/api').catch(() => undefined)
    : undefined;

if (tsx !== undefined) {
  tsx.register({ tsconfig });
  // The exports and imports maps point the `source` condition at the .ts files (as vitest and
  // `node --conditions=source` use them); add that condition to every resolution.
  // module.registerHooks() (Node >= 22.15, in-thread and synchronous) where it exists:
  // module.register() is deprecated from Node 26 (DEP0205, a warning on stderr). tsx makes
  // the same choice for its own hooks.
  if (typeof nodeModule.registerHooks === 'function') {
    nodeModule.registerHooks({
      resolve: (specifier, context, next) =>
        next(specifier, { ...context, conditions: [...context.conditions, 'source'] }),
    });
  } else {
    const hook =
      'export const resolve = (specifier, context, next) => ' +
      "next(specifier, { ...context, conditions: [...context.conditions, 'source'] });";
    nodeModule.register(`data:text/javascript,${encodeURIComponent(hook)}`);
  }
  await import(source.href);
} else {
  await import('../dist/src/cli/main.js');
}
