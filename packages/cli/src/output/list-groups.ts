import type { List, Todo } from '@todolist/sdk';
import type { Context } from '../context.js';
import { MemberNames } from '../lists/member-names.js';
import { safeText } from './safe-text.js';
import { printTodoTable } from './todo-table.js';

/** One list's todos as `todo list` shows them; `list` is unknown for a list made meanwhile. */
export interface ListGroup {
  list: List | undefined;
  todos: readonly Todo[];
}

/** Who made a todo, and who changed it last when that is someone else, by address. */
async function byLine(todo: Todo, names: MemberNames): Promise<string> {
  const made = await names.nameOf(todo.listId, todo.createdBy);
  if (todo.updatedBy === todo.createdBy) return safeText(made);
  return `${safeText(made)}, changed by ${safeText(await names.nameOf(todo.listId, todo.updatedBy))}`;
}

async function heading(list: List | undefined, names: MemberNames): Promise<string> {
  if (!list) return 'Another list';
  if (!list.shared && list.role === 'owner') return safeText(list.name);
  const owner = list.role === 'owner' ? undefined : await names.ownerOf(list);
  return `${safeText(list.name)} (shared${owner ? ` by ${safeText(owner)}` : ''})`;
}

/**
 * The todos as one table per list, numbered on from one to the next so `todo done 4` names the
 * fourth row shown; with `headings`, each under its list's name. A shared list's table has a BY
 * column with the addresses of who made and changed each todo (members read once per list).
 */
export async function printListGroups(
  context: Context,
  groups: readonly ListGroup[],
  options: { headings: boolean },
): Promise<void> {
  const names = new MemberNames(await context.client(), context.signal);
  const { io } = context;
  let start = 1;
  for (const [index, group] of groups.entries()) {
    const shared = group.list !== undefined && (group.list.shared || group.list.role === 'member');
    const by = shared ? await Promise.all(group.todos.map((todo) => byLine(todo, names))) : undefined;
    if (options.headings) {
      if (index > 0) io.out('');
      io.out(io.color.bold.underline(await heading(group.list, names)));
    }
    printTodoTable(io, group.todos, context.now(), { start, ...(by ? { by } : {}) });
    start += group.todos.length;
  }
}
