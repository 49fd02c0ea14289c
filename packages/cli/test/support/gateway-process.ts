import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOnce } from '@todolist/bench-kit/build-once';

// The workspace's local package, whose dist/main.mjs is what `npm start` runs, and the handlers'
// route bundles it runs.
const handlersRoot = fileURLToPath(new URL('../../../handlers/', import.meta.url));
const localRoot = fileURLToPath(new URL('../../../local/', import.meta.url));
const gatewayMain = join(localRoot, 'dist/main.mjs');

/** How long the gateway may take to say it is running. */
const START_LIMIT_MS = 30_000;

/** The local gateway running as a process of its own, its data on disk, as `npm start` runs it. */
export interface GatewayProcess {
  /** Where it listens: `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** SIGKILL, as a crash or a pulled plug: nothing is flushed or closed. Resolves once it is gone. */
  crash(): Promise<void>;
}

const running = new Set<ChildProcess>();

/**
 * Builds the handlers' route bundles and the gateway with their `node scripts/build.mjs` unless
 * they are there, under the same pid lock files as the other packages' tests and benchmarks, so
 * two builds of one never overlap.
 */
export async function ensureGatewayBuilt(): Promise<void> {
  await buildOnce({
    packageRoot: handlersRoot,
    outputs: ['dist/lambda/getTodo/index.mjs'],
    lockName: 'todolist-handlers-build',
  });
  await buildOnce({ packageRoot: localRoot, outputs: [gatewayMain], lockName: 'todolist-local-build' });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `node packages/local/dist/main.mjs` with its data in `dataDir`, throttling off, on `port` (a free
 * one when not given), and resolves once it prints "todolist is running at …".
 */
export async function startGatewayProcess(options: {
  dataDir: string;
  port?: number;
}): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [gatewayMain], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(options.port ?? 0),
      TODOLIST_DATA_DIR: options.dataDir,
      THROTTLE_RATE_LIMIT: '0',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  void exited(child).then(() => running.delete(child));
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    const limit = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the gateway did not start in ${START_LIMIT_MS} ms:\n${output}`));
    }, START_LIMIT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const started = /todolist is running at http:\/\/localhost:(\d+)/.exec(output);
      if (started) {
        clearTimeout(limit);
        resolve(Number(started[1]));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(limit);
      reject(new Error(`the gateway ended before it started (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
  // Keep reading, so a full pipe never blocks it.
  child.stdout.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    crash: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}

/** Kills every gateway still running (one a failed test left), waiting for each to be gone. */
export async function stopGatewayProcesses(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      child.kill('SIGKILL');
      await exited(child);
    }),
  );
}
