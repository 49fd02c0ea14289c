import type { List, TodolistClient } from '@todolist/sdk';
import type { ListBook } from '../lists/list-book.js';
import { hasCode } from '../lists/list-errors.js';

/** The list a name means on import: the caller's own first, then one shared with them; `inbox` is the Inbox. */
function named(lists: readonly List[], name: string): List | undefined {
  const folded = name.toLowerCase();
  const matching = lists.filter((list) => list.name.toLowerCase() === folded || list.id === folded);
  return matching.find((list) => list.role === 'owner') ?? matching[0];
}

/**
 * The lists an import's `list` column names, by exact name (any case), made when there is none
 * yet: an import is not the place to guess from a prefix. A list someone else made meanwhile
 * with the same name (409 `list_name_taken`) is read back and used. The lists are read once per
 * import, and again only after such a clash.
 */
export class ImportLists {
  readonly #book: ListBook;
  readonly #client: TodolistClient;
  readonly #signal: AbortSignal;
  readonly #ids = new Map<string, Promise<string>>();
  /** The names of the lists this import made, in the order it made them. */
  readonly made: string[] = [];

  constructor(book: ListBook, client: TodolistClient, signal: AbortSignal) {
    this.#book = book;
    this.#client = client;
    this.#signal = signal;
  }

  /** The id of the list `name` names, made if need be; read at most once per name. */
  idOf(name: string): Promise<string> {
    const key = name.trim().toLowerCase();
    let id = this.#ids.get(key);
    if (!id) {
      id = this.#find(name.trim());
      this.#ids.set(key, id);
    }
    return id;
  }

  async #find(name: string): Promise<string> {
    const known = named(await this.#book.all(), name);
    if (known) return known.id;
    try {
      // `#ids` answers this name from now on, so the lists need not be read again.
      const list = await this.#client.lists.create({ name }, { signal: this.#signal });
      this.made.push(list.name);
      return list.id;
    } catch (error) {
      if (!hasCode(error, 'list_name_taken')) throw error;
      this.#book.forget();
      const made = named(await this.#book.all(), name);
      if (!made) throw error;
      return made.id;
    }
  }
}
