import { Command, CommanderError } from 'commander';
import { registerAdd } from './commands/add.js';
import { registerAgenda } from './commands/agenda.js';
import { registerAuth } from './commands/auth.js';
import { registerCompletion } from './commands/completion.js';
import { registerConfig } from './commands/config/index.js';
import { registerDone } from './commands/done.js';
import { registerEdit } from './commands/edit.js';
import { registerExport } from './commands/export.js';
import { registerFilters } from './commands/filters/index.js';
import { registerImport } from './commands/import.js';
import { registerList } from './commands/list.js';
import { registerLists } from './commands/lists/index.js';
import { registerLogin } from './commands/login.js';
import { registerLogout } from './commands/logout.js';
import { registerMcp } from './commands/mcp.js';
import { registerMv } from './commands/mv.js';
import { registerRm } from './commands/rm.js';
import { registerShare } from './commands/share.js';
import type { Runner } from './commands/shared.js';
import { registerShow } from './commands/show.js';
import { registerUndo } from './commands/undo.js';
import { registerWatch } from './commands/watch.js';
import { registerWhoami } from './commands/whoami.js';
import { type Context, createContext, type GlobalOptions, type Streams } from './context.js';
import { EXIT_CODES } from './exit-codes.js';
import { safeLines, safeText } from './output/safe-text.js';
import type { reportError } from './report-error.js';

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
    .addHelpText(
      'after',
      `
Examples:
  $ todo add Buy milk --due tomorrow --tag home
  $ todo list
  $ todo done 1
  $ todo undo
  $ todo list --all --json
  $ todo lists add Groceries && todo add Oat milk --list groc
  $ todo share Groceries sam@example.com
  $ todo watch --list Groceries
  $ todo login
  $ todo mcp   # for an AI assistant: see the README
  $ curl -H "Authorization: Bearer $(todo auth token)" http://localhost:3000/v1/todos

Exit codes: 0 done, 1 failed, 2 usage or invalid input, 3 not found, 4 unauthorized,
5 conflict (changed meanwhile), 6 rate limited, 7 API unreachable, 130 interrupted.
`,
    );
  registerAdd(program, run);
  registerList(program, run);
  registerAgenda(program, run);
  registerShow(program, run);
  registerDone(program, run);
  registerEdit(program, run);
  registerRm(program, run);
  registerMv(program, run);
  registerLists(program, run);
  registerFilters(program, run);
  registerShare(program, run);
  registerUndo(program, run);
  registerWatch(program, run);
  registerExport(program, run);
  registerImport(program, run);
  registerLogin(program, run);
  registerLogout(program, run);
  registerWhoami(program, run);
  registerAuth(program, run);
  registerMcp(program, run);
  registerConfig(program, run, () => globals().profile);
  registerCompletion(program, run);
  return program;
}

/** The program and every command under it. */
function everyCommand(command: Command): Command[] {
  return [command, ...command.commands.flatMap(everyCommand)];
}

/** What a person types to reach a command: `todo config set`. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/** commander's own error ("error: unknown command 'lsit'\n(Did you mean list?)") as the CLI's one line. */
function oneLineError(text: string, command: Command): string {
  const message = text
    .replace(/^error: /, '')
    .trim()
    .split(/\s*\n\s*/)
    .join(' ')
    .replace(/\.$/, '');
  return `todo: ${safeText(message)}; see "${commandPath(command)} --help"\n`;
}

/** {@link reportError}, loaded once something failed: a run that succeeds never loads the SDK's errors. */
async function report(...args: Parameters<typeof reportError>): Promise<ReturnType<typeof reportError>> {
  return (await import('./report-error.js')).reportError(...args);
}

/** Runs `todo` with these arguments and streams; answers the exit code. */
export async function main(argv: string[], streams: Streams, env: NodeJS.ProcessEnv): Promise<number> {
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let exitCode: number = EXIT_CODES.ok;
  const globals = () => program.opts<GlobalOptions>();
  const run: Runner = async (action) => {
    const context: Context = createContext(streams, env, globals(), interrupt.signal);
    try {
      await action(context);
    } catch (error) {
      // Only to name the API that could not be reached; `todo config set --profile new` has no profile yet.
      const baseUrl = await context.profile().then(
        (profile) => profile.baseUrl,
        () => undefined,
      );
      const { message, exitCode: code } = await report(
        interrupt.signal.aborted ? new DOMException('interrupted', 'AbortError') : error,
        baseUrl,
        env,
      );
      exitCode = interrupt.signal.aborted ? EXIT_CODES.interrupted : code;
      // A message may quote what came from the API or was typed: it is escaped like all text for people.
      if (message && exitCode !== EXIT_CODES.interrupted)
        streams.stderr.write(`todo: ${safeText(message)}\n`);
      if (env.TODO_DEBUG && error instanceof Error)
        streams.stderr.write(`${safeLines(error.stack ?? '', '')}\n`);
    }
  };
  const program = buildProgram(run, globals);
  // Subcommands copy these settings when they are created, so each is configured here.
  for (const command of everyCommand(program)) {
    command.exitOverride().configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
      outputError: (text, write) => write(oneLineError(text, command)),
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end in a CommanderError too, with exit code 0.
      exitCode = error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    } else {
      // An option's parser (--priority, --limit) throws the CLI's own errors while commander parses.
      const reported = await report(error);
      exitCode = reported.exitCode;
      streams.stderr.write(`todo: ${safeText(reported.message)}\n`);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return exitCode;
}
