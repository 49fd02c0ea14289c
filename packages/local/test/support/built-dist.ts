import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOnce } from '@todolist/bench-kit/build-once';
import { lambdaBundle } from '@todolist/handlers/bundles';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const handlersRoot = join(packageRoot, '../handlers');

/** The built local gateway, `npm start`'s entry. */
export const gatewayBundle = join(packageRoot, 'dist/main.mjs');

/**
 * Builds the gateway, and the handlers' route bundles it runs, unless they are there (turbo
 * builds both before the tests in CI). Test files run in parallel and a build first deletes
 * dist/, so `buildOnce` lets one of them build under a pid lock file while the others wait.
 */
export async function ensureBuilt(): Promise<void> {
  await buildOnce({
    packageRoot: handlersRoot,
    outputs: [lambdaBundle('getTodo'), join(handlersRoot, 'dist/index.mjs')],
    lockName: 'todolist-handlers-build',
    timeoutMs: 180_000,
  });
  await buildOnce({
    packageRoot,
    outputs: [gatewayBundle, join(packageRoot, 'dist/testing.mjs')],
    lockName: 'todolist-local-build',
    timeoutMs: 180_000,
  });
}
