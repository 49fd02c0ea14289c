import type { Todo } from '@todolist/sdk';
import type { Context } from '../context.js';
import { TodoCliError } from '../errors.js';
import { EXIT_CODES } from '../exit-codes.js';
import { printConfirmation } from '../output/confirmation.js';
import { changedFields, editableFields } from '../todo-fields.js';
import { currentTodo } from './current-todo.js';
import { type ChangedTodo, type ChangeKind, type LastChange, saveLastChange } from './last-change.js';

/** What undoing each kind of change does, as the line says it. */
const UNDONE: Record<Exclude<ChangeKind, 'delete'>, string> = {
  done: 'Reopened',
  reopen: 'Done',
  edit: 'Reverted',
};

/**
 * Each todo of the change as the change left it; refused (exit 5) when any was changed or
 * deleted since, so that undo writes over nobody's change.
 */
async function unchangedSince(context: Context, change: LastChange): Promise<Todo[]> {
  const after: Todo[] = [];
  for (const { before, versionAfter } of change.todos) {
    const now = await currentTodo(context, before.id);
    if (now && now.version === versionAfter) {
      after.push(now);
      continue;
    }
    const since = now
      ? `was changed since (version ${versionAfter} then, ${now.version} now)`
      : 'was deleted since';
    throw new TodoCliError(
      `"${before.title}" (${before.id}) ${since}; nothing was undone, so as not to overwrite that change`,
      EXIT_CODES.conflict,
    );
  }
  return after;
}

/**
 * Writes back what a done, reopen or edit changed (the fields that differ from the todo as the
 * change left it), each write conditional on the version the change produced (If-Match): a
 * change made by anyone since is never overwritten. What could not be written back stays
 * recorded.
 */
export async function revertChange(context: Context, change: LastChange): Promise<void> {
  const after = await unchangedSince(context, change);
  const client = await context.client();
  const { io } = context;
  const label = UNDONE[change.kind as keyof typeof UNDONE];
  const left: ChangedTodo[] = [...change.todos];
  try {
    for (const [index, { before }] of change.todos.entries()) {
      const then = after[index] as Todo;
      const patch = changedFields(editableFields(before), then);
      const todo =
        Object.keys(patch).length === 0
          ? then
          : await client.todos.update(before.id, patch, { ifMatch: then.version, signal: context.signal });
      left.shift();
      printConfirmation(io, io.color.green(label), todo, { after: `version ${todo.version}` });
    }
  } catch (error) {
    if (left.length < change.todos.length) await saveLastChange(context, { ...change, todos: left });
    throw error;
  }
}
