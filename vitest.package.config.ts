import { defineConfig } from 'vitest/config';

// `npm run test:package`, `npm run test:browser` and `npm run test:edge`: the published package
// (build, pack, install into a temp project), the real-browser test (Debian's chromium) and the
// edge-runtime test (Cloudflare's workerd). Slow and needing a build, a browser or a runtime
// binary, so they stay out of `npm test`.
const conditions = ['source', 'node', 'development'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: [
      'test/package/**/*.test.ts',
      'test/browser/**/*.test.ts',
      'test/edge/**/*.test.ts',
      'test/runtimes/**/*.test.ts',
    ],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
