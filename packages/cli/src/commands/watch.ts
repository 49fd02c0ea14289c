import type { Command } from 'commander';
import type { WatchFlags } from '../watch/run-watch.js';
import { examples, type Runner } from './shared.js';

export function registerWatch(program: Command, run: Runner): void {
  program
    .command('watch')
    .description('print each change to your todos and lists as it happens, until Ctrl-C')
    .option('-L, --list <list>', 'only this list: a name or a prefix of one, or its id')
    .option('--json', 'one JSON object per line (NDJSON): each change as the changes feed gives it')
    .addHelpText(
      'after',
      `${examples('todo watch', 'todo watch --list groc', 'todo watch --json | jq -c "select(.type == \\"todo\\")"')}
Changes by anyone, from any client: added, changed, done, reopened, moved and deleted todos, lists
added, renamed, archived, deleted or left. Connection news goes to stderr ("Connection lost;
reconnecting…", "Live again."); stdout has the changes only. Ctrl-C ends it (exit 130).\n`,
    )
    // The subscription and its formatting load only when the command runs.
    .action((flags: WatchFlags) =>
      run(async (context) => (await import('../watch/run-watch.js')).runWatch(context, flags)),
    );
}
