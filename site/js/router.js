// @ts-check
// The route lives in the URL's hash, as TodoMVC's does: #/, #/active, #/completed, each with an
// optional ?tag=…, so a reload keeps the view and the back button walks through past views.

/** @typedef {'all' | 'active' | 'completed'} Filter */
/** @typedef {{ filter: Filter, tag: string | null }} Route */

/** @type {Record<string, Filter>} */
const FILTERS = { '': 'all', active: 'active', completed: 'completed' };

/**
 * The route a hash stands for; anything unknown is the whole list.
 * @param {string} hash such as `#/active?tag=home`
 * @returns {Route}
 */
export function parseRoute(hash) {
  const [path = '', query = ''] = hash.replace(/^#!?\/?/, '').split('?');
  const tag = new URLSearchParams(query).get('tag');
  return { filter: FILTERS[path] ?? 'all', tag: tag ? tag.toLowerCase() : null };
}

/**
 * The hash of a route: `#/` for all, `#/active?tag=home` for the active todos tagged home.
 * @param {Route} route
 */
export function hrefOf({ filter, tag }) {
  const path = filter === 'all' ? '#/' : `#/${filter}`;
  return tag ? `${path}?${new URLSearchParams({ tag })}` : path;
}

/**
 * Calls `onRoute` with the current route now and on every change, back and forward included.
 * @param {(route: Route) => void} onRoute
 */
export function watchRoute(onRoute) {
  const emit = () => onRoute(parseRoute(window.location.hash));
  window.addEventListener('hashchange', emit);
  emit();
}
