// @ts-check
// The lists beside the todos (a drawer on a narrow window, opened by its button): the views
// (Today, Upcoming, the person's saved filters), then the Inbox, the person's lists and those
// shared with them, each with its open count; and, above the todos, the selected list's or
// view's name. Managing lists and sharing (list-settings.js) load on first use.
import { INBOX_LIST_ID } from '/vendor/todolist-sdk.min.js';
import { h, one } from './dom.js';
import { hrefOf } from './router.js';
import { BUILT_IN_VIEWS, builtInView } from './scope.js';

/** @typedef {import('/vendor/todolist-sdk.min.js').List} List */
/** @typedef {import('/vendor/todolist-sdk.min.js').SavedFilter} SavedFilter */
/** @typedef {import('./router.js').Route} Route */

export class Sidebar {
  /** The API, for list-settings.js too. */
  client;
  #app;
  #nav;
  #links;
  #viewLinks;
  #toggle;
  #name;
  #shared;
  #manage;
  #editFilter;
  #signature = '';
  /** @type {List[]} as last listed: the Inbox first */
  lists = [];
  /** @type {SavedFilter[]} as last listed, oldest first */
  filters = [];
  /** @type {Map<string, string>} who is on the selected list, if shared: `sub` → address */
  people = new Map();

  /**
   * @param {ParentNode} root
   * @param {import('./api.js').TodolistClient} client
   */
  constructor(root, client) {
    this.client = client;
    this.#app = one(root, '.app', HTMLElement);
    this.#nav = one(root, '#lists', HTMLElement);
    this.#links = one(this.#nav, '.list-links', HTMLUListElement);
    this.#viewLinks = one(this.#nav, '.view-links', HTMLUListElement);
    this.#toggle = one(root, '.lists-toggle', HTMLButtonElement);
    this.#name = one(root, '.list-name', HTMLElement);
    this.#shared = one(root, '.list-shared', HTMLElement);
    this.#manage = one(root, '.manage-list', HTMLElement);
    this.#editFilter = one(root, '.edit-filter', HTMLElement);
    this.#toggle.addEventListener('click', () => this.open(this.#toggle.ariaExpanded !== 'true'));
    // Choosing a list closes the drawer, as its × does.
    this.#nav.addEventListener('click', (event) => {
      if (!(event.target instanceof Element) || !event.target.closest('a, .lists-close')) return;
      this.open(false);
      if (event.target.closest('.lists-close')) this.#toggle.focus();
    });
    this.#nav.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.#toggle.ariaExpanded === 'true') {
        this.open(false);
        this.#toggle.focus();
      }
    });
  }

  /** Opens or closes the drawer (a narrow window's; a wide one always shows the lists). @param {boolean} open */
  open(open) {
    this.#app.classList.toggle('drawer-open', open);
    this.#toggle.ariaExpanded = String(open);
    if (open) this.#links.querySelector('a')?.focus();
  }

  /** Lists the person's lists again, for their names, sharing and counts, and their saved filters. */
  async refresh() {
    const [lists, filters] = await Promise.all([
      this.client.lists.list({ limit: 100 }),
      this.client.filters.list(),
    ]);
    this.lists = lists.items;
    this.filters = filters.items;
    this.#nav.hidden = false;
  }

  /** The saved filter with `id`, as last listed. @param {string | null | undefined} id */
  savedFilter(id) {
    return this.filters.find((filter) => filter.id === id);
  }

  /** The list with `id`, as last listed. @param {string} id */
  list(id) {
    return this.lists.find((list) => list.id === id);
  }

  /**
   * Loads who is on the list `id` when it is shared, to name who made and changed its todos.
   * @param {string} id
   */
  async loadPeople(id) {
    this.people = new Map();
    if (!this.list(id)?.shared) return;
    const { items } = await this.client.lists.members.list(id);
    this.people = new Map(items.map((member) => [member.id, member.email ?? '']));
  }

  /**
   * @param {Route & { list: string }} route
   * @param {number | null} openHere the selected list's open todos, when all are loaded
   */
  render(route, openHere) {
    const saved = this.savedFilter(route.view);
    const viewName = builtInView(route)?.name ?? saved?.name;
    const current = route.view ? undefined : this.list(route.list);
    this.#name.textContent = viewName ?? current?.name ?? (route.list === INBOX_LIST_ID ? 'Inbox' : 'List');
    this.#shared.hidden = !current?.shared;
    this.#manage.hidden = !current || current.inbox;
    this.#editFilter.hidden = !saved;
    const rows = this.lists.map((list) => [
      list.id,
      list.name,
      list.shared,
      !route.view && list.id === route.list && openHere !== null ? openHere : list.openCount,
    ]);
    // A view's count is known once all of it is loaded, and only for the view shown.
    const views = [
      ...Object.entries(BUILT_IN_VIEWS).map(([key, { name }]) => [key, name]),
      ...this.filters.map((filter) => [filter.id, filter.name]),
    ].map(([key, name]) => [key, name, key === route.view ? openHere : null]);
    const signature = JSON.stringify([rows, views, route.list, route.view, route.filter]);
    if (signature === this.#signature) return;
    this.#signature = signature;
    this.#viewLinks.replaceChildren(
      ...views.map(([key, name, count]) =>
        this.#row(hrefOf({ filter: route.filter, tag: null, view: String(key) }), String(name), {
          count: count === null ? null : Number(count),
          current: key === route.view,
        }),
      ),
    );
    this.#links.replaceChildren(
      ...rows.map(([id, name, shared, count]) =>
        this.#row(hrefOf({ filter: route.filter, tag: null, list: String(id) }), String(name), {
          shared: Boolean(shared),
          count: Number(count),
          current: !route.view && id === route.list,
        }),
      ),
    );
  }

  /**
   * One row of the sidebar: a link with its name, _shared_, and its open count when known.
   * @param {string} href
   * @param {string} name
   * @param {{ shared?: boolean, count: number | null, current: boolean }} details
   */
  #row(href, name, { shared = false, count, current }) {
    const link = h('a', { href }, [
      h('span', { class: 'list-label' }, [name]),
      ...(shared ? [h('span', { class: 'shared' }, ['shared'])] : []),
      ...(count === null
        ? []
        : [
            h('span', { class: 'count' }, [
              String(count),
              h('span', { class: 'visually-hidden' }, [' open']),
            ]),
          ]),
    ]);
    if (current) link.ariaCurrent = 'page';
    return h('li', {}, [link]);
  }
}
