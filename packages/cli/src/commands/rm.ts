import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { resolveIds } from '../ids/resolve-ids.js';
import { printConfirmation } from '../output/confirmation.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
import { safeText } from '../output/safe-text.js';
import { askConfirm } from '../prompts.js';
import { type ChangedTodo, recordChange } from '../undo/last-change.js';
import { examples, jsonOption, ndjsonOption, type Runner } from './shared.js';

interface RmFlags extends OutputFlags {
  yes?: boolean;
}

/** `todo rm`: deletes todos, after asking on a terminal; elsewhere only with `--yes`. */
export async function runRm(context: Context, refs: string[], flags: RmFlags): Promise<void> {
  const mode = outputMode(flags);
  const ids = [...new Set(await resolveIds(context, refs))];
  const client = await context.client();
  const todos = await Promise.all(ids.map((id) => client.todos.get(id, { signal: context.signal })));
  if (!flags.yes) {
    if (!context.io.canPrompt) {
      throw new UsageError(`refusing to delete without asking: add --yes (${context.io.whyNoPrompt})`);
    }
    const names = todos.map((todo) => `"${safeText(todo.title)}"`).join(', ');
    if (
      !(await askConfirm(
        context,
        `Delete ${todos.length === 1 ? names : `${todos.length} todos: ${names}`}?`,
      ))
    ) {
      context.io.err('Nothing deleted.');
      return;
    }
  }
  const deleted: ChangedTodo[] = [];
  try {
    for (const todo of todos) {
      // The version just read: a todo someone changed meanwhile is not deleted unseen.
      await client.todos.delete(todo.id, { ifMatch: todo.version, signal: context.signal });
      deleted.push({ before: todo, versionAfter: null });
      if (mode === 'human') printConfirmation(context.io, context.io.color.red('Deleted'), todo);
    }
  } finally {
    // What was deleted before a failure can still be brought back.
    await recordChange(context, 'delete', deleted);
  }
  if (mode !== 'human')
    printData(
      context.io,
      mode,
      deleted.map(({ before }) => ({ id: before.id, deleted: true })),
      true,
    );
}

export function registerRm(program: Command, run: Runner): void {
  program
    .command('rm')
    .alias('delete')
    .description('delete todos ("todo undo" brings them back)')
    .argument('<ids...>', 'short ids, row numbers from the last "todo list", or ids')
    .option('-y, --yes', 'do not ask (needed when not at a terminal)')
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText('after', examples('todo rm 2', 'todo rm kfrm mbtq --yes', 'todo undo   # brings them back'))
    .action((refs: string[], flags: RmFlags) => run((context) => runRm(context, refs, flags)));
}
