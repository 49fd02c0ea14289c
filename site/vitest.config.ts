import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources; the local gateway runs the handlers'
  // built route bundles (turbo builds them before these tests). The page itself loads the SDK's built
  // browser bundle (turbo builds the SDK before these tests).
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // Each file runs a browser and a gateway; two at once is what a 2-core runner holds.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' },
  },
});
