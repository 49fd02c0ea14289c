// @ts-check
// The message at the bottom of the page: what could not be done and that it was undone, until
// the person dismisses it. Failures that come together for the same reason (toggle-all with the
// server down) make one message with a count, not a message each.
import { one } from './dom.js';
import { reasonOf } from './failures.js';

/** Failures this close together, for the same reason, are counted in one message. */
const BURST_MS = 3000;

const VERBS = { add: 'add', save: 'save the change to', delete: 'delete', load: 'load your todos' };

export class Notice {
  #box;
  #text;
  #action;
  #dismiss;
  /** @type {{ reason: string, count: number, at: number } | null} */
  #burst = null;
  /** @type {(() => void) | null} */
  #onAction = null;

  /** @param {ParentNode} root */
  constructor(root) {
    this.#box = one(root, '.notice', HTMLElement);
    this.#text = one(this.#box, '.notice-text', HTMLElement);
    this.#action = one(this.#box, '.notice-action', HTMLButtonElement);
    this.#dismiss = one(this.#box, '.notice-dismiss', HTMLButtonElement);
    this.#dismiss.addEventListener('click', () => this.clear());
    this.#action.addEventListener('click', () => {
      const act = this.#onAction;
      this.clear();
      act?.();
    });
  }

  get shown() {
    return this.#box.classList.contains('shown');
  }

  /**
   * Says that a change was refused or could not be sent, and undone. (Its words load with the
   * page, not on demand: when the server cannot be reached, neither can the page's own files.)
   * @param {import('./store.js').Action} action
   * @param {string} title
   * @param {unknown} error
   */
  failure(action, title, error) {
    const reason = reasonOf(error);
    const now = Date.now();
    const burst = this.#burst;
    if (this.shown && burst && burst.reason === reason && now - burst.at < BURST_MS && action !== 'load') {
      burst.count++;
      burst.at = now;
      this.show(`Couldn't save ${burst.count} changes: ${reason}. They were undone.`);
      return;
    }
    this.#burst = { reason, count: 1, at: now };
    if (action === 'load') this.show(`Couldn't load your todos: ${reason}.`);
    else this.show(`Couldn't ${VERBS[action]} “${title}”: ${reason}. Your change was undone.`);
  }

  /**
   * @param {string} message
   * @param {{ label: string, run: () => void }} [action] a button beside the message, such as "Try again"
   */
  show(message, action) {
    this.#text.textContent = message;
    this.#action.hidden = !action;
    this.#action.textContent = action?.label ?? '';
    this.#onAction = action?.run ?? null;
    this.#dismiss.hidden = false;
    this.#box.classList.add('shown');
  }

  clear() {
    const hadFocus = this.#box.contains(document.activeElement);
    this.#text.textContent = '';
    this.#action.hidden = true;
    this.#dismiss.hidden = true;
    this.#box.classList.remove('shown');
    this.#burst = null;
    // The button that had focus is gone: keyboard users go on from the new todo field.
    if (hadFocus) one(document, '.new-todo', HTMLInputElement).focus();
  }
}
