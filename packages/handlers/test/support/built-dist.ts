import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { type RouteName, routes } from '@todolist/sdk/contract';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The built local gateway, `npm start`'s entry. */
export const gatewayBundle = join(packageRoot, 'dist/local/main.mjs');

/** The folder holding one Lambda bundle per route. */
export const lambdaBundlesDir = join(packageRoot, 'dist/lambda');

/** The built Lambda bundle of a route. */
export function routeBundle(name: RouteName): string {
  return join(lambdaBundlesDir, name, 'index.mjs');
}

const expectedOutputs = () => [
  gatewayBundle,
  ...Object.keys(routes).map((name) => routeBundle(name as RouteName)),
];

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function runBuild(): Promise<void> {
  const child = spawn(process.execPath, ['scripts/build.mjs'], {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`node scripts/build.mjs failed (exit ${code}):\n${output}`);
}

/**
 * Builds dist/ with `node scripts/build.mjs` unless every route bundle and the gateway are there
 * (turbo builds before the tests in CI). Test files run in parallel and the build first deletes
 * dist/, so a pid lock file lets one of them build while the others wait.
 */
export async function ensureBuilt(): Promise<void> {
  if (expectedOutputs().every((file) => existsSync(file))) return;
  const digest = createHash('sha256').update(packageRoot).digest('hex').slice(0, 12);
  const lock = join(tmpdir(), `todolist-handlers-build-${digest}.lock`);
  for (let waited = 0; ; waited += 250) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lock, 'utf8'));
      if (!isRunning(holder)) rmSync(lock, { force: true });
      else if (waited > 180_000) throw new Error(`the build by pid ${holder} has not finished in 3 minutes`);
      else await sleep(250);
    }
  }
  try {
    if (!expectedOutputs().every((file) => existsSync(file))) await runBuild();
  } finally {
    rmSync(lock, { force: true });
  }
}
