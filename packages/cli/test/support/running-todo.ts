import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { todoBin } from './built-cli.js';
import { type Env, RUN_LIMIT_MS, type TodoRun } from './todo-user.js';

/** A `todo` run the test watches while it runs, and may feed standard input. */
export interface RunningTodo {
  /**
   * Resolves with the first line the run wrote on stderr, from its start, that `test` accepts;
   * rejects when the run ends or `ms` pass without one.
   */
  waitForStderrLine(test: (line: string) => boolean, ms?: number): Promise<string>;
  /** As {@link waitForStderrLine}, on stdout. */
  waitForStdoutLine(test: (line: string) => boolean, ms?: number): Promise<string>;
  /** Sends the run a signal (`SIGINT` is Ctrl-C). */
  kill(signal: NodeJS.Signals): void;
  /** The run as it ended. */
  finished: Promise<TodoRun>;
}

type StreamName = 'stdout' | 'stderr';

const runs = new Set<ChildProcess>();

/**
 * Starts `node bin/todo.js <args>` with exactly this environment, stdout and stderr piped; with
 * `input`, standard input is a pipe that gives that text and closes, else it is closed from the start.
 */
export function startTodo(
  args: readonly string[],
  env: Env,
  options: { cwd?: string; input?: string } = {},
): RunningTodo {
  const child = spawn(process.execPath, [todoBin, ...args], {
    env: Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)),
    cwd: options.cwd ?? tmpdir(),
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  runs.add(child);
  if (options.input !== undefined) child.stdin?.end(options.input);
  const output = { stdout: '', stderr: '' };
  const lines: Record<StreamName, string[]> = { stdout: [], stderr: [] };
  const watchers = new Set<() => void>();
  let closed = false;
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream]?.setEncoding('utf8').on('data', (chunk: string) => {
      const complete = (output[stream].split('\n').pop() ?? '') + chunk;
      output[stream] += chunk;
      lines[stream].push(...complete.split('\n').slice(0, -1));
      for (const watcher of watchers) watcher();
    });
  }
  const limit = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
  const finished = new Promise<TodoRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(limit);
      runs.delete(child);
      closed = true;
      resolve({ ...output, code });
      for (const watcher of watchers) watcher();
    });
  });
  const waitForLine =
    (stream: StreamName) =>
    (test: (line: string) => boolean, ms = 20_000): Promise<string> =>
      new Promise((resolve, reject) => {
        let seen = 0;
        const deadline = setTimeout(() => settle(new Error(`no such line on ${stream} in ${ms} ms`)), ms);
        const settle = (result: string | Error) => {
          clearTimeout(deadline);
          watchers.delete(watch);
          if (typeof result === 'string') resolve(result);
          else
            reject(
              new Error(
                `${result.message}; stdout so far:\n${output.stdout}\nstderr so far:\n${output.stderr}`,
              ),
            );
        };
        const watch = () => {
          for (; seen < lines[stream].length; seen++) {
            const line = lines[stream][seen] as string;
            if (test(line)) return settle(line);
          }
          if (closed) settle(new Error(`the run ended without such a line on ${stream}`));
        };
        watchers.add(watch);
        watch();
      });
  return {
    finished,
    waitForStderrLine: waitForLine('stderr'),
    waitForStdoutLine: waitForLine('stdout'),
    kill: (signal) => child.kill(signal),
  };
}

/** Kills every run still going (one a failed test left), waiting for each to end. */
export async function stopTodoRuns(): Promise<void> {
  await Promise.all(
    [...runs].map(async (child) => {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('close', resolve));
    }),
  );
}
