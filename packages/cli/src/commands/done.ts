import type { Todo } from '@todolist/sdk';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { resolveIds } from '../ids/resolve-ids.js';
import { printConfirmation } from '../output/confirmation.js';
import { dueText } from '../output/due-text.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
import { type ChangedTodo, recordChange } from '../undo/last-change.js';
import { examples, jsonOption, ndjsonOption, type Runner } from './shared.js';

/** `todo done` and `todo reopen`: marks todos done or open again, one request each. */
export async function runSetCompleted(
  context: Context,
  refs: string[],
  completed: boolean,
  flags: OutputFlags & { forever?: boolean },
): Promise<void> {
  const mode = outputMode(flags);
  const ids = await resolveIds(context, refs);
  const client = await context.client();
  const todos: Todo[] = [];
  const changed: ChangedTodo[] = [];
  try {
    for (const id of new Set(ids)) {
      let before: Todo | undefined;
      // Read first: a todo already in the wanted state is left as it is (no new version). The
      // write names the version read, so a repeating todo moves on from the occurrence seen,
      // once, however many people complete it at once.
      const todo = await client.todos.updateWith(
        id,
        (current) => {
          before = current.completed === completed ? undefined : current;
          if (!before) return undefined;
          return completed && flags.forever && current.recurrence
            ? { completed, recurrence: null }
            : { completed };
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
        // A repeating todo done is open again, on its next day.
        const next = completed && before && !todo.completed && todo.dueDate;
        printConfirmation(context.io, label, todo, next ? { after: `next due ${dueText(todo)}` } : {});
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
    ['done', true, 'mark todos done; a repeating one moves to its next day, open'],
    ['reopen', false, 'mark done todos open again'],
  ] as const) {
    const command = program
      .command(name)
      .description(description)
      .argument('<ids...>', 'short ids, row numbers from the last "todo list", or ids');
    if (completed) command.option('--forever', "end a repeating todo's series: done for good");
    command
      .addOption(jsonOption())
      .addOption(ndjsonOption())
      .addHelpText(
        'after',
        examples(
          `todo ${name} 1 3`,
          `todo ${name} kfrm`,
          ...(completed ? ['todo done 2 --forever   # a repeating todo, done for good'] : []),
          'todo undo   # takes it back',
        ),
      )
      .action((refs: string[], flags: OutputFlags & { forever?: boolean }) =>
        run((context) => runSetCompleted(context, refs, completed, flags)),
      );
  }
}
