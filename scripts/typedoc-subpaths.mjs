// TypeDoc plugin: names each documented module after the package subpath that exports it
// (`cloud-sessions/athena` rather than `generated/athena`), read from package.json `exports`
// so the two cannot drift apart; and accepts openapi-typescript's `@description` tag, which
// the generated types.ts files use for every schema member.
import { readFileSync } from 'node:fs';
import { Application, Converter, ReflectionKind } from 'typedoc';

/** `./generated/athena/index.ts` -> `generated/athena`: TypeDoc's default module name. */
function defaultModuleName(target) {
  return target
    .replace(/^\.\//, '')
    .replace(/\.ts$/, '')
    .replace(/\/index$/, '');
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const names = new Map();
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'object' && typeof target.source === 'string') {
      names.set(defaultModuleName(target.source), `${pkg.name}/${subpath.replace(/^\.\//, '')}`);
    }
  }
  // After bootstrap: the configuration is read again once plugins are loaded.
  app.on(Application.EVENT_BOOTSTRAP_END, () => {
    app.options.setValue('blockTags', [...app.options.getValue('blockTags'), '@description']);
  });
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getChildrenByKind(ReflectionKind.Module)) {
      const name = names.get(module.name);
      if (name) module.name = name;
    }
  });
}
