import { defineConfig } from 'vitest/config';

// `source` first: the package's exports and imports maps point it at the TypeScript sources, so
// tests import `cloud-sessions/athena` exactly as users do, without a build.
const conditions = ['source', 'node', 'development'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/jupyter/**',
      'test/browser/**',
      'test/edge/**',
      'test/runtimes/**',
      'node_modules/**',
    ],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
