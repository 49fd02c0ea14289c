// @ts-check
// The route lives in the URL's hash, as TodoMVC's does: #/, #/active, #/completed, each with an
// optional ?list=… (the Inbox when there is none) and ?tag=…, so a reload keeps the view and the
// back button walks through past views.
import { INBOX_LIST_ID } from '/vendor/todolist-sdk.min.js';

/** @typedef {'all' | 'active' | 'completed'} Filter */
/** @typedef {{ filter: Filter, tag: string | null, list?: string }} Route `list` unset: the Inbox */

/** @type {Record<string, Filter>} */
const FILTERS = { '': 'all', active: 'active', completed: 'completed' };

/**
 * The route a hash stands for; anything unknown is the Inbox's whole list.
 * @param {string} hash such as `#/active?tag=home`
 * @returns {Route & { list: string }}
 */
export function parseRoute(hash) {
  const [path = '', query = ''] = hash.replace(/^#!?\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const tag = params.get('tag');
  return {
    filter: FILTERS[path] ?? 'all',
    tag: tag ? tag.toLowerCase() : null,
    list: params.get('list') || INBOX_LIST_ID,
  };
}

/**
 * The hash of a route: `#/` for the Inbox's todos, `#/active?list=…&tag=home` for a list's
 * active todos tagged home.
 * @param {Route} route
 */
export function hrefOf({ filter, tag, list = INBOX_LIST_ID }) {
  const path = filter === 'all' ? '#/' : `#/${filter}`;
  const query = new URLSearchParams(list === INBOX_LIST_ID ? {} : { list });
  if (tag) query.set('tag', tag);
  return query.size ? `${path}?${query}` : path;
}

/**
 * Calls `onRoute` with the current route now and on every change, back and forward included.
 * @param {(route: Route & { list: string }) => void} onRoute
 */
export function watchRoute(onRoute) {
  const emit = () => onRoute(parseRoute(window.location.hash));
  window.addEventListener('hashchange', emit);
  emit();
}
