import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOnce } from '@todolist/bench-kit/build-once';
import { type RouteName, routes } from '@todolist/sdk/contract';
import { LIVE_MODULES, type LiveName, lambdaBundle } from '../../scripts/bundles.mjs';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The folder holding one Lambda bundle per route. */
export const lambdaBundlesDir = join(packageRoot, 'dist/lambda');

/** The built Lambda bundle of a route. */
export const routeBundle = (name: RouteName): string => lambdaBundle(name);

const expectedOutputs = () => [
  ...Object.keys(routes).map((name) => routeBundle(name as RouteName)),
  ...Object.keys(LIVE_MODULES).map((name) => lambdaBundle(name as LiveName)),
];

/**
 * Builds dist/ with `node scripts/build.mjs` unless every route and live bundle is there
 * (turbo builds before the tests in CI). Test files run in parallel and the build first deletes
 * dist/, so `buildOnce` lets one of them build under a pid lock file while the others wait.
 */
export async function ensureBuilt(): Promise<void> {
  await buildOnce({
    packageRoot,
    outputs: expectedOutputs(),
    lockName: 'todolist-handlers-build',
    timeoutMs: 180_000,
  });
}
