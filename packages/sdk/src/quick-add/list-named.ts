import { sameListName } from '../contract/index.js';
import { keepListWords } from './keep-list-words.js';
import type { QuickAddParse } from './types.js';

/** A list as `@name` looks it up: by its name, an unarchived one first. */
export interface NamedList {
  name: string;
  archived?: boolean;
}

/**
 * The list the parse's `@name` names among `lists` (its whole name, case aside, as the API's
 * quick add finds it; an unarchived one before an archived one of the same name), with the
 * parse. A name that fits none comes back as `unknownList`, its `@` words given back to the
 * title ({@link keepListWords}), so nothing typed is lost.
 *
 * @example
 * ```ts
 * const text = 'Milk @groceries';
 * const { parse, list } = listNamed(text, parseQuickAdd(text, { timeZone }), lists);
 * await client.todos.create({ ...toTodoCreate(parse), ...(list ? { listId: list.id } : {}) });
 * ```
 */
export function listNamed<List extends NamedList>(
  text: string,
  parse: QuickAddParse,
  lists: readonly List[],
): { parse: QuickAddParse; list?: List; unknownList?: string } {
  const name = parse.list;
  if (name === undefined) return { parse };
  const named = lists.filter((list) => sameListName(list.name, name));
  const list = named.find((each) => !each.archived) ?? named[0];
  if (list) return { parse, list };
  return { parse: keepListWords(text, parse), unknownList: name };
}
