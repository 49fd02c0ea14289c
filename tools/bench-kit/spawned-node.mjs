// Node.js processes a test spawns and talks to: started with only the environment given, their
// output kept, awaited until they print something, and killed at the end whatever happened.
import { spawn } from 'node:child_process';

/** @type {Set<import('./spawned-node.d.mts').SpawnedNode>} */
const running = new Set();

function waitForStdout(spawned, text, ms) {
  const stdout = spawned.child.stdout;
  return new Promise((resolve, reject) => {
    const finish = (error) => {
      clearTimeout(timer);
      stdout?.off('data', check);
      if (!error) return resolve(spawned.stdout());
      reject(new Error(`${error.message}\nstdout: ${spawned.stdout()}\nstderr: ${spawned.stderr()}`));
    };
    const check = () => {
      if (spawned.stdout().includes(text)) finish();
    };
    const timer = setTimeout(() => finish(new Error(`no "${text}" within ${ms} ms`)), ms);
    stdout?.on('data', check);
    check();
    // Settling twice is harmless: whichever comes first decides.
    const ended = () => finish(new Error(`the process ended before printing "${text}"`));
    spawned.exited.then(ended, ended);
  });
}

/** Runs `node <args>` with only the environment given (plus PATH), tracked for `killSpawned`. */
export function spawnNode(args, options) {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    ...(options.cwd ? { cwd: options.cwd } : {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk) => (output.stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const spawned = {
    child,
    stdout: () => output.stdout,
    stderr: () => output.stderr,
    exited,
    waitForStdout: (text, ms = 15_000) => waitForStdout(spawned, text, ms),
  };
  running.add(spawned);
  exited.finally(() => running.delete(spawned)).catch(() => undefined);
  return spawned;
}

/** Kills every spawned process still running and waits for each to end. */
export async function killSpawned() {
  await Promise.all(
    [...running].map(async (spawned) => {
      spawned.child.kill('SIGKILL');
      await spawned.exited.catch(() => undefined);
    }),
  );
}
