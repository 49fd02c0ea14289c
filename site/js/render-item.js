// @ts-check
// One todo's <li>, in TodoMVC's structure (.view with .toggle, label and .destroy; .edit for
// editing) with the todolist extras under the title: due date, priority, tags and notes. Its
// buttons are icons (drawn by todo-item.css) named for the todo: "Edit Buy milk".
// An <li> is made once per todo and updated in place, so focus and an edit in progress survive
// every change to the list.
import { dueLabel, dueState, today } from './dates.js';
import { h } from './dom.js';
import { hrefOf } from './router.js';

/** @typedef {import('./todo-entry.js').ShownTodo} ShownTodo */
/** @typedef {import('./router.js').Route} Route */

let ids = 0;

/** A new, empty <li> for the todo with `key`; {@link updateItem} fills it. @param {string} key */
export function createItem(key) {
  const labelId = `todo-title-${++ids}`;
  const toggle = h('input', { class: 'toggle', type: 'checkbox', 'aria-labelledby': labelId });
  const label = h('label', { id: labelId, class: 'todo-title' });
  const details = h('button', { type: 'button', class: 'open-details', 'aria-expanded': 'false' });
  const destroy = h('button', { type: 'button', class: 'destroy' });
  const meta = h('div', { class: 'meta' });
  const edit = h('input', { class: 'edit', maxlength: '200', autocomplete: 'off' });
  // The row, not the <li>, is what drags: the title's edit field under it keeps mouse selection.
  const view = h('div', { class: 'view', draggable: 'true' }, [
    toggle,
    h('div', { class: 'text' }, [label, meta]),
    details,
    destroy,
  ]);
  return h('li', { 'data-key': key }, [view, edit]);
}

/**
 * Brings `li` up to date with `todo`, touching only what changed.
 * @param {HTMLLIElement} li
 * @param {ShownTodo} todo
 * @param {Route} route the view's route: tag links keep its filter
 * @param {Map<string, string>} people on a shared list, who is who: the row names who made and changed it
 * @param {string} [listName] in a view of every list, the name of the todo's: the row links to its list
 */
export function updateItem(li, todo, route, people, listName) {
  const day = today();
  const due = dueState(todo, day);
  li.classList.toggle('completed', todo.completed);
  li.classList.toggle('overdue', due === 'overdue');
  li.classList.toggle('due-today', due === 'today');
  li.classList.toggle('saving', todo.saving);
  li.dataset.priority = todo.priority;

  const toggle = /** @type {HTMLInputElement} */ (li.querySelector('.toggle'));
  toggle.checked = todo.completed;
  const label = /** @type {HTMLLabelElement} */ (li.querySelector('label'));
  if (label.textContent !== todo.title) label.textContent = todo.title;
  li.querySelector('.destroy')?.setAttribute('aria-label', `Delete ${todo.title}`);
  li.querySelector('.open-details')?.setAttribute('aria-label', `Edit ${todo.title}`);
  li.querySelector('.edit')?.setAttribute('aria-label', `Edit the title of “${todo.title}”`);

  const signature = JSON.stringify([
    todo.dueDate,
    todo.dueTime,
    todo.recurrence?.rrule,
    todo.completed,
    todo.priority,
    todo.tags,
    todo.notes,
    day,
    route.filter,
    people.get(todo.createdBy),
    people.get(todo.updatedBy),
    listName,
  ]);
  if (li.dataset.signature !== signature) {
    li.dataset.signature = signature;
    /** @type {HTMLElement} */ (li.querySelector('.meta')).replaceChildren(
      ...metaOf(todo, route, day, people, listName),
    );
  }
}

/**
 * The line under the title: only what the todo has.
 * @param {ShownTodo} todo
 * @param {Route} route
 * @param {string} day
 * @param {Map<string, string>} people
 * @param {string} [listName] the todo's list, named in a view of every list
 */
function metaOf(todo, route, day, people, listName) {
  /** @type {HTMLElement[]} */
  const parts = [];
  if (listName) {
    const href = hrefOf({ filter: route.filter, tag: null, list: todo.listId });
    parts.push(h('a', { class: 'list-link', href, 'aria-label': `Show the list ${listName}` }, [listName]));
  }
  const due = dueLabel(todo, day);
  if (due) parts.push(h('span', { class: `due due-${dueState(todo, day)}` }, [due]));
  // Done, a repeating todo comes back open on its next day (the API moves it).
  if (todo.recurrence)
    parts.push(h('span', { class: 'repeats', title: todo.recurrence.rrule }, ['↻ Repeats']));
  if (todo.priority !== 'normal') {
    parts.push(h('span', { class: `priority priority-${todo.priority}` }, [`${todo.priority} priority`]));
  }
  for (const tag of todo.tags) {
    const href = hrefOf({ ...route, tag });
    parts.push(h('a', { class: 'tag', href, 'aria-label': `Show todos tagged ${tag}` }, [`#${tag}`]));
  }
  if (todo.notes) parts.push(h('span', { class: 'notes' }, [todo.notes]));
  const made = people.get(todo.createdBy);
  const changed = people.get(todo.updatedBy);
  if (made) {
    const by = changed && changed !== made ? `, changed by ${changed}` : '';
    parts.push(h('span', { class: 'by' }, [`added by ${made}${by}`]));
  }
  return parts;
}
