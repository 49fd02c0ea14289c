import type { Todo, TodolistClient } from '@todolist/sdk';
import { loadLastList } from '../config/last-list.js';
import type { Context } from '../context.js';
import { TodoCliError, UsageError } from '../errors.js';
import { EXIT_CODES } from '../exit-codes.js';
import { hasShortId, SHORT_ID, shortId } from './short-id.js';

const FULL_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const ROW_NUMBER = /^#?(\d{1,6})$/;
const ID_PREFIX = /^[0-9][0-9A-Z]{0,24}$/;

/** What resolving several refs reads at most once: the last list's ids, and every todo. */
interface Known {
  lastList?: string[];
  everyTodo?: Todo[];
}

/**
 * Turns what a person typed into todo ids: a full id, the number of a row of the last
 * `todo list` (`3` or `#3`), a short id as the list shows it (`kfrm`), or a unique prefix of
 * an id (any case). An ambiguous short id or prefix is an error listing the candidates; an
 * unknown one is "not found" (exit 3).
 *
 * With `shown` (the ids a long-lived session such as `todo mcp` has answered with), short ids are
 * looked for there instead of in the last list, and row numbers are refused: they are the
 * terminal's, and the session never showed rows.
 */
export async function resolveIds(
  context: Context,
  refs: readonly string[],
  options: { shown?: readonly string[] } = {},
): Promise<string[]> {
  const { shown } = options;
  const known: Known = shown ? { lastList: [...shown] } : {};
  const lastList = async () => {
    known.lastList ??= await loadLastList(context.paths.cacheDir, (await context.profile()).name);
    return known.lastList;
  };
  const everyTodo = async () => {
    known.everyTodo ??= await allTodos(await context.client(), context.signal);
    return known.everyTodo;
  };
  const ids: string[] = [];
  for (const ref of refs) {
    const typed = ref.trim().toUpperCase();
    const row = ROW_NUMBER.exec(typed);
    if (row && shown)
      throw new UsageError(`"${ref}" is a row number of "todo list": give the todo's shortId or id`);
    if (row) ids.push(rowId(ref, Number(row[1]), await lastList()));
    else if (FULL_ID.test(typed)) ids.push(typed);
    else if (SHORT_ID.test(typed)) ids.push(await matchShortId(ref, await lastList(), everyTodo));
    else if (ID_PREFIX.test(typed)) ids.push(matchPrefix(ref, typed, await everyTodo()));
    else
      throw new UsageError(
        `"${ref}" is not a todo id, a short id, an id prefix or a row number from "todo list"`,
      );
  }
  return ids;
}

function rowId(ref: string, row: number, lastList: readonly string[]): string {
  const id = lastList[row - 1];
  if (id) return id;
  throw new UsageError(
    lastList.length === 0
      ? `"${ref}" is a row number, but no list was shown yet: run "todo list" first, or give the id`
      : `there is no row ${row} in the last list (it had ${lastList.length}): run "todo list" again`,
  );
}

async function allTodos(client: TodolistClient, signal: AbortSignal): Promise<Todo[]> {
  const todos: Todo[] = [];
  for await (const todo of client.todos.iterate({ status: 'all' }, { signal })) todos.push(todo);
  return todos;
}

/**
 * A short id is unique among the todos of the list it was shown in, so it is looked for there
 * first (no request needed); one not in the last list is looked for among every todo.
 */
async function matchShortId(
  ref: string,
  lastList: readonly string[],
  everyTodo: () => Promise<Todo[]>,
): Promise<string> {
  const shown = lastList.filter((id) => hasShortId(id, ref));
  if (shown.length === 1) return shown[0] as string;
  const todos = await everyTodo();
  const candidates =
    shown.length > 1
      ? todos.filter((todo) => shown.includes(todo.id))
      : todos.filter((todo) => hasShortId(todo.id, ref));
  return onlyOne(ref, candidates, (todo) => shortId(todo.id));
}

function matchPrefix(ref: string, prefix: string, todos: readonly Todo[]): string {
  return onlyOne(
    ref,
    todos.filter((todo) => todo.id.startsWith(prefix)),
    (todo) => todo.id,
  );
}

/** The one todo that matched, else an error naming the candidates (exit 2) or none (exit 3). */
function onlyOne(ref: string, matches: readonly Todo[], label: (todo: Todo) => string): string {
  if (matches.length === 1) return (matches[0] as Todo).id;
  if (matches.length === 0) throw new TodoCliError(`no todo id starts with "${ref}"`, EXIT_CODES.notFound);
  const shown = matches
    .slice(0, 5)
    .map((todo) => `${label(todo)} ${todo.title}`)
    .join('; ');
  const more = matches.length > 5 ? `; and ${matches.length - 5} more` : '';
  throw new UsageError(`"${ref}" matches ${matches.length} todos: ${shown}${more}. Type more of the id`);
}
