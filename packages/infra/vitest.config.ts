import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources, so tests need no build of the SDK.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    // Synthesizing an app takes seconds; each test file synthesizes its variant once, in beforeAll.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: {
      // CDK's built-in CloudFormation schema check doubles synthesis time; `npm run synth` runs it.
      CDK_VALIDATION: 'false',
      // The tests choose account and region through context alone.
      CDK_DEFAULT_ACCOUNT: '',
      CDK_DEFAULT_REGION: '',
    },
  },
});
