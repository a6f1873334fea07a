import { defineConfig } from 'vitest/config';

// `npm run test:package` and `npm run test:browser`: the published package (build, pack, install
// into a temp project) and the real-browser test (Debian's chromium). Slow and needing a build
// or a browser, so they stay out of `npm test`.
const conditions = ['source', 'node', 'development'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['test/package/**/*.test.ts', 'test/browser/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
