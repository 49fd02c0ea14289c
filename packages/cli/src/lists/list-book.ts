import type { List, TodolistClient } from '@todolist/sdk';
import type { Context } from '../context.js';
import { findNamed, quotedName } from '../named-lookup.js';

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
    // An id (any case), `inbox` among them, wins over names.
    return findNamed(await this.all(), ref, LIST_WORDS);
  }
}

const LIST_WORDS = {
  one: 'list',
  many: 'lists',
  hint: '"todo lists" shows them (--archived too), "todo lists add <name>" makes one',
};

/** A list's name for a line of text: quoted, its control characters escaped. */
export const listLabel: (list: Pick<List, 'name'>) => string = quotedName;

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
