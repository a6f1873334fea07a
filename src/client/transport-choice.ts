import { ConfigurationError } from '../errors/index.js';

/** What a client's `fetch` option may hold. */
export type FetchOption = typeof fetch | 'global' | undefined;

/** The globals that tell Node itself from runtimes that also load the `node` export condition. */
export interface RuntimeGlobals {
  Bun?: unknown;
  Deno?: unknown;
  process?: { versions?: { node?: string; bun?: string } };
}

/**
 * Whether this runtime's default transport is the keep-alive `node:http` one: in Node itself,
 * yes (its global `fetch`, undici, costs about twice as much per request on a fast network,
 * BENCHMARKS.md; AWS SDK v3 also defaults to `node:http` in Node). Bun and Deno load the
 * `node` export condition too, but their own `fetch` is native and their `node:http` is a
 * layer over it, so they keep `fetch`, as browsers and workers do.
 */
export function prefersNodeHttp(globals: RuntimeGlobals): boolean {
  if (globals.Bun !== undefined || globals.Deno !== undefined) return false;
  const versions = globals.process?.versions;
  return typeof versions?.node === 'string' && versions.bun === undefined;
}

/**
 * The `fetch` a client sends with: the one passed; `undefined` for "look `globalThis.fetch` up
 * on every request" (`'global'`, or no platform default); else the platform's default.
 */
export function chooseFetch(
  option: FetchOption,
  platformDefault: typeof fetch | undefined,
): typeof fetch | undefined {
  if (typeof option === 'function') return option;
  if (option === 'global') return undefined;
  if (option !== undefined) {
    throw new ConfigurationError(
      "Invalid Configuration: fetch must be a fetch function or 'global' (globalThis.fetch, " +
        'looked up on every request)',
    );
  }
  return platformDefault;
}
