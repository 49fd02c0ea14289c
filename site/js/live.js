// @ts-check
// Staying in step: the changes feed, followed live over the SDK's WebSocket (`client.subscribe`,
// whose code is the SDK's second file, loaded with this one once the list is on screen). What
// the CLI, another tab or another member of a shared list changes shows without a reload: the
// selected list's store takes each page of changes, and the lists are listed again (names,
// counts). A todo changed while the person edits it says so (changed-elsewhere.js). An idle page
// sends nothing: the socket's ping, every 5 minutes, is all.
import { isSyncExpiredError } from '/vendor/todolist-sdk.min.js';
import { watchConflicts } from './changed-elsewhere.js';

/** @typedef {import('/vendor/todolist-sdk.min.js').Change} Change */
/** @typedef {import('./store.js').TodoStore} TodoStore */

/**
 * @typedef {object} Page what following the feed acts on
 * @property {import('./api.js').TodolistClient} client
 * @property {() => TodoStore} store the selected list's store, as it is now
 * @property {(people: boolean) => Promise<void>} refreshLists lists the lists again (names, counts),
 *   and who is on the selected one when `people`, and redraws
 * @property {() => void} listGone the selected list was deleted, or is no longer shared with the person
 * @property {(error: unknown) => void} onError told what following could not get over
 * @property {import('./notice.js').Notice} notice where a change made under the person's edit is said
 * @property {(key: string) => HTMLLIElement | undefined} row a todo's row, by its key
 * @property {(status: import('/vendor/todolist-sdk.min.js').SubscriptionStatus) => void} onStatus
 *   told whether the page is following live: `'live'` once caught up (the first time, once the
 *   store has read its first page again), `'reconnecting'` while the connection is lost
 * @property {AbortSignal} signal aborted when the page stops following (the session ended)
 */

/**
 * Follows the feed from now on, for the page's life. The first read of the list was before the
 * feed's cursor, so once live the store reads its first page again: what changed in between is
 * not missed. A cursor older than the feed keeps (a page left open offline for a month) starts
 * it all again. The SDK reconnects on its own, with backoff, and catches up from its cursor.
 * @param {Page} page
 */
export function follow(page) {
  let refreshing = Promise.resolve();
  /** @type {{ people: boolean } | null} the listing waiting for the one under way */
  let next = null;
  // One listing of the lists at a time; changes meanwhile make one more.
  const refreshLists = (/** @type {boolean} */ people) => {
    if (next) {
      next.people ||= people;
      return;
    }
    const queued = { people };
    next = queued;
    refreshing = refreshing.then(() => {
      next = null;
      return page.refreshLists(queued.people).catch(page.onError);
    });
  };
  let caughtUp = false;
  /** @type {WeakSet<TodoStore>} */
  const watched = new WeakSet();
  page.client
    .subscribe({
      signal: page.signal,
      onChange: ({ changes }) => {
        const store = page.store();
        if (!watched.has(store)) watchConflicts(store, page);
        watched.add(store);
        store.applyChanges(changes);
        const lists = changes.filter((change) => change.type === 'list');
        if (lists.some((change) => change.op === 'delete' && change.id === store.listId)) page.listGone();
        // Any change may move a list's open count (a todo moved between lists, one completed in a
        // list not all loaded), or its name: one listing of the lists tells them all.
        refreshLists(lists.length > 0);
      },
      onStatus: (status) => {
        if (status !== 'live' || caughtUp) return page.onStatus(status);
        caughtUp = true;
        page
          .store()
          .reread()
          .then(() => page.onStatus(status), page.onError);
      },
    })
    .then((subscription) => subscription.done)
    .catch((error) => {
      if (page.signal.aborted) return;
      if (isSyncExpiredError(error)) follow(page);
      else page.onError(error);
    });
}
