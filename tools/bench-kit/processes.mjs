// The child processes a benchmark spawns: tracked while they live, so an interrupted run can kill
// them; stopped as Ctrl-C would stop them; and timed from spawn to end.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const STOP_TIMEOUT_MS = 10_000;

/**
 * Keeps `child` in `children` from now until it exits, so whoever holds the set (see `runBenchmark`)
 * can kill what is still alive.
 * @example
 * const child = track(children, spawn(process.execPath, ['script.mjs']));
 */
export function track(children, child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

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
 * Wall time from spawn to end of `node ...args`, and what it printed: `stdout`, `stderr`, and
 * `output`, both as they came. Rejects, with the output, when it exits other than with code 0.
 * @param {string[]} args
 * @param {{ cwd?: string, env: NodeJS.ProcessEnv, children: Set<import('node:child_process').ChildProcess> }} options
 * @returns {Promise<{ ms: number, stdout: string, stderr: string, output: string }>}
 * @example
 * const { ms } = await timeNode(['-e', '0'], { env: { PATH: process.env.PATH }, children });
 */
export function timeNode(args, { cwd, env, children }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = track(
      children,
      spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    const printed = { stdout: '', stderr: '', output: '' };
    for (const stream of ['stdout', 'stderr']) {
      child[stream].setEncoding('utf8').on('data', (chunk) => {
        printed[stream] += chunk;
        printed.output += chunk;
      });
    }
    child.once('error', reject);
    // 'close', not 'exit': the output is complete only once the pipes are.
    child.once('close', (code, signal) => {
      const ms = performance.now() - started;
      if (code !== 0)
        reject(new Error(`node ${args.join(' ')} ended with ${signal ?? code}:\n${printed.output}`));
      else resolve({ ms, ...printed });
    });
  });
}
