import type { ChildProcess } from 'node:child_process';

/** What {@link buildOnce} builds, and how long it waits for another caller's build. */
export interface BuildOnceOptions {
  /** The package to build: the folder holding its `scripts/build.mjs`. */
  packageRoot: string;
  /** The files the build writes (absolute, or relative to `packageRoot`); it runs when one is missing. */
  outputs: readonly string[];
  /**
   * The lock file's name before the digest of `packageRoot`.
   * @default `todolist-<basename of packageRoot>-build`
   */
  lockName?: string;
  /**
   * How long to wait for a build another live process holds the lock for, in ms.
   * @default 180_000
   */
  timeoutMs?: number;
  /** Told once, before building, which output is missing. */
  log?: (message: string) => void;
  /** Holds the build's child process while it runs (see `track` in `@todolist/bench-kit/processes`). */
  children?: Set<ChildProcess>;
  /** Each chunk the build prints, as it comes; it is kept for the error either way. */
  onOutput?: (chunk: string) => void;
}

/**
 * Runs `node scripts/build.mjs` in `packageRoot` unless every path in `outputs` exists, under a pid
 * lock file in os.tmpdir() (a lock whose pid is dead is removed). Rejects with the build's output
 * when it fails. Resolves to whether this call built.
 * @example
 * await buildOnce({ packageRoot, outputs: [join(packageRoot, 'dist/todo.js')] });
 */
export function buildOnce(options: BuildOnceOptions): Promise<boolean>;
