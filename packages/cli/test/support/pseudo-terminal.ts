import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { todoBin } from './built-cli.js';
import type { Env } from './todo-user.js';

/**
 * util-linux `script` runs a command on a fresh pseudo-terminal, so `todo` sees a terminal on
 * stdin and stdout as it would in a person's shell. Where it is missing, terminal tests skip.
 */
export const hasPseudoTerminal = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

/** `todo` running on a terminal that the test reads and types into. */
export interface Terminal {
  /** What the terminal showed so far (stdout and stderr), escape codes taken out. */
  screen(): string;
  /** What the terminal showed so far, escape codes and all. */
  raw(): string;
  /** Waits until `text` shows on the screen after what the previous wait found. */
  waitFor(text: string, ms?: number): Promise<void>;
  /** Sends keys as typed: `\r` is Enter, `\x03` Ctrl-C, `\x1b[B` the down arrow. */
  type(keys: string): void;
  /** The exit code of `todo` once it has ended. */
  exited: Promise<number | null>;
}

const sessions = new Set<ChildProcess>();
const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

/** Starts `node bin/todo.js <args>` on a pseudo-terminal, with this environment plus TERM. */
export function openTerminal(
  args: readonly string[],
  env: Env,
  options: {
    /** The terminal's width. @default what `script` gives a terminal of unknown size */ columns?: number;
  } = {},
): Terminal {
  const todo = [process.execPath, todoBin, ...args].map(quote).join(' ');
  const command = options.columns ? `stty cols ${options.columns} rows 24 && exec ${todo}` : todo;
  // -q no banner, -f flush at once, -e exit with the command's code, -c the command; no log file.
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: Object.fromEntries(
      Object.entries({ TERM: 'xterm-256color', ...env }).filter(([, value]) => value !== undefined),
    ),
    cwd: tmpdir(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  sessions.add(child);
  let output = '';
  let seen = 0;
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      sessions.delete(child);
      resolve(code);
    });
  });
  const screen = () => stripVTControlCharacters(output);
  return {
    screen,
    raw: () => output,
    exited,
    type: (keys) => child.stdin?.write(keys),
    waitFor: async (text, ms = 10_000) => {
      const deadline = Date.now() + ms;
      for (;;) {
        const at = screen().indexOf(text, seen);
        if (at >= 0) {
          seen = at + text.length;
          return;
        }
        if (child.exitCode !== null || Date.now() > deadline) {
          throw new Error(`"${text}" never showed on the terminal; it showed:\n${screen()}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

/** Ends every terminal session still open (one a failed test left), waiting for each. */
export async function closeTerminals(): Promise<void> {
  await Promise.all(
    [...sessions].map(async (child) => {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('close', resolve));
    }),
  );
}
