import type { Todo } from '@todolist/sdk';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { resolveIds } from '../ids/resolve-ids.js';
import { printConfirmation } from '../output/confirmation.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
import { type ChangedTodo, recordChange } from '../undo/last-change.js';
import { examples, jsonOption, ndjsonOption, type Runner } from './shared.js';

/** `todo done` and `todo reopen`: marks todos done or open again, one request each. */
export async function runSetCompleted(
  context: Context,
  refs: string[],
  completed: boolean,
  flags: OutputFlags,
): Promise<void> {
  const mode = outputMode(flags);
  const ids = await resolveIds(context, refs);
  const client = await context.client();
  const todos: Todo[] = [];
  const changed: ChangedTodo[] = [];
  try {
    for (const id of new Set(ids)) {
      let before: Todo | undefined;
      // Read first: a todo already in the wanted state is left as it is (no new version).
      const todo = await client.todos.updateWith(
        id,
        (current) => {
          before = current.completed === completed ? undefined : current;
          return before ? { completed } : undefined;
        },
        { signal: context.signal },
      );
      todos.push(todo);
      if (before) changed.push({ before, versionAfter: todo.version });
      if (mode === 'human') {
        const { color } = context.io;
        const label = !before
          ? color.dim(completed ? 'Already done' : 'Already open')
          : completed
            ? color.green('Done')
            : color.yellow('Reopened');
        printConfirmation(context.io, label, todo);
      }
    }
  } finally {
    // What was changed before a failure is still undoable.
    await recordChange(context, completed ? 'done' : 'reopen', changed);
  }
  if (mode !== 'human') printData(context.io, mode, todos, true);
}

export function registerDone(program: Command, run: Runner): void {
  for (const [name, completed, description] of [
    ['done', true, 'mark todos done'],
    ['reopen', false, 'mark done todos open again'],
  ] as const) {
    program
      .command(name)
      .description(description)
      .argument('<ids...>', 'short ids, row numbers from the last "todo list", or ids')
      .addOption(jsonOption())
      .addOption(ndjsonOption())
      .addHelpText('after', examples(`todo ${name} 1 3`, `todo ${name} kfrm`, 'todo undo   # takes it back'))
      .action((refs: string[], flags: OutputFlags) =>
        run((context) => runSetCompleted(context, refs, completed, flags)),
      );
  }
}
