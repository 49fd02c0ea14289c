import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources, so tests need no build of the SDK.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    setupFiles: ['./test/support/handler-env.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
