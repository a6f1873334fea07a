import { defineConfig } from 'vitest/config';

// `npm run test:jupyter`: the integration tests that start a real Jupyter Server (Debian's
// jupyter-server + python3-ipykernel). Kept out of `npm test` so that it needs no Python.
const conditions = ['source', 'node', 'development'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['test/jupyter/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
