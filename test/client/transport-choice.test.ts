/**
 * Which transport a client sends with: the pure decisions behind the Node default
 * (src/client/transport-choice.ts), as tables.
 */
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from 'cloud-sessions/runtime';
import {
  chooseFetch,
  prefersNodeHttp,
  type RuntimeGlobals,
} from '../../src/client/transport-choice.js';

describe('prefersNodeHttp', () => {
  const cases: [string, RuntimeGlobals, boolean][] = [
    ['Node', { process: { versions: { node: '24.22.3' } } }, true],
    // Bun sets process.versions.node (the Node version it mimics) and process.versions.bun.
    ['Bun', { Bun: {}, process: { versions: { node: '24.3.0', bun: '1.4.5' } } }, false],
    [
      'Bun without the Bun global',
      { process: { versions: { node: '24.3.0', bun: '1.4.5' } } },
      false,
    ],
    [
      'Deno (its process shim reports a Node version)',
      { Deno: {}, process: { versions: { node: '24.2.0' } } },
      false,
    ],
    ['a browser', {}, false],
    ['a worker with a process polyfill without versions', { process: {} }, false],
    [
      'a polyfill whose versions.node is not a string',
      { process: { versions: { node: 1 as never } } },
      false,
    ],
  ];
  it.each(cases)('%s', (_name, globals, expected) => {
    expect(prefersNodeHttp(globals)).toBe(expected);
  });

  it('is true in the Node running this suite', () => {
    expect(prefersNodeHttp(globalThis as RuntimeGlobals)).toBe(true);
  });
});

describe('chooseFetch', () => {
  const given = (() => Promise.reject(new Error('unused'))) as unknown as typeof fetch;
  const platform = (() => Promise.reject(new Error('unused'))) as unknown as typeof fetch;
  const cases: [string, Parameters<typeof chooseFetch>[0], typeof fetch | undefined, unknown][] = [
    ['a function wins over the platform default', given, platform, given],
    ['a function, no platform default', given, undefined, given],
    [
      "'global': globalThis.fetch per request, even with a platform default",
      'global',
      platform,
      undefined,
    ],
    ['omitted: the platform default (Node)', undefined, platform, platform],
    [
      'omitted, no platform default (browsers, Bun, Deno): globalThis.fetch',
      undefined,
      undefined,
      undefined,
    ],
  ];
  it.each(cases)('%s', (_name, option, platformDefault, expected) => {
    expect(chooseFetch(option, platformDefault)).toBe(expected);
  });

  it.each([['node'], [null], [42], [{}]])('rejects %j naming the option and its rule', (option) => {
    const attempt = () => chooseFetch(option as never, platform);
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow("fetch must be a fetch function or 'global'");
  });
});
