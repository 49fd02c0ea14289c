// @ts-check
// The page's entry: signs the person in (or shows the welcome), connects to the API, loads the
// first page of the selected list's todos and the lists, and wires the store, the sidebar, the
// view, the route, the messages and the keyboard together. Each list shown gets a store of its
// own: one left keeps sending what was changed in it, and its failures still show. Once the
// first list is on screen, the page follows the changes feed live (live.js, loaded then).
import { INBOX_LIST_ID, isNotFoundError } from '/vendor/todolist-sdk.min.js';
import { AccountView } from './account-view.js';
import { connect, readConfig } from './api.js';
import { watchDay } from './day-watch.js';
import { one } from './dom.js';
import { reasonOf } from './failures.js';
import { handleListEvents } from './list-events.js';
import { Notice } from './notice.js';
import { hrefOf, parseRoute, replaceRoute, watchRoute } from './router.js';
import { builtInView, listScope, scopeKeyOf, viewScope } from './scope.js';
import { Session } from './session.js';
import { Sidebar } from './sidebar.js';
import { isSignInReturn } from './sign-in-state.js';
import { TodoStore } from './store.js';
import { TodoView } from './view.js';

const notice = new Notice(document);
const view = new TodoView(document);
const account = new AccountView(document);
const newTodo = one(document, '.new-todo', HTMLInputElement);
const search = one(document, '.search', HTMLInputElement);
let route = parseRoute(window.location.hash);
/** @type {typeof import('./undo.js') | undefined} the toast and Undo, once loaded */
let undo;
/** @type {Promise<typeof import('./undo.js')> | undefined} */
let undoLoading;
/** @type {TodoStore} the selected list's todos */
let store;
/** @type {Sidebar} */
let sidebar;
/** @type {Promise<void> | undefined} the first list's load, settled either way */
let firstLoad;
/** Whether the person is still signed in: once not, the session's message says why calls failed. */
let signedIn = () => true;

/**
 * Says what a change did in the toast, with Undo when it deleted todos. The toast loads on first
 * use; if it cannot (the server is unreachable), the change is made all the same and only these
 * words are missing: a failure of the change itself shows in the notice.
 * @param {TodoStore} store
 * @param {import('./undo.js').Done} done
 */
function say(store, done) {
  undoLoading ??= import('./undo.js');
  undoLoading.then(
    (loaded) => {
      undo = loaded;
      undo.say(store, done);
    },
    () => {
      undoLoading = undefined;
    },
  );
}

/** @type {WeakSet<TodoStore>} stores a search has loaded every page of (or tried to: once) */
const searchedWhole = new WeakSet();

function render() {
  // Nothing is shown yet: the first route is a saved filter still being looked up.
  if (!store) return;
  // A search is of the whole list: its pages not loaded yet come in, once per list shown.
  if (route.q && store.status === 'ready' && store.hasMore && !searchedWhole.has(store)) {
    searchedWhole.add(store);
    store.loadAll();
  }
  const todos = store.todos;
  view.render({
    todos,
    route,
    status: store.status,
    hasMore: store.hasMore,
    loadingMore: store.loadingMore,
    pending: store.pendingCount,
    people: sidebar.people,
    // A view holds every list's todos: each row says which list it is in.
    listName: route.view ? (listId) => sidebar.list(listId)?.name : undefined,
  });
  renderLists();
}

function renderLists() {
  const loaded = store.status === 'ready' && !store.hasMore;
  sidebar.render(route, loaded ? store.todos.filter((todo) => !todo.completed).length : null);
  // The lists may come after the words were typed: an @word is read again against them.
  showChips();
}

/**
 * What the page does beyond showing the list (editing, bulk actions, the toast and Undo) loads
 * on first use; it starts loading at the person's first key or pointer press, so it is in
 * before the click that needs it lands. A visit that only reads fetches none of it.
 */
function loadOnFirstInput() {
  const types = ['keydown', 'pointerdown'];
  const load = () => {
    for (const type of types) document.removeEventListener(type, load, true);
    // If one cannot load now, its first use tries again and says so.
    for (const loading of [import('./item-editing.js'), import('./bulk-actions.js'), import('./undo.js')])
      loading.catch(() => undefined);
  };
  for (const type of types) document.addEventListener(type, load, true);
}

/** The selected list is gone (deleted, or no longer shared with the person): the Inbox, saying so. */
function showInbox() {
  notice.show('That list no longer exists, or is no longer shared with you.');
  window.location.hash = hrefOf({ filter: 'all', tag: null });
}

/**
 * What the route shows: a view (Today, Upcoming) or a list.
 * @param {import('./router.js').Route} route
 * @returns {import('./scope.js').Scope}
 */
function scopeOf(route) {
  const view = builtInView(route);
  if (view && route.view) return viewScope({ key: route.view, ...view }, () => sidebar.lists);
  const saved = sidebar.savedFilter(route.view);
  if (saved) return viewScope({ key: saved.id, filter: saved.query }, () => sidebar.lists);
  return listScope(route.list ?? INBOX_LIST_ID);
}

/**
 * Shows the list or view the route names, with a store of its own, and loads it.
 * @param {(scope: import('./scope.js').Scope) => TodoStore} makeStore
 */
function showList(makeStore) {
  const next = makeStore(scopeOf(route));
  next.addEventListener('change', () => {
    if (next === store) render();
  });
  store = next;
  render();
  // Who made and changed its todos, by address, when it is shared.
  if (!route.view) sidebar.loadPeople(route.list).then(render, () => undefined);
  const load = () =>
    next.load().catch((error) => {
      if (next !== store || !signedIn()) return;
      // A list deleted, or no longer shared with the person (a bookmark, another tab): the Inbox.
      if (isNotFoundError(error) && next.listId !== INBOX_LIST_ID) return showInbox();
      notice.show(`Couldn't load your todos: ${reasonOf(error)}.`, { label: 'Try again', run: load });
    });
  const loading = load();
  firstLoad ??= loading;
  return loading;
}

/** Lists the lists again (names, counts), once the selected list's changes are answered. */
function refreshLists() {
  store
    .settled()
    .then(() => sidebar.refresh())
    .then(render, (error) => signedIn() && notice.failure('load', '', error));
}

/**
 * Managing lists and sharing, loaded on first use.
 * @param {(settings: typeof import('./list-settings.js'), context: import('./list-settings.js').Context) => void} act
 */
function listSettings(act) {
  import('./list-settings.js').then(
    (settings) =>
      act(settings, {
        sidebar,
        store,
        route,
        go: (list) => {
          window.location.hash = hrefOf({ filter: 'all', tag: null, list });
        },
        render,
      }),
    () => notice.couldNotLoad('manage lists'),
  );
}

/**
 * Saving, changing and deleting saved filters, loaded on first use.
 * @param {(filters: typeof import('./saved-filters.js'), context: import('./saved-filters.js').Context) => void} act
 */
function savedFilters(act) {
  import('./saved-filters.js').then(
    (loaded) =>
      act(loaded, {
        sidebar,
        go: (view) => {
          const href = hrefOf({ filter: 'all', tag: null, view });
          // The filter shown was changed: its todos are read again, by its new query.
          if (window.location.hash === href) reshow();
          else window.location.hash = href;
        },
      }),
    () => notice.couldNotLoad('manage saved filters'),
  );
}

/**
 * The local day turned over while the page is open (watchDay): the todos shown are read against
 * the new "today" (due labels, a view's headings and what it holds), and a view's read again from
 * the API, once, without emptying it or dropping a row being edited (TodoStore.newDay).
 */
function newDay() {
  showChips();
  // Nothing is shown yet (a saved filter still being looked up): it is read on the new day.
  if (!store) return;
  const current = store;
  current.newDay(view.editingKeys()).catch((error) => {
    if (current !== store || !signedIn()) return;
    notice.show(`Couldn't bring your todos up to the new day: ${reasonOf(error)}.`, {
      label: 'Try again',
      run: newDay,
    });
  });
}

/** Shows the route's list or view again, read afresh; set once the page is wired. */
let reshow = () => {};

/** @param {(scope: import('./scope.js').Scope) => TodoStore} makeStore */
function wire(makeStore) {
  loadOnFirstInput();
  watchDay(newDay);
  reshow = () => showList(makeStore);
  /** @param {import('./router.js').Route & { list: string, q: string | null, view: string | null }} next */
  const show = (next) => {
    route = next;
    // The first route (no store yet) and each change of list or view show one; the rest only redraw.
    if (scopeKeyOf(next) !== store?.scopeKey) showList(makeStore);
    else render();
  };
  watchRoute((next) => {
    const unknownFilter = () => next.view && !builtInView(next) && !sidebar.savedFilter(next.view);
    if (!unknownFilter()) return show(next);
    const hash = window.location.hash;
    // A saved filter this page has not listed: made in another tab, or deleted (here, elsewhere,
    // a bookmark of one). The filters are listed again; still unknown, the Inbox, saying so.
    sidebar.refresh().then(
      () => {
        // The person moved on meanwhile: that route is shown already.
        if (window.location.hash !== hash) return;
        if (!unknownFilter()) return show(next);
        notice.show('That saved filter no longer exists.');
        window.location.hash = hrefOf({ filter: 'all', tag: null });
      },
      (error) => signedIn() && notice.failure('load', '', error),
    );
  });
  one(document, '.new-list', HTMLButtonElement).addEventListener('click', () =>
    listSettings((settings, context) => settings.newList(context)),
  );
  one(document, '.manage-list', HTMLButtonElement).addEventListener('click', () =>
    listSettings((settings, context) => settings.manageList(context)),
  );
  one(document, '.new-filter', HTMLButtonElement).addEventListener('click', () =>
    savedFilters((filters, context) => filters.newFilter(context)),
  );
  one(document, '.edit-filter', HTMLButtonElement).addEventListener('click', () => {
    const saved = sidebar.savedFilter(route.view);
    if (saved) savedFilters((filters, context) => filters.editFilter(context, saved));
  });

  // Quick add loads at the field's first key (not its focus: the field has it on load, and the
  // first load must not carry quick add), and reads the line as it is typed.
  newTodo.addEventListener('keydown', loadQuickAdd);
  newTodo.addEventListener('input', () => {
    loadQuickAdd().then(showChips);
  });
  newTodo.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    const text = newTodo.value.trim();
    if (!text) return;
    newTodo.value = unsent.shift() ?? '';
    showChips();
    addTyped(store, route, text);
  });

  const list = one(document, '.todo-list', HTMLUListElement);
  handleListEvents(list, {
    notice,
    todo: (key) => view.todo(key),
    update: (key, patch) => {
      store.update(key, patch);
      if (patch.listId) refreshLists();
    },
    lists: () => sidebar.lists,
    move: (key, afterKey) => store.move(key, afterKey),
    movable: () => store.manual,
    keys: () => view.keys(),
    remove: (key) => {
      const title = view.todo(key)?.title;
      const removed = store.remove(key);
      if (removed) say(store, { message: `Deleted “${title}”`, removed: [removed] });
    },
  });

  // Loaded on first use; offline, that may fail, and the page says so. The list and the view are
  // the ones clicked in, taken before the module loads: a person who moves on at once (another
  // tag, another list) must not see the action land on the view they moved to.
  /**
   * @param {(actions: typeof import('./bulk-actions.js'), store: TodoStore, route: import('./router.js').Route) =>
   *   Promise<import('./bulk-actions.js').Done>} act
   */
  const bulk = (act) => {
    const clickedIn = { store, route };
    import('./bulk-actions.js')
      .then(
        (actions) => act(actions, clickedIn.store, clickedIn.route),
        () => {
          render();
          notice.couldNotLoad('do that');
          return null;
        },
      )
      .then((done) => done && say(clickedIn.store, done));
  };
  const toggleAll = one(document, '.toggle-all', HTMLInputElement);
  toggleAll.addEventListener('change', () => {
    const completed = toggleAll.checked;
    bulk((actions, store, route) => actions.setAllCompleted(store, route, completed));
  });
  one(document, '.clear-completed', HTMLButtonElement).addEventListener('click', () =>
    bulk((actions, store, route) => actions.clearCompleted(store, route)),
  );

  one(document, '#tag-filter', HTMLSelectElement).addEventListener('change', (event) => {
    const tag = /** @type {HTMLSelectElement} */ (event.target).value || null;
    window.location.hash = hrefOf({ ...route, tag });
  });

  // The list narrows as the search is typed, in place of the route (back leaves the search
  // whole, not a letter at a time); Escape clears it.
  search.addEventListener('input', () => replaceRoute({ ...route, q: search.value.trim() || null }));
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !search.value) return;
    event.stopPropagation();
    search.value = '';
    replaceRoute({ ...route, q: null });
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

/** @type {Promise<typeof import('./quick-add.js') | undefined> | undefined} quick add, loading or loaded */
let quickAddLoading;
/** @type {typeof import('./quick-add.js') | undefined} */
let quickAdd;

/**
 * Loads quick add; answers undefined if it cannot (offline), and the next call tries again.
 * @returns {Promise<typeof import('./quick-add.js') | undefined>}
 */
function loadQuickAdd() {
  quickAddLoading ??= import('./quick-add.js').then(
    (loaded) => {
      quickAdd = loaded;
      return loaded;
    },
    () => {
      quickAddLoading = undefined;
      return undefined;
    },
  );
  return quickAddLoading;
}

/** Draws what quick add understands of the new todo field under it, once quick add is loaded. */
function showChips() {
  quickAdd?.showChips(one(document, '.quick-add-chips', HTMLElement), newTodo.value, sidebar.lists);
}

/**
 * Adds the line typed in the new todo field, at once: read by quick add (its day, time,
 * priority, tags, list, repeat and notes); while quick add is still loading (Enter pressed before
 * it came: it loads at the field's first key), the row shows the words as typed until it is
 * read; should quick add not load, it keeps every word in its title, saying so.
 * @param {TodoStore} store the list or view it was typed in
 * @param {import('./router.js').Route} route
 * @param {string} text
 */
function addTyped(store, route, text) {
  /** @param {typeof import('./quick-add.js') | undefined} loaded */
  const read = (loaded) => {
    if (!loaded)
      notice.show(
        "Couldn't read dates, #tags or @lists in it: the page could not load quick add. It was added as typed.",
      );
    const reading = loaded?.read(text, sidebar.lists);
    const input = reading ? { ...reading.input } : { title: text };
    // Within a tag's view, a new todo gets the tag: it would vanish from the list otherwise.
    if (route.tag) input.tags = [...new Set([...(input.tags ?? []), route.tag])];
    const list = reading?.list;
    if (list && list.id !== store.listId) {
      say(store, { message: `Added “${input.title}” to ${list.name}`, removed: [] });
      // Its list's count, once it is created: the add is queued by then.
      queueMicrotask(refreshLists);
    }
    return list ? { ...input, listId: list.id } : input;
  };
  store.add(quickAdd ? read(quickAdd) : loadQuickAdd().then(read), text);
}

/** Inputs that take no text: a shortcut pressed on one is a shortcut. */
const NOT_TEXT = /^(checkbox|radio|button|submit|reset|range|color|file|image)$/;

/**
 * From anywhere but a text field, `/` goes to the search box (the new todo field while the list
 * is empty and hidden) and `q` to the new todo field, as Todoist's keys do; Ctrl+Z (⌘Z) undoes
 * what the toast offers to; Escape dismisses the messages.
 */
function handleShortcuts() {
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    const typing =
      (target instanceof HTMLInputElement && !NOT_TEXT.test(target.type)) ||
      target instanceof HTMLTextAreaElement;
    const command = event.ctrlKey || event.metaKey;
    const plain = !typing && !command && !event.altKey;
    if (plain && event.key === '/') {
      event.preventDefault();
      if (search.offsetParent) search.select();
      else newTodo.focus();
    } else if (plain && event.key === 'q') {
      event.preventDefault();
      newTodo.focus();
    } else if (event.key === 'z' && command && !typing && undo?.toast.act()) {
      event.preventDefault();
    } else if (
      event.key === 'Escape' &&
      !(target instanceof Element && target.closest('li.editing, .details'))
    ) {
      if (notice.shown) notice.clear();
      if (undo?.toast.shown) undo.toast.clear();
    }
  });
}

/** @type {string[]} titles of adds that failed while the new todo field held other text, to go back in it next */
const unsent = [];

/**
 * Puts the text of an add that failed back in the new todo field, unless the person has typed
 * something else there since: then it goes back once that is added (Enter).
 * @param {string} title
 * @returns {string} where it went, for the message
 */
function takeBack(title) {
  const typed = newTodo.value.trim();
  if (typed && typed !== title) {
    unsent.push(title);
    return 'It goes back in the field once you add what you are typing.';
  }
  newTodo.value = title;
  return 'It is back in the field.';
}

/** @typedef {import('./auth.js').AuthClient} AuthClient */

/**
 * The OAuth client, loaded on first use: a signed-in visit needs it only to refresh its token or
 * to sign out, so the first screen does not wait for it.
 * @param {{ apiUrl: string, auth?: import('./auth.js').AuthConfig | undefined }} config
 * @returns {() => Promise<AuthClient>}
 */
function lazyAuth(config) {
  /** @type {Promise<AuthClient> | undefined} */
  let loading;
  return () => {
    loading ??= import('./auth.js').then(({ AuthClient }) => new AuthClient(config));
    return loading;
  };
}

/**
 * Ends a sign-in that came back to `/?code=…&state=…` (or `?error=…`), then takes the code out of
 * the address bar, back to the route the page had when Sign in was clicked.
 * @param {() => Promise<AuthClient>} getAuth
 * @param {Session} session
 */
async function completeSignIn(getAuth, session) {
  let hash = '';
  try {
    const auth = await getAuth();
    const signedIn = await auth.completeSignIn(new URLSearchParams(window.location.search));
    session.start(signedIn.tokens);
    hash = signedIn.hash;
  } catch (error) {
    notice.show(`Couldn't sign in: ${reasonOf(error)}.`);
  }
  window.history.replaceState(null, '', `/${hash}`);
  route = parseRoute(window.location.hash);
}

/**
 * @param {() => Promise<AuthClient>} getAuth
 * @param {Session} session
 */
function wireAccount(getAuth, session) {
  account.onSignIn(() =>
    getAuth()
      .then((auth) => auth.signIn())
      .catch((error) => notice.show(`Couldn't sign in: ${reasonOf(error)}.`)),
  );
  account.onSignOut(() => {
    const refreshToken = session.end();
    getAuth().then(
      async (auth) => {
        account.showSignedOut();
        // Revoked first, so the tokens this tab held are worthless even if a copy was taken.
        if (refreshToken) await auth.revoke(refreshToken);
        window.location.assign(auth.signOutUrl());
      },
      (error) =>
        notice.show(`Signed out here, but couldn't reach sign-in to end it there: ${reasonOf(error)}.`),
    );
  });
  session.addEventListener('ended', (event) => {
    account.showSignedOut();
    const reason = reasonOf(/** @type {CustomEvent} */ (event).detail);
    notice.show(`You were signed out (${reason}). Sign in again to see your todos.`);
  });
}

/**
 * Once the first list is on screen (so the first load carries none of it), follows the changes
 * feed live until the session ends; loaded then, with the SDK's second file.
 * @param {import('./api.js').TodolistClient} client
 * @param {Session} session
 */
function followChanges(client, session) {
  const stop = new AbortController();
  session.addEventListener('ended', () => stop.abort());
  firstLoad
    ?.then(() => import('./live.js'))
    .then(({ follow }) =>
      follow({
        client,
        store: () => store,
        // The lists alone are drawn again, unless who is on the selected list changed: its rows name them.
        refreshLists: (people) =>
          sidebar
            .refresh()
            .then(() => (people ? sidebar.loadPeople(store.listId).then(render) : renderLists())),
        listGone: showInbox,
        onError: (error) => signedIn() && notice.failure('load', '', error),
        notice,
        row: (key) => {
          const li = document.querySelector(`.todo-list li[data-key="${CSS.escape(key)}"]`);
          return li instanceof HTMLLIElement ? li : undefined;
        },
        // data-live is read by the tests and the benchmark: whether the page is following, and caught up.
        onStatus: (status) => {
          one(document, '.todoapp', HTMLElement).dataset.live = status;
          one(document, '.live-status', HTMLElement).hidden = status !== 'reconnecting';
        },
        signal: stop.signal,
      }),
    )
    .catch(() => notice.couldNotLoad('keep the list up to date'));
}

async function start() {
  handleShortcuts();
  const returning = isSignInReturn();
  // Known at once, before config.json: no flash of the list's skeleton for someone signed out.
  if (!returning && !Session.exists()) account.showSignedOut();
  let config;
  try {
    config = await readConfig();
  } catch (error) {
    view.render({ todos: [], route, status: 'failed', hasMore: false, loadingMore: false, pending: 0 });
    notice.show(`Couldn't start: ${reasonOf(error)}.`, {
      label: 'Reload',
      run: () => window.location.reload(),
    });
    return;
  }
  const getAuth = lazyAuth(config);
  const session = new Session(getAuth);
  wireAccount(getAuth, session);
  if (returning) await completeSignIn(getAuth, session);
  if (!session.signedIn) {
    account.showSignedOut();
    return;
  }
  account.showSignedIn(session.email);
  const client = connect(config, session.token, (sentAt) => notice.answered(sentAt));
  sidebar = new Sidebar(document, client);
  signedIn = () => session.signedIn;
  /** @param {import('./scope.js').Scope} scope */
  const makeStore = (scope) =>
    new TodoStore(client, {
      scope,
      // Once the session has ended, its message says what happened; the calls it failed need none.
      onFailure: (action, title, error) => {
        if (!session.signedIn) return;
        if (action === 'add') notice.failure(action, title, error, takeBack(title));
        else notice.failure(action, title, error);
        // The toast said it was deleted: no longer true.
        if (action === 'delete') undo?.toast.clear();
      },
    });
  // A saved filter's view needs the filter first; every other view loads beside the lists.
  const listed =
    route.view && !builtInView(route)
      ? await sidebar.refresh().then(
          () => true,
          () => false,
        )
      : false;
  wire(makeStore);
  followChanges(client, session);
  if (listed) return render();
  // The lists load beside the first page of todos, which does not wait for them.
  await sidebar
    .refresh()
    .then(() => (route.view ? undefined : sidebar.loadPeople(route.list)))
    .then(render, (error) => signedIn() && notice.failure('load', '', error));
}

start();
