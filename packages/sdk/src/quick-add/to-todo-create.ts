import type { TodoCreate } from '../contract/index.js';
import type { QuickAddParse } from './types.js';

/**
 * The create input a parse gives: title, `dueDate` and `dueTime`, the repeat (`recurrence`),
 * priority, tags and notes. The list is the caller's to resolve (`parse.list` is a name; the
 * input wants a `listId`).
 *
 * @example
 * ```ts
 * const input = toTodoCreate(parseQuickAdd('Milk tomorrow #home', { timeZone: 'Europe/Paris' }));
 * await client.todos.create({ ...input, listId });
 * ```
 */
export function toTodoCreate(parse: QuickAddParse): TodoCreate {
  const input: TodoCreate = { title: parse.title };
  if (parse.due) input.dueDate = parse.due;
  if (parse.due && parse.dueTime) input.dueTime = parse.dueTime;
  if (parse.due && parse.recurrence) input.recurrence = { ...parse.recurrence };
  if (parse.priority) input.priority = parse.priority;
  if (parse.tags.length > 0) input.tags = [...parse.tags];
  if (parse.notes) input.notes = parse.notes;
  return input;
}
