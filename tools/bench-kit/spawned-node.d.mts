import type { ChildProcess } from 'node:child_process';

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
  /** Resolves with stdout once it contains `text`; rejects if the process ends first or `ms` pass (15 s by default). */
  waitForStdout(text: string, ms?: number): Promise<string>;
}

/** Runs `node <args>` with only the environment given (plus PATH), tracked for {@link killSpawned}. */
export function spawnNode(
  args: string[],
  options: { env: Record<string, string>; cwd?: string },
): SpawnedNode;

/** Kills every spawned process still running and waits for each to end. */
export function killSpawned(): Promise<void>;
