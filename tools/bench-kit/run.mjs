// The frame every benchmark runs in: progress on stderr (stdout is the report), what it started
// stopped at the end, on error and on Ctrl-C, and an exit code of 1 only when it could not run (a
// missed target is reported, not failed).
import { Resources } from './resources.mjs';

/**
 * The benchmark cannot run for a reason the person running it can fix (a build missing, a wrong
 * flag): reported as its message alone, without a stack. Any other error is reported with its stack.
 */
export class SetupError extends Error {
  name = 'SetupError';
}

/** Writes one line of progress to stderr, so stdout stays the report. */
export const log = (message) => process.stderr.write(`bench: ${message}\n`);

/**
 * Runs `run` with a fresh `resources` (see `Resources`) and `children`, the set of child processes
 * still alive (see `track`). Whatever happens, `resources` is disposed of once `run` ends; the first
 * SIGINT or SIGTERM disposes of it and exits with 130, a second exits at once, and whatever child is
 * still alive is killed when the process exits. A throw is reported on stderr with exit code 1.
 * @param {(context: { resources: Resources, children: Set<import('node:child_process').ChildProcess> }) => Promise<void>} run
 * @example
 * await runBenchmark(async ({ resources, children }) => {
 *   const work = await resources.makeTempDir('todolist-bench-');
 *   process.stdout.write(`${renderReport(await measure(work, children))}\n`);
 * });
 */
export async function runBenchmark(run) {
  const resources = new Resources();
  // Orderly stops go through `resources`; this is the last resort if the run dies first (an
  // uncaught error, a second Ctrl-C).
  const children = new Set();
  const killChildren = () => {
    for (const child of children) child.kill('SIGKILL');
  };
  resources.adopt(children, killChildren);
  process.once('exit', killChildren);
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (interrupted) process.exit(130); // asked twice: stop now, the exit hooks clean up
      interrupted = true;
      log(`${signal}: stopping what the benchmark started`);
      resources.dispose().finally(() => process.exit(130));
    });
  }
  try {
    await run({ resources, children });
  } catch (error) {
    const reason = error instanceof SetupError ? error.message : error instanceof Error ? error.stack : error;
    process.stderr.write(`bench: could not run: ${reason}\n`);
    process.exitCode = 1;
  } finally {
    await resources.dispose();
  }
}
