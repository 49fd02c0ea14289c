import type { Command } from 'commander';
import type { OutputFlags } from '../../output/mode.js';
import { examples, jsonOption, ndjsonOption, type Runner } from '../shared.js';
import type { ListsRmFlags } from './rm.js';
import type { ListsFlags } from './show.js';

const LIST_ARGUMENT = 'a list name or an unambiguous prefix of one (any case), its id, or inbox';

/**
 * `todo lists` and its verbs: the lists todos are kept in, and who they are shared with. Each
 * verb's action loads with it, so `todo --version` and `--help` load none of them.
 */
export function registerLists(program: Command, run: Runner): void {
  const lists = program
    .command('lists')
    .description('show, add, rename, archive and delete lists (the Inbox first)')
    .addHelpText(
      'after',
      `${examples('todo lists', 'todo lists add Groceries', 'todo lists rename groc "Weekly shop"', 'todo lists archive Trip', 'todo lists rm Old --move-to inbox --yes', 'todo lists members Groceries')}
A list is named by its name or an unambiguous prefix of it (any case), or by its id; inbox is
the Inbox. "todo share", "todo unshare" and "todo leave" share lists; "todo add --list",
"todo list --list" and "todo mv" put todos in them.\n`,
    );

  lists
    .command('list', { isDefault: true })
    .alias('ls')
    .description('the lists with how many open todos each has; shared ones marked')
    .option('--archived', 'archived lists too')
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText('after', examples('todo lists', 'todo lists --archived', 'todo lists --json'))
    .action((flags: ListsFlags) =>
      run(async (context) => (await import('./show.js')).runListsShow(context, flags)),
    );

  lists
    .command('add')
    .description('make a list')
    .argument('<name>', 'its name, different from your other lists (case aside)')
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText('after', examples('todo lists add Groceries', 'todo lists add "Trip to Rome"'))
    .action((name: string, flags: OutputFlags) =>
      run(async (context) => (await import('./change.js')).runListsAdd(context, name, flags)),
    );

  lists
    .command('rename')
    .description('give a list of your own a new name (not the Inbox)')
    .argument('<list>', LIST_ARGUMENT)
    .argument('<name>', 'the new name')
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText(
      'after',
      examples('todo lists rename Groceries "Weekly shop"', 'todo lists rename groc Shop'),
    )
    .action((ref: string, name: string, flags: OutputFlags) =>
      run(async (context) => (await import('./change.js')).runListsRename(context, ref, name, flags)),
    );

  for (const [verb, archived, description] of [
    ['archive', true, 'hide a list of your own, and its todos, from "todo list" and "todo lists"'],
    ['unarchive', false, 'show an archived list again'],
  ] as const) {
    lists
      .command(verb)
      .description(description)
      .argument('<list>', LIST_ARGUMENT)
      .addOption(jsonOption())
      .addOption(ndjsonOption())
      .addHelpText('after', examples(`todo lists ${verb} Trip`))
      .action((ref: string, flags: OutputFlags) =>
        run(async (context) => (await import('./change.js')).runListsArchive(context, ref, archived, flags)),
      );
  }

  lists
    .command('rm')
    .alias('delete')
    .description('delete a list of your own, after asking; one with todos needs --delete-todos or --move-to')
    .argument('<list>', LIST_ARGUMENT)
    .option('--delete-todos', 'delete its todos with it')
    .option('--move-to <list>', 'move its todos to this list first')
    .option('-y, --yes', 'do not ask (needed when not at a terminal)')
    .addHelpText(
      'after',
      examples(
        'todo lists rm Old',
        'todo lists rm Old --move-to inbox --yes',
        'todo lists rm Trip --delete-todos --yes',
      ),
    )
    .action((ref: string, flags: ListsRmFlags) =>
      run(async (context) => (await import('./rm.js')).runListsRm(context, ref, flags)),
    );

  lists
    .command('members')
    .description('who is on a list: its owner, members and invitations')
    .argument('<list>', LIST_ARGUMENT)
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText('after', examples('todo lists members Groceries', 'todo lists members groc --json'))
    .action((ref: string, flags: OutputFlags) =>
      run(async (context) => (await import('./members.js')).runListsMembers(context, ref, flags)),
    );
}
