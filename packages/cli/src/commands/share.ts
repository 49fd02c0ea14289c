import type { Command } from 'commander';
import type { OutputFlags } from '../output/mode.js';
import { examples, jsonOption, ndjsonOption, type Runner } from './shared.js';

/**
 * `todo share`, `todo unshare` and `todo leave`; their actions (lists/sharing.ts) load with them,
 * never with `todo --version`.
 */
export function registerShare(program: Command, run: Runner): void {
  program
    .command('share')
    .description('share a list with someone by e-mail address (without one: who is on the list)')
    .argument('<list>', 'a list name, a prefix of one, or its id')
    .argument(
      '[email]',
      'the address to share with; someone without an account yet joins at their first sign-in',
    )
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText(
      'after',
      `${examples('todo share Groceries sam@example.com', 'todo share groc', 'todo share Groceries --json')}
Only the list's owner can share it; "todo unshare" takes someone off, "todo leave" leaves a
list shared with you.\n`,
    )
    .action((ref: string, email: string | undefined, flags: OutputFlags) =>
      run(async (context) => (await import('./lists/sharing.js')).runShare(context, ref, email, flags)),
    );
  program
    .command('unshare')
    .description("take someone off a list you own (the list's todos stay)")
    .argument('<list>', 'a list name, a prefix of one, or its id')
    .argument('<email>', 'their address, as "todo share <list>" shows it')
    .addHelpText('after', examples('todo unshare Groceries sam@example.com'))
    .action((ref: string, email: string) =>
      run(async (context) => (await import('./lists/sharing.js')).runUnshare(context, ref, email)),
    );
  program
    .command('leave')
    .description('leave a list someone shared with you')
    .argument('<list>', 'a list name, a prefix of one, or its id')
    .addHelpText('after', examples('todo leave Groceries'))
    .action((ref: string) =>
      run(async (context) => (await import('./lists/sharing.js')).runLeave(context, ref)),
    );
}
