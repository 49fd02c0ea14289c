import type { Todo } from '@todolist/sdk';
import { lengthTellingApart, shortId } from '../ids/short-id.js';
import { type CompactTodo, compactTodo } from './compact.js';

/**
 * How many of the todos shown last a session's short ids tell apart: more than an assistant
 * shows in a long conversation, few enough that telling them apart stays quick (a few ms).
 */
const REMEMBERED = 5000;

/**
 * The todos this MCP session has answered with, most recent last. Its short ids are as long as
 * it takes to tell apart the last {@link REMEMBERED} it has shown, so an assistant can name any
 * of them back, and every id shown is looked for here first: a call naming one needs no listing
 * of every todo.
 */
export class ShownTodos {
  /** Each shown todo's id and full short id, in the order last shown. */
  readonly #codes = new Map<string, string>();
  /**
   * Those shown before the last {@link REMEMBERED}: still looked among, so a short id given long
   * ago that now fits two todos is refused as ambiguous rather than taken for the other one.
   */
  readonly #older = new Set<string>();

  /** These todos compact, remembered as shown. */
  compact(todos: readonly Todo[]): CompactTodo[] {
    for (const { id } of todos) {
      this.#older.delete(id);
      this.#codes.delete(id);
      this.#codes.set(id, shortId(id));
    }
    for (const id of this.#codes.keys()) {
      if (this.#codes.size <= REMEMBERED) break;
      this.#codes.delete(id);
      this.#older.add(id);
    }
    const length = lengthTellingApart([...this.#codes.values()]);
    return todos.map((todo) => compactTodo(todo, length));
  }

  /** One todo compact, remembered as shown. */
  compactOne(todo: Todo): CompactTodo {
    return this.compact([todo])[0] as CompactTodo;
  }

  /** Every id shown so far, oldest first. */
  ids(): string[] {
    return [...this.#older, ...this.#codes.keys()];
  }
}
