// @ts-check
// The toast: what a change did ("Deleted “Buy milk”", "Completed 3 todos tagged #home"), said as
// a status rather than an alert, for a few seconds, with Undo after a delete; and the undo itself,
// which creates the deleted todos again through the import route, with their ids and fields.
// Loaded on first use: a visit that only reads the list does not fetch it.
/** @typedef {import('./store.js').Entry} Entry */
/** @typedef {{ message: string, removed: Entry[] }} Done what a change did, and the todos it deleted */
import { one } from './dom.js';
import { Notice } from './notice.js';

/** How long the toast stays, and with it Undo: counted again once the pointer or focus leaves it. */
const SHOWN_MS = 6000;

export class Toast extends Notice {
  #box;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #timer;

  /** @param {ParentNode} root */
  constructor(root) {
    super(root, '.toast');
    this.#box = one(root, '.toast', HTMLElement);
    for (const type of ['focusin', 'focusout', 'pointerenter', 'pointerleave'])
      this.#box.addEventListener(type, () => this.#wait());
  }

  /** @override @param {string} message @param {{ label: string, run: () => void }} [action] */
  show(message, action) {
    super.show(message, action);
    this.#wait();
  }

  /** @override */
  clear() {
    clearTimeout(this.#timer);
    super.clear();
  }

  /** (Re)starts the countdown to going, held while the pointer or focus is on the toast. */
  #wait() {
    clearTimeout(this.#timer);
    if (this.shown && !this.#box.matches(':hover, :focus-within'))
      this.#timer = setTimeout(() => this.clear(), SHOWN_MS);
  }
}

/**
 * Creates deleted todos again, with their ids and every field a create takes, in one import
 * (`POST /v1/todos/batch`): an id given is kept, so each comes back as itself.
 * @type {import('./store.js').Recreate}
 */
export async function recreate(client, todos) {
  const { rejected } = await client.todos.importMany(
    todos.map(({ id, listId, title, notes, dueDate, dueTime, recurrence, priority, tags, completed }) => ({
      id,
      listId,
      title,
      notes,
      dueDate,
      dueTime,
      recurrence,
      priority,
      tags,
      completed,
    })),
  );
  return new Map(rejected.map(({ index, error }) => [index, new Error(error.message)]));
}

/** The page's one toast. */
export const toast = new Toast(document);

/**
 * Says what a change did, with Undo when it deleted todos.
 * @param {import('./store.js').TodoStore} store
 * @param {Done} done
 */
export function say(store, { message, removed }) {
  const undo = { label: 'Undo', run: () => store.restore(removed, recreate) };
  toast.show(message, removed.length > 0 ? undo : undefined);
}
