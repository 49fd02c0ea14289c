import type { Todo } from '@todolist/sdk';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { resolveIds } from '../ids/resolve-ids.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
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
  const changed: Todo[] = [];
  for (const id of new Set(ids)) {
    let unchanged = false;
    // Read first: a todo already in the wanted state is left as it is (no new version).
    const todo = await client.todos.updateWith(
      id,
      (current) => {
        unchanged = current.completed === completed;
        return unchanged ? undefined : { completed };
      },
      { signal: context.signal },
    );
    changed.push(todo);
    if (mode === 'human') {
      const label = unchanged
        ? context.io.color.dim(completed ? 'Already done' : 'Already open')
        : completed
          ? context.io.color.green('Done')
          : context.io.color.yellow('Reopened');
      context.io.out(`${label} ${todo.title} ${context.io.color.dim(todo.id)}`);
    }
  }
  if (mode !== 'human') printData(context.io, mode, changed, true);
}

export function registerDone(program: Command, run: Runner): void {
  for (const [name, completed, description] of [
    ['done', true, 'mark todos done'],
    ['reopen', false, 'mark done todos open again'],
  ] as const) {
    program
      .command(name)
      .description(description)
      .argument('<ids...>', 'ids, unique id prefixes, or row numbers from the last "todo list"')
      .addOption(jsonOption())
      .addOption(ndjsonOption())
      .addHelpText('after', examples(`todo ${name} 1 3`, `todo ${name} 01KMZ7X3`))
      .action((refs: string[], flags: OutputFlags) =>
        run((context) => runSetCompleted(context, refs, completed, flags)),
      );
  }
}
