// @ts-check
// Toggle-all and clear completed. Each acts on the todos the view shows (its tag, its search and
// its status route), and only on those, every page loaded first, and answers what it did, for the toast.
// Loaded on first use: a visit that only reads the list does not fetch them.
import { matches } from './view.js';

/** @typedef {import('./store.js').TodoStore} TodoStore */
/** @typedef {import('./router.js').Route} Route */
/** @typedef {import('./undo.js').Done | null} Done what it did, if anything */

/**
 * "3 todos tagged #home", "1 completed todo", "2 todos matching “milk”".
 * @param {number} count
 * @param {Route} route
 * @param {string} [kind] such as "completed "
 */
const todosIn = (count, { tag, q = null }, kind = '') =>
  `${count} ${kind}todo${count === 1 ? '' : 's'}${tag ? ` tagged #${tag}` : ''}${q ? ` matching “${q}”` : ''}`;

/**
 * @param {TodoStore} store
 * @param {Route} route the view when the box was ticked
 * @param {boolean} completed
 * @returns {Promise<Done>}
 */
export async function setAllCompleted(store, route, completed) {
  if (!(await store.loadAll())) return null;
  const changing = store.todos.filter((todo) => matches(todo, route) && todo.completed !== completed);
  for (const todo of changing) store.update(todo.key, { completed });
  const message = `${completed ? 'Completed' : 'Reopened'} ${todosIn(changing.length, route)}`;
  return changing.length > 0 ? { message, removed: [] } : null;
}

/**
 * @param {TodoStore} store
 * @param {Route} route the view when the button was clicked
 * @returns {Promise<Done>}
 */
export async function clearCompleted(store, route) {
  if (!(await store.loadAll())) return null;
  const removed = store.todos.flatMap(
    (todo) => (todo.completed && matches(todo, route) && store.remove(todo.key)) || [],
  );
  const message = `Deleted ${todosIn(removed.length, route, 'completed ')}`;
  return removed.length > 0 ? { message, removed } : null;
}
