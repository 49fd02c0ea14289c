// @ts-check
// The todos the page holds, and every change to them. A change shows at once (the store emits
// `change` before the API answers); when the API refuses it or cannot be reached, the change is
// undone and `onFailure` is told. Calls on one todo go out one after another, in the order they
// were made, so a toggle made while the todo is still being created waits for its id. A delete
// goes out at once and can be undone: the todo is created again with its id and fields. A store
// holds one scope's todos (scope.js): one list's, in its manual order, from which a todo moved to
// another list leaves; or a view's (Today, Upcoming, a saved filter), in due order, where a todo
// changed on this page stays until the view is shown again, so a row never jumps away under the
// person's hand. What changed elsewhere (the changes feed, followed live by live.js) comes in
// through applyChanges, and joins or leaves by the scope's rule.
import { INBOX_LIST_ID, isNotFoundError, isPreconditionFailedError } from '/vendor/todolist-sdk.min.js';
import { listScope } from './scope.js';
import { addedHere, collides, draftOf, loadedEntry, newKey, shown } from './todo-entry.js';

/** @typedef {import('./todo-entry.js').Entry} Entry */
/** @typedef {import('./todo-entry.js').ShownTodo} ShownTodo */
/** @typedef {import('/vendor/todolist-sdk.min.js').TodoPatch} TodoPatch */
/** @typedef {import('/vendor/todolist-sdk.min.js').TodoCreate} TodoCreate */
/** @typedef {import('/vendor/todolist-sdk.min.js').Todo} Todo */
/** @typedef {import('/vendor/todolist-sdk.min.js').Change} Change */
/**
 * @typedef {{ key: string, before: Todo, after: Todo }} Elsewhere what the `elsewhere` event tells:
 * a todo changed elsewhere while nothing of the person's was on its way to it
 */
/** @typedef {'add' | 'save' | 'delete' | 'restore' | 'load' | 'move'} Action */
/** @typedef {(action: Action, title: string, error: unknown) => void} FailureListener */
/**
 * @typedef {(client: import('./api.js').TodolistClient, todos: Todo[]) => Promise<Map<number, unknown>>} Recreate
 * creates deleted todos again with their ids and fields; answers why any was refused, by position
 */

/** The most calls in flight at once: what a browser opens to one host over HTTP/1.1. */
const MAX_IN_FLIGHT = 6;

export class TodoStore extends EventTarget {
  #client;
  /** @type {import('./scope.js').Scope} */
  #scope;
  #onFailure;
  #pageSize;
  /** @type {Entry[]} in the API's order (creation), then those added on this page */
  #entries = [];
  /** @type {Map<string, Promise<void>>} the last call queued for each todo */
  #chains = new Map();
  /** @type {string | null} */
  #cursor = null;
  /** @type {Promise<void> | null} */
  #loadingMore = null;
  /** @type {'loading' | 'ready' | 'failed'} */
  #status = 'loading';
  #inFlight = 0;
  /** @type {(() => void)[]} */
  #waiting = [];
  #emitQueued = false;
  /** @type {Set<string>} ids deleted elsewhere: a page read before the delete does not bring them back */
  #deletedElsewhere = new Set();
  /**
   * @type {Map<string, Todo>} todos new to this store that came from the feed while creates of
   * its own were on their way: each may be one of them, known once they are answered
   */
  #parked = new Map();
  /** @type {Set<string>} keys of todos added or changed on this page, which a view keeps showing whatever its rule says */
  #stays = new Set();

  /**
   * @param {import('./api.js').TodolistClient} client
   * @param {{ onFailure: FailureListener, scope?: import('./scope.js').Scope, pageSize?: number }} options
   */
  constructor(client, { onFailure, scope = listScope(INBOX_LIST_ID), pageSize = 100 }) {
    super();
    this.#client = client;
    this.#scope = scope;
    this.#onFailure = onFailure;
    this.#pageSize = pageSize;
  }

  /** @returns {ShownTodo[]} the todos as shown, deleted ones left out */
  get todos() {
    return this.#entries
      .filter((entry) => !entry.deleting)
      .map(shown)
      .filter((todo) => this.#scope.holds(todo) || this.#stays.has(todo.key));
  }

  /** The list a new todo goes to: the list shown (`inbox` or a list's id), or a view's Inbox. */
  get listId() {
    return this.#scope.listId;
  }

  /** What it holds: `list:<id>`, or `view:today`, `view:upcoming`, `view:<saved filter id>`. */
  get scopeKey() {
    return this.#scope.key;
  }

  /** Whether its todos are in an order of the person's, which they can change (a list's). */
  get manual() {
    return this.#scope.manual;
  }

  get status() {
    return this.#status;
  }

  /** Whether the API holds more todos than those loaded so far. */
  get hasMore() {
    return this.#cursor !== null;
  }

  /** How many todos have calls queued or in flight. */
  get pendingCount() {
    return this.#chains.size;
  }

  get loadingMore() {
    return this.#loadingMore !== null;
  }

  /** Loads the first page; rejects, with the store `failed`, when it cannot. */
  async load() {
    this.#status = 'loading';
    this.#changed();
    try {
      this.#addPage(await this.#client.todos.list(this.#query()));
      this.#status = 'ready';
    } catch (error) {
      this.#status = 'failed';
      throw error;
    } finally {
      this.#changed();
    }
  }

  /** Loads the next page, if there is one; a second call while one is loading waits for it. */
  loadMore() {
    const cursor = this.#cursor;
    if (this.#loadingMore || cursor === null) return this.#loadingMore ?? Promise.resolve();
    this.#loadingMore = this.#client.todos
      .list({ ...this.#query(), cursor })
      .then((page) => this.#addPage(page))
      .finally(() => {
        this.#loadingMore = null;
        this.#changed();
      });
    this.#changed();
    return this.#loadingMore;
  }

  #query() {
    return { ...this.#scope.query(), limit: this.#pageSize };
  }

  /**
   * Adds a todo, last in this list; or to the list `input.listId` names, where this store does
   * not show it. The input may still be on its way (quick add loading: `typed` shows until it
   * comes), so the row shows at once either way.
   * @param {TodoCreate | Promise<TodoCreate>} input
   * @param {string} typed the words typed, which a failure tells: the field gets them back
   */
  add(input, typed) {
    const ready = input instanceof Promise ? undefined : this.#scope.addTo(input);
    /** @type {Entry} */
    const entry = {
      key: newKey(),
      confirmed: null,
      draft: draftOf(ready ?? this.#scope.addTo({ title: typed })),
      pending: [],
      deleting: false,
    };
    // Typed in a view, it shows there even when its day is not the view's ("tomorrow" in Today).
    if (!this.#scope.manual) this.#stays.add(entry.key);
    this.#entries.push(entry);
    this.#changed();
    this.#queue([entry], async () => {
      try {
        const create = ready ?? this.#scope.addTo(await input);
        if (!ready) entry.draft = draftOf(create);
        entry.confirmed = await this.#client.todos.create(create);
        // The feed may have brought it before this answer did: one row, not two.
        this.#parked.delete(entry.confirmed.id);
      } catch (error) {
        this.#drop(entry);
        this.#onFailure('add', typed, error);
      }
      this.#unpark();
    });
  }

  /**
   * @param {string} key
   * @param {TodoPatch} patch
   */
  update(key, patch) {
    const entry = this.#find(key);
    if (!entry || entry.deleting) return;
    if (!this.#scope.manual) this.#stays.add(key);
    const change = { patch };
    entry.pending.push(change);
    this.#changed();
    this.#queue([entry], async () => {
      try {
        if (entry.confirmed && this.#entries.includes(entry))
          await this.#sendPatch(entry, entry.confirmed, patch);
      } catch (error) {
        if (isNotFoundError(error)) this.#drop(entry);
        this.#onFailure('save', (entry.confirmed ?? entry.draft).title, error);
      } finally {
        entry.pending = entry.pending.filter((sent) => sent !== change);
      }
    });
  }

  /**
   * Puts the todo right after the one with `afterKey`, or first (null), in the list's manual
   * order: shown at once, sent as one `PATCH {after}` once both are created, put back if refused.
   * @param {string} key
   * @param {string | null} afterKey
   */
  move(key, afterKey) {
    if (!this.#scope.manual) return;
    const entry = this.#find(key);
    const after = afterKey === null ? null : this.#find(afterKey);
    if (!entry || entry.deleting || after === undefined || after === entry) return;
    const from = this.#entries.indexOf(entry);
    this.#entries.splice(from, 1);
    this.#entries.splice(after ? this.#entries.indexOf(after) + 1 : 0, 0, entry);
    this.#changed();
    this.#queue(after ? [entry, after] : [entry], async () => {
      const todo = entry.confirmed;
      if (!todo || !this.#entries.includes(entry)) return;
      try {
        entry.confirmed = await this.#client.todos.move(todo.id, { after: after?.confirmed?.id ?? null });
      } catch (error) {
        this.#drop(entry);
        if (!isNotFoundError(error)) this.#entries.splice(from, 0, entry);
        this.#onFailure('move', todo.title, error);
      }
    });
  }

  /**
   * Deletes the todo: hidden at once, deleted on the server as soon as its earlier calls are done.
   * Its entry stays, hidden, so that an undo puts it back where it was.
   * @param {string} key
   * @returns {Entry | null} what {@link restore} takes to bring it back
   */
  remove(key) {
    const entry = this.#find(key);
    if (!entry || entry.deleting) return null;
    entry.deleting = true;
    this.#changed();
    this.#queue([entry], async () => {
      // Undone before it went out; or no confirmed copy: its create failed, and it is gone already.
      if (!entry.deleting || !entry.confirmed) return;
      try {
        await this.#client.todos.delete(entry.confirmed.id);
      } catch (error) {
        // Deleted elsewhere first: what the person wanted.
        if (!isNotFoundError(error)) {
          entry.deleting = false;
          this.#onFailure('delete', entry.confirmed.title, error);
          return;
        }
      }
      entry.gone = true;
    });
    return entry;
  }

  /**
   * Brings deleted todos back, shown at once in their places. A delete not sent yet is not sent;
   * the todos deleted on the server are created again, all in one call of `recreate`.
   * @param {Entry[]} entries
   * @param {Recreate} recreate
   */
  restore(entries, recreate) {
    const back = entries.filter((entry) => entry.deleting);
    for (const entry of back) entry.deleting = false;
    this.#changed();
    /** @type {Entry[]} */
    const created = [];
    this.#queue(back, async () => {
      const gone = back.filter((entry) => entry.gone);
      if (gone.length === 0) return;
      const todos = gone.map((entry) => /** @type {Todo} */ (entry.confirmed));
      const refused = await recreate(this.#client, todos).catch(
        (error) => new Map(todos.map((_, index) => [index, error])),
      );
      for (const [index, entry] of gone.entries()) {
        if (!refused.has(index)) {
          entry.gone = false;
          created.push(entry);
          continue;
        }
        entry.deleting = true;
        this.#onFailure('restore', todos[index]?.title ?? '', refused.get(index));
      }
    });
    // Created again, each is last in the list's order: it goes back after the todo shown before
    // it, and that answer is its new version, held before a change to it goes out. One that
    // cannot be moved stays last: a change sent with the old version gets a 412, and #sendPatch
    // reads the todo then. A view's order is the todos' own: nothing to put back.
    if (!this.#scope.manual) return;
    for (const entry of back) {
      const before = this.#entries
        .slice(0, this.#entries.indexOf(entry))
        .findLast((other) => !other.deleting && other.confirmed?.listId === this.#scope.listId);
      this.#queue(before ? [entry, before] : [entry], async () => {
        const todo = entry.confirmed;
        if (todo && created.includes(entry))
          entry.confirmed = await this.#client.todos
            .move(todo.id, { after: before?.confirmed?.id ?? null })
            .catch(() => todo);
      });
    }
  }

  /** Resolves once every call made so far is answered, refused or not. */
  settled() {
    return Promise.allSettled([...this.#chains.values()]);
  }

  /**
   * Loads every page not loaded yet: what "all" means to toggle-all and clear completed.
   * Answers whether it could; a failure is reported.
   */
  async loadAll() {
    try {
      while (this.#cursor !== null) await this.loadMore();
      return true;
    } catch (error) {
      this.#onFailure('load', '', error);
      return false;
    }
  }

  /**
   * Sends a change on the condition that nobody changed the todo since `before`. If somebody
   * did, the change is sent again over theirs unless it touches a field they changed too: then
   * theirs stays and the failure is reported.
   * @param {Entry} entry
   * @param {Todo} before
   * @param {TodoPatch} patch
   */
  async #sendPatch(entry, before, patch) {
    try {
      entry.confirmed = await this.#client.todos.update(before.id, patch, { ifMatch: before.version });
    } catch (error) {
      if (!isPreconditionFailedError(error)) throw error;
      const latest = await this.#client.todos.get(before.id);
      entry.confirmed = latest;
      if (collides(patch, before, latest)) throw error;
      entry.confirmed = await this.#client.todos.update(latest.id, patch, { ifMatch: latest.version });
    }
  }

  /**
   * Takes what changed elsewhere: a todo of this list is added in its place in the manual order,
   * or updated (the higher version wins; changes of the person's on their way stay laid over it),
   * one deleted goes, and one moved to another list leaves it. A todo updated while nothing of
   * the person's was on its way to it is told to `elsewhere` listeners (an {@link Elsewhere}),
   * so a row being edited can say so; what the person typed is never touched.
   * @param {Change[]} changes
   */
  applyChanges(changes) {
    let changed = false;
    for (const change of changes) {
      if (change.type !== 'todo') continue;
      changed = (change.op === 'upsert' ? this.#upsert(change.todo) : this.#deleted(change.id)) || changed;
    }
    // The feed brings this page's own changes back too: those change nothing, and redraw nothing.
    if (changed) this.#changed();
  }

  /**
   * Reads the first page again and takes it as changes, dropping the todos it should hold and
   * does not: what changed between the first read and the feed's cursor (live.js calls it once
   * the feed is followed live, from a cursor taken after the first read).
   */
  async reread() {
    const held = new Map(this.#entries.map((entry) => [entry, entry.confirmed]));
    const page = await this.#client.todos.list(this.#query());
    this.applyChanges(page.items.map((todo) => ({ type: 'todo', op: 'upsert', id: todo.id, todo })));
    const ids = new Set(page.items.map((todo) => todo.id));
    const last = page.items.at(-1);
    const covered = (/** @type {Todo} */ todo) =>
      page.nextCursor === null || (last !== undefined && this.#scope.before(todo, last));
    // Only a todo unchanged since the read was sent: one added or saved meanwhile is newer than it.
    this.#entries = this.#entries.filter((entry) => {
      const todo = entry.confirmed;
      if (!todo || todo !== held.get(entry) || ids.has(todo.id) || !this.#scope.holds(todo)) return true;
      return entry.deleting || this.#chains.has(entry.key) || !covered(todo);
    });
    this.#changed();
  }

  /**
   * The local day turned over (watchDay): what a view holds is read against the new "today" at
   * once, and its first page is read again, so the todos the new day brings join it in their
   * places (reread); nothing is emptied or drawn as loading meanwhile. The todos in `editing`
   * (rows the person is editing) stay in sight as those changed here do, until the view is shown
   * again. A list's todos do not depend on the day: it is only drawn again (its due labels).
   * @param {Iterable<string>} editing keys of the todos being edited
   * @returns {Promise<void>} rejects when the view could not be read again
   */
  async newDay(editing) {
    this.#changed();
    if (this.#scope.manual) return;
    for (const key of editing) this.#stays.add(key);
    await this.reread();
  }

  /** @param {Todo} todo @returns {boolean} whether it changed what the store holds */
  #upsert(todo) {
    this.#deletedElsewhere.delete(todo.id);
    const entry = this.#entries.find((other) => other.confirmed?.id === todo.id);
    if (!entry) return this.#insert(todo);
    const before = /** @type {Todo} */ (entry.confirmed);
    if (todo.version <= before.version) return false;
    entry.confirmed = todo;
    if (entry.pending.length === 0 && !this.#chains.has(entry.key) && !entry.deleting) {
      /** @type {Elsewhere} */
      const detail = { key: entry.key, before, after: todo };
      this.dispatchEvent(new CustomEvent('elsewhere', { detail }));
    }
    return true;
  }

  /**
   * A todo new to this store, in its place among those loaded (one past them comes with its
   * page), or parked while creates of this page's are on their way. @param {Todo} todo
   */
  #insert(todo) {
    if (!this.#scope.holds(todo)) return false;
    if (this.#entries.some((entry) => !entry.confirmed)) {
      this.#parked.set(todo.id, todo);
      return false;
    }
    const next = this.#entries.findIndex(
      (entry) => entry.confirmed && this.#scope.before(todo, entry.confirmed),
    );
    if (next === -1 && this.#cursor !== null) return false;
    this.#entries.splice(next === -1 ? this.#entries.length : next, 0, loadedEntry(todo));
    return true;
  }

  /** Once no create of this page's is on its way, the todos parked meanwhile were others'. */
  #unpark() {
    if (this.#entries.some((entry) => !entry.confirmed)) return;
    const parked = [...this.#parked.values()];
    this.#parked.clear();
    for (const todo of parked) this.#upsert(todo);
  }

  /** @param {string} id @returns {boolean} whether it changed what the store holds */
  #deleted(id) {
    this.#deletedElsewhere.add(id);
    this.#parked.delete(id);
    const entry = this.#entries.find((other) => other.confirmed?.id === id);
    if (!entry) return false;
    // Deleted here (the feed tells this page's own delete too): kept hidden, for Undo.
    if (entry.deleting) {
      entry.gone = true;
      return false;
    }
    // Calls on their way to it meet the 404 and say so (#sendPatch, move); Undo's import brings it back.
    if (this.#chains.has(entry.key)) return false;
    this.#drop(entry);
    return true;
  }

  /** @param {{ items: Todo[], nextCursor: string | null }} page */
  #addPage(page) {
    const known = new Set([...this.#entries.map((entry) => entry.confirmed?.id), ...this.#deletedElsewhere]);
    // Todos added on this page are newer than any the API lists, so they stay last.
    const firstLocal = this.#entries.findIndex(addedHere);
    const at = firstLocal === -1 ? this.#entries.length : firstLocal;
    const fresh = page.items.filter((todo) => !known.has(todo.id)).map(loadedEntry);
    this.#entries.splice(at, 0, ...fresh);
    this.#cursor = page.nextCursor;
  }

  /** @param {string} key */
  #find(key) {
    return this.#entries.find((entry) => entry.key === key);
  }

  /** @param {Entry} entry */
  #drop(entry) {
    this.#entries = this.#entries.filter((other) => other !== entry);
  }

  /**
   * Runs `call` after every call queued before it for the same todos, with at most
   * MAX_IN_FLIGHT calls out at once; the store emits `change` when it ends.
   * @param {Entry[]} entries
   * @param {() => Promise<void>} call
   */
  #queue(entries, call) {
    const previous = Promise.all(entries.map((entry) => this.#chains.get(entry.key)));
    /** @type {Promise<void>} */
    const next = previous
      .then(() => this.#limited(call))
      .finally(() => {
        for (const entry of entries) if (this.#chains.get(entry.key) === next) this.#chains.delete(entry.key);
        this.#changed();
      });
    for (const entry of entries) this.#chains.set(entry.key, next);
  }

  /** @param {() => Promise<void>} call */
  async #limited(call) {
    // A call that ends hands its slot straight to the next one waiting.
    if (this.#inFlight >= MAX_IN_FLIGHT)
      await new Promise((resolve) => this.#waiting.push(() => resolve(null)));
    else this.#inFlight++;
    try {
      await call();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#inFlight--;
    }
  }

  /** Emits one `change` per turn of the event loop, however many things changed in it. */
  #changed() {
    if (this.#emitQueued) return;
    this.#emitQueued = true;
    queueMicrotask(() => {
      this.#emitQueued = false;
      this.dispatchEvent(new Event('change'));
    });
  }
}
