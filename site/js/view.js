// @ts-check
// Draws the store's todos for the current route into index.html's TodoMVC skeleton: the list
// (each <li> kept and updated in place), toggle-all, the counter, the filters, the tag filter,
// the search box, clear-completed, "load more", and words for a view with nothing in it. Toggle-all, the counter
// and clear-completed are about the todos the view shows, never the others. It reads state and
// never changes it: clicks go to handlers.
import { searchMatches, searchWords } from '/vendor/todolist-sdk.min.js';
import { dayHeading, today } from './dates.js';
import { h, one } from './dom.js';
import { createItem, updateItem } from './render-item.js';
import { hrefOf } from './router.js';
import { builtInView } from './scope.js';

/** @typedef {import('./todo-entry.js').ShownTodo} ShownTodo */
/** @typedef {import('./router.js').Route} Route */
/**
 * @typedef {object} ViewState
 * @property {ShownTodo[]} todos every todo loaded, whatever the route
 * @property {Route} route
 * @property {'loading' | 'ready' | 'failed'} status
 * @property {boolean} hasMore
 * @property {boolean} loadingMore
 * @property {number} pending todos with calls still out, shown as data-pending on .todoapp
 * @property {Map<string, string>} [people] who is on a shared list, `sub` → address: rows name them
 * @property {(listId: string) => string | undefined} [listName] in a view of every list, a list's name: rows name their list
 */

/**
 * Whether `todo` belongs in the list for `route`.
 * @param {ShownTodo} todo
 * @param {Route} route
 */
export function matches(todo, { filter, tag, q = null }) {
  if (filter === 'active' && todo.completed) return false;
  if (filter === 'completed' && !todo.completed) return false;
  if (tag !== null && !todo.tags.includes(tag)) return false;
  // The same words as the API's q= (searchMatches): case and accents aside.
  return !q || searchMatches(todo, searchWords(q));
}

/**
 * What a view with nothing in it says: "No active todos tagged #home matching “milk”".
 * @param {Route} route
 */
function emptyWords({ filter, tag, q = null, view = null }) {
  if (!tag && !q && filter === 'all') return builtInView({ view })?.empty ?? 'Nothing here yet';
  return `No ${filter === 'all' ? '' : `${filter} `}todos${tag ? ` tagged #${tag}` : ''}${q ? ` matching “${q}”` : ''}`;
}

/**
 * The counter's words, TodoMVC's exactly ("<strong>1</strong> item left"), and "so far" while
 * pages remain unloaded, since then the count is only of those loaded.
 * @param {HTMLElement} counter
 * @param {number} active
 * @param {boolean} partial
 */
function renderCount(counter, active, partial) {
  const words = ` ${active === 1 ? 'item' : 'items'} left${partial ? ' so far' : ''}`;
  const strong = counter.querySelector('strong') ?? document.createElement('strong');
  strong.textContent = String(active);
  if (counter.firstChild !== strong || counter.lastChild?.textContent !== words) {
    counter.replaceChildren(strong, words);
  }
}

export class TodoView {
  #app;
  #list;
  #main;
  #footer;
  #loading;
  #toggleAll;
  #counter;
  #clear;
  #filters;
  #tagBox;
  #tagSelect;
  #search;
  #more;
  #moreButton;
  #empty;
  #editHint;
  /** @type {Map<string, HTMLLIElement>} */
  #items = new Map();
  /** @type {Map<string, ShownTodo>} */
  #shown = new Map();
  /** @type {Map<string, HTMLLIElement>} a view grouped by day: each day's heading, by YYYY-MM-DD */
  #headings = new Map();

  /** @param {ParentNode} root */
  constructor(root) {
    this.#app = one(root, '.todoapp', HTMLElement);
    this.#list = one(root, '.todo-list', HTMLUListElement);
    this.#main = one(root, '.main', HTMLElement);
    this.#footer = one(root, '.footer', HTMLElement);
    this.#loading = one(root, '[data-loading]', HTMLElement);
    this.#toggleAll = one(root, '.toggle-all', HTMLInputElement);
    this.#counter = one(root, '.todo-count', HTMLElement);
    this.#clear = one(root, '.clear-completed', HTMLButtonElement);
    this.#filters = [...root.querySelectorAll('.filters a')].filter((a) => a instanceof HTMLAnchorElement);
    this.#tagBox = one(root, '.tag-filter', HTMLElement);
    this.#tagSelect = one(root, '#tag-filter', HTMLSelectElement);
    this.#search = one(root, '.search', HTMLInputElement);
    this.#more = one(root, '.more', HTMLElement);
    this.#moreButton = one(root, '.load-more', HTMLButtonElement);
    this.#empty = one(root, '.empty', HTMLElement);
    this.#editHint = one(root, '.hint-edit', HTMLElement);
  }

  /** The todo shown with `key`, as last drawn. @param {string} key */
  todo(key) {
    return this.#shown.get(key);
  }

  /** The keys of the todos shown, in order. */
  keys() {
    return [...this.#shown.keys()];
  }

  /** The keys of the todos being edited: the title in the row, or the details form. */
  editingKeys() {
    return [...this.#items].filter(([, li]) => li.matches('.editing, .details-open')).map(([key]) => key);
  }

  /** @param {ViewState} state */
  render({ todos, route, status, hasMore, loadingMore, pending, people = new Map(), listName }) {
    this.#app.dataset.pending = String(pending);
    this.#loading.hidden = status !== 'loading';
    const any = status === 'ready' && todos.length > 0;
    this.#main.hidden = !any;
    this.#footer.hidden = !any;
    this.#editHint.hidden = !any;
    const shown = todos.filter((todo) => matches(todo, route));
    this.#renderList(shown, route, people, listName);
    this.#empty.hidden = status !== 'ready' || shown.length > 0;
    this.#empty.textContent = emptyWords(route);

    const active = shown.filter((todo) => !todo.completed).length;
    this.#toggleAll.checked = shown.length > 0 && active === 0;
    this.#toggleAll.disabled = shown.length === 0;
    renderCount(this.#counter, active, hasMore);
    this.#clear.hidden = active === shown.length;
    for (const link of this.#filters) {
      link.dataset.filter ??= parseFilter(link);
      const filter = link.dataset.filter;
      const selected = filter === route.filter;
      link.classList.toggle('selected', selected);
      if (selected) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
      link.setAttribute('href', hrefOf({ ...route, filter: /** @type {Route['filter']} */ (filter) }));
    }
    this.#renderTagFilter(todos, route);
    // Not while it is typed in: the route follows the box then, and a redraw would move the caret.
    if (document.activeElement !== this.#search) this.#search.value = route.q ?? '';
    this.#more.hidden = !hasMore;
    this.#moreButton.textContent = loadingMore ? 'Loading more todos…' : 'Load more todos';
    this.#moreButton.setAttribute('aria-busy', String(loadingMore));
  }

  /**
   * @param {ShownTodo[]} visible
   * @param {Route} route
   * @param {Map<string, string>} people
   * @param {(listId: string) => string | undefined} [listName]
   */
  #renderList(visible, route, people, listName) {
    const focused = document.activeElement;
    const keep = new Set(visible.map((todo) => todo.key));
    const focusedKey = this.#focusedKey();
    const focusedIndex = [...this.#list.children].findIndex((li) => li.contains(document.activeElement));
    for (const [key, li] of this.#items) {
      if (keep.has(key)) continue;
      li.remove();
      this.#items.delete(key);
    }
    this.#shown = new Map(visible.map((todo) => [todo.key, todo]));
    const rows = this.#withHeadings(visible, builtInView(route)?.byDay ?? false);
    rows.forEach((row, index) => {
      let li = row.heading;
      if (row.todo) {
        const todo = row.todo;
        li = this.#items.get(todo.key);
        if (!li) {
          li = createItem(todo.key);
          this.#items.set(todo.key, li);
        }
        updateItem(li, todo, route, people, listName?.(todo.listId));
      }
      if (li && this.#list.children[index] !== li)
        this.#list.insertBefore(li, this.#list.children[index] ?? null);
    });
    // Moving a row in the list (reordered) takes the focus out of it: it goes back.
    if (focused instanceof HTMLElement && focused !== document.activeElement && this.#list.contains(focused))
      focused.focus();
    // The focused todo left the list (deleted, or filtered out): focus goes to its neighbour, so
    // a keyboard user is not thrown back to the top of the page.
    if (focusedKey && !keep.has(focusedKey)) this.#focusNear(focusedIndex);
  }

  /**
   * The rows in order: each todo, and in a view grouped by day a heading before each day's
   * first. Headings no longer needed leave the list.
   * @param {ShownTodo[]} visible in due order
   * @param {boolean} byDay
   * @returns {{ todo?: ShownTodo, heading?: HTMLLIElement }[]}
   */
  #withHeadings(visible, byDay) {
    /** @type {{ todo?: ShownTodo, heading?: HTMLLIElement }[]} */
    const rows = [];
    /** @type {Set<string>} */
    const days = new Set();
    const now = today();
    for (const todo of visible) {
      const day = todo.dueDate;
      if (byDay && day && !days.has(day)) {
        days.add(day);
        let heading = this.#headings.get(day);
        if (!heading) {
          heading = h('li', { class: 'day-heading', role: 'presentation' }, [h('h3')]);
          this.#headings.set(day, heading);
        }
        // Drawn again each time: after midnight, "Tomorrow · Dec 4" is "Today · Dec 4".
        const words = dayHeading(day, now);
        const title = /** @type {HTMLElement} */ (heading.firstElementChild);
        if (title.textContent !== words) title.textContent = words;
        rows.push({ heading });
      }
      rows.push({ todo });
    }
    for (const [day, heading] of this.#headings) {
      if (days.has(day)) continue;
      heading.remove();
      this.#headings.delete(day);
    }
    return rows;
  }

  #focusedKey() {
    const li = document.activeElement?.closest('.todo-list > li');
    return li instanceof HTMLLIElement ? (li.dataset.key ?? null) : null;
  }

  /** @param {number} index */
  #focusNear(index) {
    const items = this.#list.children;
    const near = items[Math.min(index, items.length - 1)];
    /** @type {HTMLElement | null} */
    const target = near ? near.querySelector('.toggle') : document.querySelector('.new-todo');
    target?.focus();
  }

  /**
   * @param {ShownTodo[]} todos
   * @param {Route} route
   */
  #renderTagFilter(todos, route) {
    const tags = [...new Set(todos.flatMap((todo) => todo.tags))].sort();
    if (route.tag && !tags.includes(route.tag)) tags.unshift(route.tag);
    this.#tagBox.hidden = tags.length === 0;
    const wanted = ['', ...tags];
    const current = [...this.#tagSelect.options].map((option) => option.value);
    if (wanted.join('\n') !== current.join('\n')) {
      this.#tagSelect.replaceChildren(...wanted.map((tag) => new Option(tag ? `#${tag}` : 'All tags', tag)));
    }
    this.#tagSelect.value = route.tag ?? '';
  }
}

/** @param {HTMLAnchorElement} link */
function parseFilter(link) {
  const path = (link.getAttribute('href') ?? '').replace(/^#\/?/, '').split('?')[0];
  return path === 'active' || path === 'completed' ? path : 'all';
}
