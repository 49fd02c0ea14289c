import type { Todo } from '@todolist/sdk';
import { lengthTellingApart, shortId } from '../ids/short-id.js';
import { type CompactTodo, compactTodo } from './compact.js';

/**
 * How many todos a session remembers: more than an assistant shows in a long conversation, few
 * enough that telling their short ids apart stays quick (a few milliseconds).
 */
const REMEMBERED = 5000;

/**
 * The todos this MCP session has answered with, most recent last. Its short ids are as long as
 * it takes to tell apart everything the session has shown, so an assistant can name any of them
 * back, and they are looked for here first: a call naming one needs no listing of every todo.
 */
export class ShownTodos {
  /** Each shown todo's id and full short id, in the order last shown. */
  readonly #codes = new Map<string, string>();

  /** These todos compact, remembered as shown. */
  compact(todos: readonly Todo[]): CompactTodo[] {
    for (const { id } of todos) {
      this.#codes.delete(id);
      this.#codes.set(id, shortId(id));
    }
    for (const id of this.#codes.keys()) {
      if (this.#codes.size <= REMEMBERED) break;
      this.#codes.delete(id);
    }
    const length = lengthTellingApart([...this.#codes.values()]);
    return todos.map((todo) => compactTodo(todo, length));
  }

  /** One todo compact, remembered as shown. */
  compactOne(todo: Todo): CompactTodo {
    return this.compact([todo])[0] as CompactTodo;
  }

  /** The ids shown so far, oldest first. */
  ids(): string[] {
    return [...this.#codes.keys()];
  }
}
