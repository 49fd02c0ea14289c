import type { Todo, TodolistClient } from '@todolist/sdk';
import { loadLastList } from '../config/last-list.js';
import type { Context } from '../context.js';
import { TodoCliError, UsageError } from '../errors.js';
import { EXIT_CODES } from '../exit-codes.js';

const FULL_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const ROW_NUMBER = /^#?(\d{1,6})$/;

/**
 * Turns what a person typed into todo ids: a full id, the number of a row of the last
 * `todo list` (`3` or `#3`), or a unique prefix of an id (any case). An ambiguous prefix is an
 * error listing the candidates; an unknown one is "not found" (exit 3).
 */
export async function resolveIds(context: Context, refs: readonly string[]): Promise<string[]> {
  const profile = await context.profile();
  let lastList: string[] | undefined;
  let everyTodo: Todo[] | undefined;
  const ids: string[] = [];
  for (const ref of refs) {
    const typed = ref.trim().toUpperCase();
    const row = ROW_NUMBER.exec(typed);
    if (row) {
      lastList ??= await loadLastList(context.paths.cacheDir, profile.name);
      const id = lastList[Number(row[1]) - 1];
      if (!id) {
        throw new UsageError(
          lastList.length === 0
            ? `"${ref}" is a row number, but no list was shown yet: run "todo list" first, or give the id`
            : `there is no row ${row[1]} in the last list (it had ${lastList.length}): run "todo list" again`,
        );
      }
      ids.push(id);
    } else if (FULL_ID.test(typed)) {
      ids.push(typed);
    } else if (/^[0-9A-Z]{1,25}$/.test(typed)) {
      everyTodo ??= await allTodos(await context.client(), context.signal);
      ids.push(matchPrefix(ref, typed, everyTodo));
    } else {
      throw new UsageError(`"${ref}" is not a todo id, an id prefix or a row number from "todo list"`);
    }
  }
  return ids;
}

async function allTodos(client: TodolistClient, signal: AbortSignal): Promise<Todo[]> {
  const todos: Todo[] = [];
  for await (const todo of client.todos.iterate({}, { signal })) todos.push(todo);
  return todos;
}

function matchPrefix(ref: string, prefix: string, todos: readonly Todo[]): string {
  const matches = todos.filter((todo) => todo.id.startsWith(prefix));
  if (matches.length === 1) return (matches[0] as Todo).id;
  if (matches.length === 0) throw new TodoCliError(`no todo id starts with "${ref}"`, EXIT_CODES.notFound);
  const shown = matches
    .slice(0, 5)
    .map((todo) => `${todo.id} ${todo.title}`)
    .join('; ');
  const more = matches.length > 5 ? `; and ${matches.length - 5} more` : '';
  throw new UsageError(`"${ref}" matches ${matches.length} todos: ${shown}${more}. Type more of the id`);
}
