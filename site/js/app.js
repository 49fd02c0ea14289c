// @ts-check
// The page's entry: connects to the API, loads the first page of todos, and wires the store,
// the view, the route and the keyboard together.
import { connect } from './api.js';
import { one } from './dom.js';
import { reasonOf } from './failures.js';
import { handleListEvents } from './list-events.js';
import { Notice } from './notice.js';
import { hrefOf, parseRoute, watchRoute } from './router.js';
import { TodoStore } from './store.js';
import { TodoView } from './view.js';

const notice = new Notice(document);
const view = new TodoView(document);
const newTodo = one(document, '.new-todo', HTMLInputElement);
let route = parseRoute(window.location.hash);

/** @param {TodoStore} store */
function render(store) {
  view.render({
    todos: store.todos,
    route,
    status: store.status,
    hasMore: store.hasMore,
    loadingMore: store.loadingMore,
    pending: store.pendingCount,
  });
}

/** @param {TodoStore} store */
function wire(store) {
  store.addEventListener('change', () => render(store));
  watchRoute((next) => {
    route = next;
    render(store);
  });

  newTodo.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    const title = newTodo.value.trim();
    if (!title) return;
    // Within a tag's view, a new todo gets the tag: it would vanish from the list otherwise.
    store.add(route.tag ? { title, tags: [route.tag] } : { title });
    newTodo.value = '';
  });

  const list = one(document, '.todo-list', HTMLUListElement);
  handleListEvents(list, {
    notice,
    todo: (key) => view.todo(key),
    update: (key, patch) => store.update(key, patch),
    remove: (key) => store.remove(key),
  });

  const toggleAll = one(document, '.toggle-all', HTMLInputElement);
  toggleAll.addEventListener('change', () => store.setAllCompleted(toggleAll.checked));
  one(document, '.clear-completed', HTMLButtonElement).addEventListener('click', () =>
    store.clearCompleted(),
  );

  one(document, '#tag-filter', HTMLSelectElement).addEventListener('change', (event) => {
    const tag = /** @type {HTMLSelectElement} */ (event.target).value || null;
    window.location.hash = hrefOf({ filter: route.filter, tag });
  });

  // Scrolling near the end loads the next page, and the next while the end stays in sight; the
  // button stays for keyboards. The observer only reports changes, hence the remembered state.
  let endInSight = false;
  const loadMore = () =>
    store.loadMore().then(
      () => {
        if (endInSight && store.hasMore) loadMore();
      },
      (error) => notice.failure('load', '', error),
    );
  one(document, '.load-more', HTMLButtonElement).addEventListener('click', loadMore);
  new IntersectionObserver(
    (entries) => {
      endInSight = entries.some((entry) => entry.isIntersecting);
      if (endInSight && store.hasMore && !store.loadingMore) loadMore();
    },
    { rootMargin: '400px' },
  ).observe(one(document, '.more', HTMLElement));
}

/** `/` jumps to the new todo field; Escape dismisses the message. */
function handleShortcuts() {
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    const typing =
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement;
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      newTodo.focus();
    } else if (
      event.key === 'Escape' &&
      notice.shown &&
      !(target instanceof Element && target.closest('li.editing, .details'))
    ) {
      notice.clear();
    }
  });
}

async function start() {
  handleShortcuts();
  let store;
  try {
    const client = await connect();
    store = new TodoStore(client, {
      onFailure: (action, title, error) => notice.failure(action, title, error),
    });
  } catch (error) {
    view.render({ todos: [], route, status: 'failed', hasMore: false, loadingMore: false, pending: 0 });
    notice.show(`Couldn't start: ${error instanceof Error ? error.message : String(error)}.`, {
      label: 'Reload',
      run: () => window.location.reload(),
    });
    return;
  }
  wire(store);
  const load = () =>
    store.load().catch((error) => {
      notice.show(`Couldn't load your todos: ${reasonOf(error)}.`, { label: 'Try again', run: load });
    });
  await load();
}

start();
