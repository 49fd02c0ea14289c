import type { Change, ChangedList, Todo } from '@todolist/sdk';

/** What a watch remembers of a todo: enough to tell what a change did to it, and to name it once it is gone. */
export type KnownTodo = Pick<Todo, 'title' | 'listId' | 'completed' | 'version'>;

/** A list as the watch knows it, from the lists read at the start or from the feed. */
export type KnownList = Pick<ChangedList, 'id' | 'name' | 'archived' | 'shared' | 'role'>;

/**
 * What a `todo watch` knows of the person's todos and lists: read once at the start, then kept
 * current from the feed. The feed gives each todo's latest state, not what changed, so telling
 * "Done" from "Updated", or naming a todo that was deleted, needs what came before.
 */
export class WatchMemory {
  readonly #todos = new Map<string, KnownTodo>();
  readonly #lists = new Map<string, KnownList>();

  constructor(lists: Iterable<KnownList>, todos: Iterable<Todo>) {
    for (const list of lists) this.#lists.set(list.id, list);
    for (const todo of todos) this.#todos.set(todo.id, todo);
  }

  todo(id: string): KnownTodo | undefined {
    return this.#todos.get(id);
  }

  list(id: string): KnownList | undefined {
    return this.#lists.get(id);
  }

  /** Whether a change is about the list `listId`: in it, a todo that was in it, or the list itself. */
  concerns(change: Change, listId: string): boolean {
    if (change.type === 'list') return change.id === listId;
    if (change.op === 'delete') return change.listId === listId;
    return change.todo.listId === listId || this.#todos.get(change.id)?.listId === listId;
  }

  /** Takes a change in, once it has been told. */
  apply(change: Change): void {
    if (change.type === 'todo') {
      if (change.op === 'upsert') this.#todos.set(change.id, change.todo);
      else this.#todos.delete(change.id);
    } else if (change.op === 'upsert') {
      this.#lists.set(change.id, change.list);
    } else {
      // Its todos go with it, without a delete each.
      this.#lists.delete(change.id);
      for (const [id, todo] of this.#todos) if (todo.listId === change.id) this.#todos.delete(id);
    }
  }
}
