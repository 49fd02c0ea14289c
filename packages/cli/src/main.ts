import { Command, CommanderError } from 'commander';
import { registerAdd } from './commands/add.js';
import { registerCompletion } from './commands/completion.js';
import { registerConfig } from './commands/config.js';
import { registerDone } from './commands/done.js';
import { registerEdit } from './commands/edit.js';
import { registerExport } from './commands/export.js';
import { registerList } from './commands/list.js';
import { registerRm } from './commands/rm.js';
import type { Runner } from './commands/shared.js';
import { registerShow } from './commands/show.js';
import { type Context, createContext, type GlobalOptions, type Streams } from './context.js';
import { EXIT_CODES } from './exit-codes.js';
import { reportError } from './report-error.js';

declare const TODO_CLI_VERSION: string;

/** Builds the `todo` program; `run` gives each action its context. */
export function buildProgram(run: Runner, globals: () => GlobalOptions): Command {
  const program = new Command('todo')
    .description('todolist from the command line: add, list and finish your todos')
    .version(
      typeof TODO_CLI_VERSION === 'string' ? TODO_CLI_VERSION : '0.0.0-dev',
      '-V, --version',
      'print the version',
    )
    .option(
      '--profile <name>',
      'the settings profile to use (default: TODO_PROFILE, else the default profile)',
    )
    .option('--no-color', 'no colours (also NO_COLOR=1 or TERM=dumb)')
    .option('--no-input', 'never ask anything; fail instead when an answer is needed')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run "todo --help" to see the commands)')
    .addHelpText(
      'after',
      `
Examples:
  $ todo add Buy milk --due tomorrow --tag home
  $ todo list
  $ todo done 1
  $ todo list --all --json

Exit codes: 0 done, 1 failed, 2 usage or invalid input, 3 not found, 4 unauthorized,
5 conflict (changed meanwhile), 6 rate limited, 7 API unreachable, 130 interrupted.
`,
    );
  registerAdd(program, run);
  registerList(program, run);
  registerShow(program, run);
  registerDone(program, run);
  registerEdit(program, run);
  registerRm(program, run);
  registerExport(program, run);
  registerConfig(program, run, () => globals().profile);
  registerCompletion(program, run);
  return program;
}

/** Runs `todo` with these arguments and streams; answers the exit code. */
export async function main(argv: string[], streams: Streams, env: NodeJS.ProcessEnv): Promise<number> {
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let exitCode: number = EXIT_CODES.ok;
  let baseUrl: string | undefined;
  const globals = () => program.opts<GlobalOptions>();
  const run: Runner = async (action) => {
    const context: Context = createContext(streams, env, globals(), interrupt.signal);
    try {
      baseUrl = (await context.profile()).baseUrl;
      await action(context);
    } catch (error) {
      const { message, exitCode: code } = reportError(
        interrupt.signal.aborted ? new DOMException('interrupted', 'AbortError') : error,
        baseUrl,
      );
      exitCode = interrupt.signal.aborted ? EXIT_CODES.interrupted : code;
      if (message && exitCode !== EXIT_CODES.interrupted) streams.stderr.write(`todo: ${message}\n`);
      if (env.TODO_DEBUG && error instanceof Error) streams.stderr.write(`${error.stack}\n`);
    }
  };
  const program = buildProgram(run, globals);
  program.exitOverride().configureOutput({
    writeOut: (text) => streams.stdout.write(text),
    writeErr: (text) => streams.stderr.write(text),
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help and --version end in a CommanderError too, with exit code 0.
    exitCode = error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return exitCode;
}
