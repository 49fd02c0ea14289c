// @ts-check
// The lists beside the todos (a drawer on a narrow window, opened by its button): the Inbox, the
// person's lists and those shared with them, each with its open count; and, above the todos,
// the selected list's name. Managing lists and sharing (list-settings.js) load on first use.
import { INBOX_LIST_ID } from '/vendor/todolist-sdk.min.js';
import { h, one } from './dom.js';
import { hrefOf } from './router.js';

/** @typedef {import('/vendor/todolist-sdk.min.js').List} List */
/** @typedef {import('./router.js').Route} Route */

export class Sidebar {
  /** The API, for list-settings.js too. */
  client;
  #app;
  #nav;
  #links;
  #toggle;
  #name;
  #shared;
  #manage;
  #signature = '';
  /** @type {List[]} as last listed: the Inbox first */
  lists = [];
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
    this.#links = one(this.#nav, 'ul', HTMLUListElement);
    this.#toggle = one(root, '.lists-toggle', HTMLButtonElement);
    this.#name = one(root, '.list-name', HTMLElement);
    this.#shared = one(root, '.list-shared', HTMLElement);
    this.#manage = one(root, '.manage-list', HTMLElement);
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

  /** Lists the person's lists again, for their names, sharing and counts. */
  async refresh() {
    this.lists = (await this.client.lists.list({ limit: 100 })).items;
    this.#nav.hidden = false;
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
    const current = this.list(route.list);
    this.#name.textContent = current?.name ?? (route.list === INBOX_LIST_ID ? 'Inbox' : 'List');
    this.#shared.hidden = !current?.shared;
    this.#manage.hidden = !current || current.inbox;
    const rows = this.lists.map((list) => [
      list.id,
      list.name,
      list.shared,
      list.id === route.list && openHere !== null ? openHere : list.openCount,
    ]);
    const signature = JSON.stringify([rows, route.list, route.filter]);
    if (signature === this.#signature) return;
    this.#signature = signature;
    this.#links.replaceChildren(
      ...rows.map(([id, name, shared, count]) => {
        const link = h('a', { href: hrefOf({ filter: route.filter, tag: null, list: String(id) }) }, [
          h('span', { class: 'list-label' }, [String(name)]),
          ...(shared ? [h('span', { class: 'shared' }, ['shared'])] : []),
          h('span', { class: 'count' }, [String(count), h('span', { class: 'visually-hidden' }, [' open'])]),
        ]);
        if (id === route.list) link.ariaCurrent = 'page';
        return h('li', {}, [link]);
      }),
    );
  }
}
