// @ts-check
// What a store holds. A list: one list's todos, in its own (manual) order, a new todo added to
// it. A view (Today, Upcoming, a saved filter): the todos of every list that pass a filter in the
// filter language, in due order (overdue and today first, as sort=due lists them), read by the
// API with the same grammar the page evaluates here, in the person's time zone, so a todo changed
// on this page or elsewhere joins or leaves the view as the API would have listed it.
import {
  dueOrderKey,
  filterMatches,
  INBOX_LIST_ID,
  localTime,
  parseFilter,
  sameListName,
} from '/vendor/todolist-sdk.min.js';
import { timeZone, today } from './dates.js';
import { sortsBefore } from './todo-entry.js';

/** @typedef {import('/vendor/todolist-sdk.min.js').Todo} Todo */
/** @typedef {import('/vendor/todolist-sdk.min.js').TodoCreate} TodoCreate */
/** @typedef {import('/vendor/todolist-sdk.min.js').List} List */
/**
 * @typedef {object} Scope
 * @property {string} key one per list or view: a store holds one scope
 * @property {string} listId the list a new todo goes to (a view's: the Inbox)
 * @property {boolean} manual whether the person orders it by hand (drag, Alt+↑/↓)
 * @property {() => Record<string, string>} query the listing's parameters, besides limit and cursor
 * @property {(todo: Todo) => boolean} holds whether the todo belongs here
 * @property {(a: Todo, b: Todo) => boolean} before whether `a` comes before `b`
 * @property {(input: TodoCreate) => TodoCreate} addTo a new todo typed here, as it is created
 */

/**
 * The key of the scope a route shows: its view's, or its list's.
 * @param {{ list?: string, view?: string | null }} route
 */
export const scopeKeyOf = ({ list = INBOX_LIST_ID, view = null }) => (view ? `view:${view}` : `list:${list}`);

/**
 * One list's todos, in its manual order.
 * @param {string} listId
 * @returns {Scope}
 */
export function listScope(listId) {
  return {
    key: scopeKeyOf({ list: listId }),
    listId,
    manual: true,
    query: () => ({ listId, sort: 'manual' }),
    holds: (todo) => todo.listId === listId,
    before: sortsBefore,
    addTo: (input) => ({ listId, ...input }),
  };
}

/**
 * The filter parsed, or null for one this page's grammar cannot read (saved by a newer client
 * of a newer API, which reads it): the view then shows what the API lists, and what the feed
 * brings meanwhile is not sorted out of it until it is shown again.
 * @param {string} filter
 */
function parseOrNull(filter) {
  try {
    return parseFilter(filter);
  } catch {
    return null;
  }
}

/** @param {Todo} a @param {Todo} b */
const dueBefore = (a, b) => dueOrderKey(a.id, a) < dueOrderKey(b.id, b);

/**
 * The todos of every list that pass `filter`, in due order.
 * @param {object} view
 * @param {string} view.key the route's name for it (`today`, `upcoming`, or a saved filter's id)
 * @param {string} view.filter in the filter language
 * @param {(input: TodoCreate) => TodoCreate} [view.addTo] what a todo typed in it gets (Today's: today's date)
 * @param {() => List[]} lists the person's lists as last listed: what `@name` and `shared` read
 * @returns {Scope}
 */
export function viewScope({ key, filter, addTo = (input) => input }, lists) {
  const parsed = parseOrNull(filter);
  /** @type {import('/vendor/todolist-sdk.min.js').FilterContext} */
  const context = {
    get today() {
      return today();
    },
    get now() {
      return localTime(new Date());
    },
    listNamed: (listId, name) => lists().some((list) => list.id === listId && sameListName(list.name, name)),
    isShared: (listId) => lists().some((list) => list.id === listId && list.shared),
  };
  // The API lists no todo of an archived list, and the page's lists are those not archived: a
  // todo the feed brings from a list the page does not hold stays out, as it would after a reload.
  /** @param {Todo} todo */
  const onListShown = (todo) => {
    const shown = lists();
    return (
      shown.length === 0 || todo.listId === INBOX_LIST_ID || shown.some((list) => list.id === todo.listId)
    );
  };
  return {
    key: scopeKeyOf({ view: key }),
    listId: INBOX_LIST_ID,
    manual: false,
    query: () => ({ filter, sort: 'due', timeZone: timeZone() }),
    holds: (todo) => onListShown(todo) && (parsed ? filterMatches(parsed, todo, context) : true),
    before: dueBefore,
    addTo: (input) => ({ listId: INBOX_LIST_ID, ...addTo(input) }),
  };
}

/** @param {TodoCreate} input a todo typed in Today or Upcoming is due today, unless it says when */
const dueTodayUnlessSaid = (input) => (input.dueDate ? input : { ...input, dueDate: today() });

/**
 * @typedef {object} BuiltInView
 * @property {string} name
 * @property {string} filter
 * @property {string} empty what it says with nothing in it
 * @property {boolean} byDay whether its todos show under a heading per day
 * @property {(input: TodoCreate) => TodoCreate} addTo
 */

/** @type {Record<string, BuiltInView>} The views every person has, above their lists. */
export const BUILT_IN_VIEWS = {
  today: {
    name: 'Today',
    filter: 'today | overdue',
    empty: 'Nothing due today',
    byDay: false,
    addTo: dueTodayUnlessSaid,
  },
  upcoming: {
    name: 'Upcoming',
    filter: 'next 7 days',
    empty: 'Nothing due in the next 7 days',
    byDay: true,
    addTo: dueTodayUnlessSaid,
  },
};

/** The built-in view a route names, if it names one. @param {{ view?: string | null }} route */
export const builtInView = ({ view = null }) =>
  view && Object.hasOwn(BUILT_IN_VIEWS, view) ? BUILT_IN_VIEWS[view] : undefined;
