import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The `todo` binary as npm installs it: bin/todo.js, which runs the bundle in dist/. */
export const todoBin = join(packageRoot, 'bin/todo.js');

/** The version `todo --version` must print: the package's. */
export const packageVersion = (
  JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;

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
 * Builds dist/ with `node scripts/build.mjs` unless dist/todo.js is there (turbo builds before the
 * tests in CI). Test files run in parallel and the build first deletes dist/, so a pid lock file
 * lets one of them build while the others wait, and none looks at dist/ half written.
 */
export async function ensureCliBuilt(): Promise<void> {
  const bundle = join(packageRoot, 'dist/todo.js');
  const digest = createHash('sha256').update(packageRoot).digest('hex').slice(0, 12);
  const lock = join(tmpdir(), `todolist-cli-build-${digest}.lock`);
  for (let waited = 0; ; waited += 100) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lock, 'utf8'));
      if (!isRunning(holder)) rmSync(lock, { force: true });
      else if (waited > 120_000) throw new Error(`the build by pid ${holder} has not finished in 2 minutes`);
      else await sleep(100);
    }
  }
  try {
    if (!existsSync(bundle)) await runBuild();
  } finally {
    rmSync(lock, { force: true });
  }
}
