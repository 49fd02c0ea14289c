// @ts-check
// The message at the bottom of the page: what could not be done and what became of the change,
// until the person dismisses it or the API answers again. Failures that come together for the
// same reason (toggle-all with the server down) make one message with a count, not a message
// each. The toast (undo.js) is a Notice too, in its own box.
import { one } from './dom.js';
import { isUnavailable, reasonOf } from './failures.js';

/** Failures this close together, for the same reason, are counted in one message. */
const BURST_MS = 3000;

const VERBS = {
  add: 'add',
  save: 'save the change to',
  delete: 'delete',
  restore: 'bring back',
  load: 'load your todos',
  move: 'move',
};

export class Notice {
  #box;
  #text;
  #action;
  #dismiss;
  /** @type {{ reason: string, count: number, at: number } | null} */
  #burst = null;
  /** @type {(() => void) | null} */
  #onAction = null;
  /** When the failure shown was shown, if it is about the API not answering; else 0. */
  #unavailableSince = 0;

  /**
   * @param {ParentNode} root
   * @param {string} [selector] the message's box: `.notice`, or `.toast`
   */
  constructor(root, selector = '.notice') {
    this.#box = one(root, selector, HTMLElement);
    this.#text = one(this.#box, 'p', HTMLElement);
    this.#action = one(this.#box, 'button', HTMLButtonElement);
    this.#dismiss = one(this.#box, 'button:last-child', HTMLButtonElement);
    this.#dismiss.addEventListener('click', () => this.clear());
    this.#action.addEventListener('click', () => this.act());
    // A click on the button leaves focus where it was: a title being edited is not saved by the
    // click that answers "changed elsewhere" (live.js) before the button has its say.
    this.#action.addEventListener('mousedown', (event) => event.preventDefault());
  }

  get shown() {
    return this.#box.classList.contains('shown');
  }

  /** Does what the message's button offers, if it shows one, as a click on it would. */
  act() {
    const run = this.#onAction;
    if (run) this.clear();
    run?.();
    return Boolean(run);
  }

  /**
   * Says that a change was refused or could not be sent, and what became of it. (Its words load
   * with the page, not on demand: when the server cannot be reached, neither can the page's own files.)
   * @param {import('./store.js').Action} action
   * @param {string} title
   * @param {unknown} error
   * @param {string} [outcome] what became of the change
   */
  failure(
    action,
    title,
    error,
    outcome = action === 'restore' ? 'It stays deleted.' : 'Your change was undone.',
  ) {
    const reason = reasonOf(error);
    const now = Date.now();
    const burst = this.#burst;
    // An add is not counted with the others: each says where its text went.
    const counted = action !== 'load' && action !== 'add';
    const count =
      counted && this.shown && burst?.reason === reason && now - burst.at < BURST_MS ? burst.count + 1 : 1;
    if (count > 1) this.show(`Couldn't save ${count} changes: ${reason}. They were undone.`);
    else if (action === 'load') this.show(`Couldn't load your todos: ${reason}.`);
    else this.show(`Couldn't ${VERBS[action]} “${title}”: ${reason}. ${outcome}`);
    this.#burst = counted ? { reason, count, at: now } : null;
    if (isUnavailable(error)) this.#unavailableSince = now;
  }

  /**
   * The API answered a call sent at `sentAt`: a failure shown before then because it could not
   * be reached (or failed) is over.
   * @param {number} sentAt
   */
  answered(sentAt) {
    if (this.#unavailableSince && this.#unavailableSince < sentAt) this.clear();
  }

  /**
   * Says that code the page loads on first use could not be loaded: most likely, the server
   * cannot be reached.
   * @param {string} what the person wanted, such as "open the details"
   */
  couldNotLoad(what) {
    this.show(`Couldn't ${what}: the page could not load it. Check your connection.`);
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
    this.#burst = null;
    this.#unavailableSince = 0;
  }

  clear() {
    const hadFocus = this.#box.contains(document.activeElement);
    this.#text.textContent = '';
    this.#action.hidden = true;
    this.#onAction = null;
    this.#dismiss.hidden = true;
    this.#box.classList.remove('shown');
    this.#burst = null;
    this.#unavailableSince = 0;
    // The button that had focus is gone: keyboard users go on from the new todo field.
    if (hadFocus) one(document, '.new-todo', HTMLInputElement).focus();
  }
}
