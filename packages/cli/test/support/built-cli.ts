import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOnce } from '@todolist/bench-kit/build-once';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The `todo` binary as npm installs it: bin/todo.js, which runs the bundle in dist/. */
export const todoBin = join(packageRoot, 'bin/todo.js');

/** The version `todo --version` must print: the package's. */
export const packageVersion = (
  JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * Builds dist/ with `node scripts/build.mjs` unless dist/todo.js is there (turbo builds before the
 * tests in CI). Test files run in parallel and the build first deletes dist/, so `buildOnce` lets
 * one of them build under a pid lock file while the others wait, and none looks at dist/ half
 * written.
 */
export async function ensureCliBuilt(): Promise<void> {
  await buildOnce({
    packageRoot,
    outputs: [join(packageRoot, 'dist/todo.js')],
    lockName: 'todolist-cli-build',
    timeoutMs: 120_000,
  });
}
