import { type ChildProcess, spawn } from 'node:child_process';

/** How a spawned process ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A Node.js process a test started, with its output so far. */
export interface SpawnedNode {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Settles once the process has ended and its output is read. */
  exited: Promise<Exit>;
  /** Resolves with stdout once it contains `text`; rejects if the process ends first or `ms` pass. */
  waitForStdout(text: string, ms?: number): Promise<string>;
}

const running = new Set<SpawnedNode>();

function waitForStdout(spawned: SpawnedNode, text: string, ms: number): Promise<string> {
  const stdout = spawned.child.stdout;
  return new Promise<string>((resolve, reject) => {
    const finish = (error?: Error) => {
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

/** Runs `node <args>` with only the environment given (plus PATH), tracked for {@link killSpawned}. */
export function spawnNode(
  args: string[],
  options: { env: Record<string, string>; cwd?: string },
): SpawnedNode {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    ...(options.cwd ? { cwd: options.cwd } : {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const exited = new Promise<Exit>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const spawned: SpawnedNode = {
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
export async function killSpawned(): Promise<void> {
  await Promise.all(
    [...running].map(async (spawned) => {
      spawned.child.kill('SIGKILL');
      await spawned.exited.catch(() => undefined);
    }),
  );
}
