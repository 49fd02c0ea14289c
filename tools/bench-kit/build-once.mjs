// Building a workspace package once, however many test files or benchmarks ask for it at the same
// time: `node scripts/build.mjs` first deletes dist/, so the callers take turns under a pid lock
// file, and only the first that finds an output missing builds.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { track } from './processes.mjs';

const POLL_MS = 100;

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Takes the lock file at `lock`. A lock whose pid is dead is taken over by renaming it to a name
 * of this process's own first: of two processes that find the same stale lock, only one rename
 * succeeds, so the other cannot delete the lock the first then writes.
 */
async function acquireLock(lock, timeoutMs) {
  for (let waited = 0; ; waited += POLL_MS) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let holder;
    try {
      holder = Number(readFileSync(lock, 'utf8'));
    } catch (error) {
      if (error.code === 'ENOENT') continue; // released between the two calls
      throw error;
    }
    if (!isRunning(holder)) {
      const claimed = `${lock}.stale-${process.pid}`;
      try {
        renameSync(lock, claimed);
        // Another process may have replaced the stale lock with its live one in between: give it back.
        if (Number(readFileSync(claimed, 'utf8')) !== holder) renameSync(claimed, lock);
        else rmSync(claimed, { force: true });
      } catch (error) {
        if (error.code !== 'ENOENT') throw error;
      }
      continue;
    }
    if (waited > timeoutMs) {
      throw new Error(
        `the build by pid ${holder} has not finished in ${Math.round(timeoutMs / 1000)} s (lock ${lock})`,
      );
    }
    await sleep(POLL_MS);
  }
}

/** Removes the lock only while it is still this process's. */
function releaseLock(lock) {
  try {
    if (Number(readFileSync(lock, 'utf8')) === process.pid) rmSync(lock, { force: true });
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
}

async function runBuild(root, { children, onOutput }) {
  const child = spawn(process.execPath, ['scripts/build.mjs'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (children) track(children, child);
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    onOutput?.(chunk);
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  const [code, signal] = await new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (...result) => done(result));
  });
  if (code !== 0) {
    throw new Error(`node scripts/build.mjs in ${root} failed (${signal ?? `exit ${code}`}):\n${output}`);
  }
}

/**
 * Runs `node scripts/build.mjs` in `packageRoot` unless every path in `outputs` exists. Callers
 * that ask at the same time take turns under a pid lock file in os.tmpdir() (one per package
 * root; a lock whose pid is dead is removed), so one builds while the others wait, and none looks
 * at a dist/ half written. Rejects with the build's output when it fails, and when it succeeds
 * without writing every output.
 * @param {import('./build-once.d.mts').BuildOnceOptions} options
 * @returns {Promise<boolean>} whether this call built.
 * @example
 * await buildOnce({ packageRoot, outputs: [join(packageRoot, 'dist/todo.js')] });
 */
export async function buildOnce({
  packageRoot,
  outputs,
  lockName,
  timeoutMs = 180_000,
  log,
  children,
  onOutput,
}) {
  const root = resolve(packageRoot);
  const missing = () => outputs.find((file) => !existsSync(resolve(root, file)));
  const digest = createHash('sha256').update(root).digest('hex').slice(0, 12);
  const lock = join(tmpdir(), `${lockName ?? `todolist-${basename(root)}-build`}-${digest}.lock`);
  await acquireLock(lock, timeoutMs);
  try {
    const first = missing();
    if (first === undefined) return false;
    log?.(`${first} is missing: building ${root} once (node scripts/build.mjs)`);
    await runBuild(root, { children, onOutput });
    const still = missing();
    if (still !== undefined) throw new Error(`node scripts/build.mjs in ${root} wrote no ${still}`);
    return true;
  } finally {
    releaseLock(lock);
  }
}
