import type { Todo, TodoImportItem } from '@todolist/sdk';
import type { Context } from '../context.js';
import { TodoCliError } from '../errors.js';
import { EXIT_CODES } from '../exit-codes.js';
import { printConfirmation } from '../output/confirmation.js';
import { editableFields } from '../todo-fields.js';
import { currentTodo } from './current-todo.js';
import type { ChangedTodo } from './last-change.js';

/** The todo as the import route takes it: its own id, and the fields a person set. */
const asImportItem = (todo: Todo): TodoImportItem => ({ id: todo.id, ...editableFields(todo) });

/**
 * Brings deleted todos back with their ids and fields, through the import route: it creates an
 * id that is not there and never touches one that is, so a todo someone made again with that id
 * is left as it is, and said to be.
 */
export async function restoreDeleted(context: Context, todos: readonly ChangedTodo[]): Promise<void> {
  const { io } = context;
  const missing: Todo[] = [];
  for (const { before } of todos) {
    if (await currentTodo(context, before.id)) printConfirmation(io, io.color.dim('Already there:'), before);
    else missing.push(before);
  }
  if (missing.length === 0) return;
  const client = await context.client();
  const summary = await client.todos.importMany(missing.map(asImportItem), { signal: context.signal });
  const refused = new Set(summary.rejected.map((item) => item.index));
  missing.forEach((todo, index) => {
    if (!refused.has(index)) printConfirmation(io, io.color.green('Restored'), todo);
  });
  const [first] = summary.rejected;
  if (first) {
    const todo = missing[first.index] as Todo;
    throw new TodoCliError(
      `the API refused to restore "${todo.title}" (${todo.id}): ${first.error.message}`,
      EXIT_CODES.failure,
    );
  }
}
