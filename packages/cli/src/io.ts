import { Chalk, type ChalkInstance } from 'chalk';

/** Where the CLI reads and writes, and what the terminal allows, decided once per run (as gh's iostreams). */
export interface IO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  /** Colours and symbols for people; plain text for pipes and files. */
  color: ChalkInstance;
  /** stdout is a terminal: aligned tables, colour, progress. */
  isTerminal: boolean;
  /** Prompts may be shown: stdin and stdout are terminals and `--no-input` was not given. */
  canPrompt: boolean;
  /** Why prompts may not be shown, for error messages: `--no-input`, or no terminal. */
  whyNoPrompt: string;
  /** The terminal's width; `undefined` in a pipe or a file (or a terminal that does not say), where nothing is cut to fit. */
  columns: number | undefined;
  /** Writes a line of data to stdout: what a script pipes (a table, JSON, a token, a setting). */
  out(line: string): void;
  /** Writes a status line (`Added …`, `Deleted …`, a summary) or an error line to stderr. */
  err(line: string): void;
}

/** What decides colour and prompting. */
export interface IOSettings {
  env: NodeJS.ProcessEnv;
  /** `--no-color`. */
  noColor: boolean;
  /** `--no-input`. */
  noInput: boolean;
}

/**
 * Colour is on only for a terminal, and off with `NO_COLOR` (any non-empty value), `--no-color`
 * or `TERM=dumb`; chalk 6 does not read `NO_COLOR` itself. `FORCE_COLOR` turns it on for a pipe,
 * but never against an explicit request for none.
 */
export function wantsColor(isTerminal: boolean, settings: IOSettings): boolean {
  const { env } = settings;
  if (settings.noColor || (env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return isTerminal;
}

export function createIO(
  streams: { stdin: IO['stdin']; stdout: IO['stdout']; stderr: IO['stderr'] },
  settings: IOSettings,
): IO {
  const isTerminal = streams.stdout.isTTY === true;
  const color = new Chalk({ level: wantsColor(isTerminal, settings) ? 2 : 0 });
  return {
    ...streams,
    color,
    isTerminal,
    canPrompt: !settings.noInput && streams.stdin.isTTY === true && isTerminal,
    whyNoPrompt: settings.noInput ? '--no-input was given' : 'there is no terminal to ask on',
    columns: isTerminal && (streams.stdout.columns ?? 0) > 0 ? streams.stdout.columns : undefined,
    out: (line) => streams.stdout.write(`${line}\n`),
    err: (line) => streams.stderr.write(`${line}\n`),
  };
}
