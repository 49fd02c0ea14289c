// @ts-check
// The route lives in the URL's hash, as TodoMVC's does: #/, #/active, #/completed, each with an
// optional ?list=… (the Inbox when there is none) or ?view=… (today, upcoming, or a saved
// filter's id: the todos of every list that pass it), ?tag=… and ?q=… (a search), so a reload
// keeps the view and the back button walks through past views.
import { INBOX_LIST_ID } from '/vendor/todolist-sdk.min.js';

/** @typedef {'all' | 'active' | 'completed'} Filter */
/**
 * @typedef {{ filter: Filter, tag: string | null, q?: string | null, list?: string, view?: string | null }} Route
 * `list` unset: the Inbox; `q` unset: no search; `view` set: that view, whatever `list` says
 */

/** @type {Record<string, Filter>} */
const FILTERS = { '': 'all', active: 'active', completed: 'completed' };

/**
 * The route a hash stands for; anything unknown is the Inbox's whole list.
 * @param {string} hash such as `#/active?tag=home`
 * @returns {Route & { list: string, q: string | null, view: string | null }}
 */
export function parseRoute(hash) {
  const [path = '', query = ''] = hash.replace(/^#!?\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const tag = params.get('tag');
  return {
    filter: FILTERS[path] ?? 'all',
    tag: tag ? tag.toLowerCase() : null,
    q: params.get('q')?.trim() || null,
    list: params.get('list') || INBOX_LIST_ID,
    view: params.get('view') || null,
  };
}

/**
 * The hash of a route: `#/` for the Inbox's todos, `#/active?list=…&tag=home` for a list's
 * active todos tagged home.
 * @param {Route} route
 */
export function hrefOf({ filter, tag, q = null, list = INBOX_LIST_ID, view = null }) {
  const path = filter === 'all' ? '#/' : `#/${filter}`;
  const query = new URLSearchParams(view ? { view } : list === INBOX_LIST_ID ? {} : { list });
  if (tag) query.set('tag', tag);
  if (q) query.set('q', q);
  return query.size ? `${path}?${query}` : path;
}

/**
 * Calls `onRoute` with the current route now and on every change, back and forward included.
 * @param {(route: Route & { list: string, q: string | null, view: string | null }) => void} onRoute
 */
export function watchRoute(onRoute) {
  const emit = () => onRoute(parseRoute(window.location.hash));
  window.addEventListener('hashchange', emit);
  emit();
}

/**
 * Goes to `route` in place of the current one (no new entry for back), as a search does while
 * it is typed, and tells {@link watchRoute}'s listener as a hash change would.
 * @param {Route} route
 */
export function replaceRoute(route) {
  const href = hrefOf(route);
  if (href === (window.location.hash || '#/')) return;
  history.replaceState(history.state, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
