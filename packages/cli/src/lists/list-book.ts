import type { List, TodolistClient } from '@todolist/sdk';
import type { Context } from '../context.js';
import { TodoCliError, UsageError } from '../errors.js';
import { EXIT_CODES } from '../exit-codes.js';
import { safeText } from '../output/safe-text.js';

/** The Inbox's id, as the API names it (`INBOX_LIST_ID`); also what `inbox` typed means. */
export const INBOX = 'inbox';

/**
 * The person's lists, archived ones too, read once per run and then looked up by what a person
 * types: a name or an unambiguous prefix of one (any case), an id, or `inbox`.
 */
export class ListBook {
  readonly #client: TodolistClient;
  readonly #signal: AbortSignal;
  #lists: Promise<List[]> | undefined;

  constructor(client: TodolistClient, signal: AbortSignal) {
    this.#client = client;
    this.#signal = signal;
  }

  /** Every list, the Inbox first, archived ones included. */
  all(): Promise<List[]> {
    this.#lists ??= (async () => {
      const lists: List[] = [];
      for await (const list of this.#client.lists.iterate({ archived: 'include' }, { signal: this.#signal }))
        lists.push(list);
      return lists;
    })();
    return this.#lists;
  }

  /** Reads the lists again on the next look-up (after one was made elsewhere). */
  forget(): void {
    this.#lists = undefined;
  }

  /** The list `ref` names; ambiguous is exit 2 naming the candidates, unknown exit 3. */
  async resolve(ref: string): Promise<List> {
    const typed = ref.trim();
    const folded = typed.toLowerCase();
    const lists = await this.all();
    // An id (any case), `inbox` among them, wins over names.
    const byId = lists.find((list) => list.id.toLowerCase() === folded);
    if (byId) return byId;
    const exact = lists.filter((list) => list.name.toLowerCase() === folded);
    const candidates =
      exact.length > 0 || folded === ''
        ? exact
        : lists.filter((list) => list.name.toLowerCase().startsWith(folded));
    if (candidates.length === 1) return candidates[0] as List;
    if (candidates.length > 1) {
      const names = candidates.map((list) =>
        exact.length > 1 ? `${listLabel(list)} (${list.id})` : listLabel(list),
      );
      throw new UsageError(
        `"${safeText(typed)}" fits ${candidates.length} lists: ${names.join(', ')}; type more of the name, or the id`,
      );
    }
    throw new TodoCliError(
      `no list named "${safeText(typed)}": "todo lists" shows them (--archived too), "todo lists add <name>" makes one`,
      EXIT_CODES.notFound,
    );
  }
}

/** A list's name for a line of text: quoted, its control characters escaped. */
export function listLabel(list: Pick<List, 'name'>): string {
  return `"${safeText(list.name)}"`;
}

const books = new WeakMap<Context, ListBook>();

/** The run's {@link ListBook}: the lists are read at most once per run. */
export async function listBook(context: Context): Promise<ListBook> {
  let book = books.get(context);
  if (!book) {
    book = new ListBook(await context.client(), context.signal);
    books.set(context, book);
  }
  return book;
}
