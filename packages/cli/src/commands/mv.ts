import type { Command } from 'commander';
import type { Context } from '../context.js';
import { resolveIds } from '../ids/resolve-ids.js';
import { printConfirmation } from '../output/confirmation.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
import { examples, jsonOption, ndjsonOption, type Runner } from './shared.js';

/** `todo mv <id> <list>`: moves a todo to another list, last in its order. */
export async function runMv(
  context: Context,
  ref: string,
  listRef: string,
  flags: OutputFlags,
): Promise<void> {
  const mode = outputMode(flags);
  // The lists load with the command, never with `todo --version`.
  const { listBook, listLabel } = await import('../lists/list-book.js');
  const [[id], list] = await Promise.all([
    resolveIds(context, [ref]),
    listBook(context).then((book) => book.resolve(listRef)),
  ]);
  const client = await context.client();
  const todo = await client.todos.move(id as string, { listId: list.id }, { signal: context.signal });
  if (mode !== 'human') return printData(context.io, mode, todo, false);
  printConfirmation(context.io, context.io.color.green('Moved'), todo, { after: `to ${listLabel(list)}` });
}

export function registerMv(program: Command, run: Runner): void {
  program
    .command('mv')
    .alias('move')
    .description('move a todo to another list')
    .argument('<id>', 'a short id, a row number from the last "todo list", or an id')
    .argument('<list>', 'a list name or an unambiguous prefix of one, its id, or inbox')
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText('after', examples('todo mv 2 Groceries', 'todo mv kfrm groc', 'todo mv 01M8T11V inbox'))
    .action((ref: string, listRef: string, flags: OutputFlags) =>
      run((context) => runMv(context, ref, listRef, flags)),
    );
}
