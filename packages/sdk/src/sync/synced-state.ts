import type { ChangedList, List, Todo } from '../index.js';

/** What changed in a store, as its listeners are told: enough for a page to redraw only that. */
export interface SyncedChanges {
  /** True after a full sync (the first, or a re-sync): anything may have changed; redraw from the snapshot. */
  full: boolean;
  /** Lists made or changed, and those whose `openCount` changed with their todos; lists gone, by id. */
  lists: { upserted: List[]; deleted: string[] };
  /** Todos made or changed; todos gone, by id (those of a list gone included). */
  todos: { upserted: Todo[]; deleted: string[] };
}

/** Everything a store holds, at one moment. */
export interface SyncedSnapshot {
  /** Every list the person can see, archived ones included, in the API's order (new ones last), each `openCount` counted from {@link todos}. */
  lists: List[];
  /** Every todo on those lists, in creation order (new ones last). */
  todos: Todo[];
}

/** What a change touched, gathered over a page of the feed. */
class Touched {
  readonly lists = new Set<string>();
  readonly todos = new Set<string>();
  readonly deletedLists = new Set<string>();
  readonly deletedTodos = new Set<string>();

  get empty(): boolean {
    return this.lists.size + this.todos.size + this.deletedLists.size + this.deletedTodos.size === 0;
  }
}

/**
 * The lists and todos a store holds, and how each change of the feed applies to them: an upsert
 * keeps the higher `version` (an equal one replaces: a list's people change without its
 * version); a list gone takes its todos with it; open todos are counted per list as they come.
 */
export class SyncedState {
  readonly #lists = new Map<string, ChangedList>();
  readonly #todos = new Map<string, Todo>();
  readonly #open = new Map<string, number>();
  #touched = new Touched();

  hasList(listId: string): boolean {
    return this.#lists.has(listId);
  }

  /** A list as the API or the feed gives it; its `openCount`, if any, is not kept (it is counted). */
  upsertList(list: ChangedList | List): void {
    const held = this.#lists.get(list.id);
    if (held && held.version > list.version) return;
    const { openCount: _counted, ...kept } = list as List;
    this.#lists.set(list.id, kept);
    this.#touched.lists.add(list.id);
  }

  deleteList(listId: string): void {
    if (this.#lists.delete(listId)) this.#touched.deletedLists.add(listId);
    for (const todo of this.#todos.values()) {
      if (todo.listId === listId) this.#remove(todo);
    }
    this.#open.delete(listId);
  }

  upsertTodo(todo: Todo): void {
    const held = this.#todos.get(todo.id);
    if (held) {
      if (held.version > todo.version) return;
      this.#count(held, -1);
    }
    this.#todos.set(todo.id, todo);
    this.#count(todo, 1);
    this.#touched.todos.add(todo.id);
    this.#touched.deletedTodos.delete(todo.id);
  }

  deleteTodo(todoId: string): void {
    const held = this.#todos.get(todoId);
    if (held) this.#remove(held);
  }

  /** Everything held now: the lists with their counts, and the todos. */
  snapshot(): SyncedSnapshot {
    return {
      lists: [...this.#lists.values()].map((list) => this.#counted(list)),
      todos: [...this.#todos.values()],
    };
  }

  /** What changed since the last call (or since the state was made), and starts over. */
  takeChanges(full = false): SyncedChanges | undefined {
    const touched = this.#touched;
    this.#touched = new Touched();
    if (touched.empty && !full) return undefined;
    const lists = [...touched.lists].flatMap((id) => {
      const list = this.#lists.get(id);
      return list ? [this.#counted(list)] : [];
    });
    const todos = [...touched.todos].flatMap((id) => this.#todos.get(id) ?? []);
    return {
      full,
      lists: { upserted: lists, deleted: [...touched.deletedLists] },
      todos: { upserted: todos, deleted: [...touched.deletedTodos] },
    };
  }

  #remove(todo: Todo): void {
    this.#todos.delete(todo.id);
    this.#count(todo, -1);
    this.#touched.todos.delete(todo.id);
    this.#touched.deletedTodos.add(todo.id);
  }

  /** Counts a todo in (1) or out (-1) of its list's open todos, and marks the list changed. */
  #count(todo: Todo, by: 1 | -1): void {
    if (todo.completed) return;
    this.#open.set(todo.listId, (this.#open.get(todo.listId) ?? 0) + by);
    if (this.#lists.has(todo.listId)) this.#touched.lists.add(todo.listId);
  }

  #counted(list: ChangedList): List {
    return { ...list, openCount: this.#open.get(list.id) ?? 0 };
  }
}
