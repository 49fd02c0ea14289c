// The local gateway of @todolist/handlers as a user runs it: `node dist/local/main.mjs`, a process
// of its own with dynalite on disk, on a random loopback port, throttling off. Copied from the
// handlers' benchmark (packages/handlers/scripts/bench/gateway.mjs): packages share no scripts.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const READY_LINE = /todolist is running at http:\/\/[^:/]+:(\d+)/;
const READY_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

/** Stops a child process with SIGINT (as Ctrl-C does), then SIGKILL if it does not end in time. */
export async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * The path of the built gateway, building @todolist/handlers once first if it is missing (turbo
 * builds this package before its benchmark, not the handlers). The build's output goes to stderr,
 * so stdout stays the report.
 */
export async function ensureGatewayBuilt(handlersRoot, children, log) {
  const mainPath = join(handlersRoot, 'dist/local/main.mjs');
  if (existsSync(mainPath)) return mainPath;
  log(`${mainPath} is missing: building @todolist/handlers once (node scripts/build.mjs)`);
  const child = spawn(process.execPath, [join(handlersRoot, 'scripts/build.mjs')], {
    cwd: handlersRoot,
    stdio: ['ignore', 2, 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const [code, signal] = await once(child, 'exit');
  if (code !== 0) throw new Error(`the handlers build failed (${signal ?? `exit code ${code}`})`);
  if (!existsSync(mainPath)) throw new Error(`the handlers build wrote no ${mainPath}`);
  return mainPath;
}

/**
 * Spawns the built gateway with its data in `dataDir` and resolves once it prints its ready line.
 * The child is in `children` from spawn to exit, so an interrupted run can stop it even before
 * it is ready.
 * @returns {{ url: string, child: import('node:child_process').ChildProcess, output: () => string }}
 */
export async function startGatewayProcess(mainPath, dataDir, children) {
  const child = spawn(process.execPath, [mainPath], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      TODOLIST_DATA_DIR: dataDir,
      // Thousands of calls back to back would otherwise meet the stage throttle (1000 req/s).
      THROTTLE_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  const collect = (chunk) => {
    output += chunk;
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  try {
    const port = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the gateway did not get ready in ${READY_TIMEOUT_MS} ms:\n${output}`)),
        READY_TIMEOUT_MS,
      );
      const onData = () => {
        const found = READY_LINE.exec(output);
        if (!found) return;
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve(Number(found[1]));
      };
      child.stdout.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the gateway exited (${signal ?? code}) before it was ready:\n${output}`));
      });
    });
    return { url: `http://127.0.0.1:${port}`, child, output: () => output };
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}
