// @ts-check
// Editing one todo in the list: TodoMVC's title editing (double-click; Enter or blur saves,
// Escape cancels, an empty title deletes) and the details form under the todo. Loaded, with the
// form, on the first double-click or Edit: a visit that only reads the list does not fetch it.
import { detailsForm } from './details-form.js';
import { itemOf } from './list-events.js';

/** @typedef {import('./list-events.js').ListActions} ListActions */

/**
 * Saves or cancels a title being edited, on the keys and the blur TodoMVC says.
 * @param {HTMLUListElement} list
 * @param {ListActions} actions
 */
export function watchEditing(list, actions) {
  list.addEventListener('keydown', (event) => {
    const li = itemOf(event.target);
    if (!(li instanceof HTMLLIElement) || !(event.target instanceof HTMLInputElement)) return;
    if (!event.target.classList.contains('edit')) return;
    if (event.key === 'Enter') finishEditing(li, actions, { save: true, refocus: true });
    else if (event.key === 'Escape') {
      event.stopPropagation();
      finishEditing(li, actions, { save: false, refocus: true });
    }
  });

  // blur does not bubble; focusout does. Leaving the field saves, as in TodoMVC.
  list.addEventListener('focusout', (event) => {
    const li = itemOf(event.target);
    if (
      li instanceof HTMLLIElement &&
      event.target instanceof HTMLInputElement &&
      event.target.classList.contains('edit')
    ) {
      finishEditing(li, actions, { save: true, refocus: false });
    }
  });
}

/**
 * @param {HTMLLIElement} li
 * @param {ListActions} actions
 */
export function startEditing(li, actions) {
  const todo = actions.todo(li.dataset.key ?? '');
  const edit = li.querySelector('.edit');
  if (!todo || !(edit instanceof HTMLInputElement)) return;
  closeDetails(li, false);
  li.classList.add('editing');
  edit.value = todo.title;
  edit.focus();
  edit.setSelectionRange(edit.value.length, edit.value.length);
}

/**
 * @param {HTMLLIElement} li
 * @param {ListActions} actions
 * @param {{ save: boolean, refocus: boolean }} how
 */
function finishEditing(li, actions, { save, refocus }) {
  // Enter hides the field, which blurs it: the second call finds editing over and does nothing.
  if (!li.classList.contains('editing')) return;
  li.classList.remove('editing');
  const key = li.dataset.key ?? '';
  const todo = actions.todo(key);
  const edit = /** @type {HTMLInputElement} */ (li.querySelector('.edit'));
  const title = edit.value.trim();
  if (refocus) /** @type {HTMLElement | null} */ (li.querySelector('.toggle'))?.focus();
  if (!save || !todo) return;
  if (!title) actions.remove(key);
  else if (title !== todo.title) actions.update(key, { title });
}

/**
 * Opens the details form under the todo, closing any other; or closes it when open.
 * @param {HTMLLIElement} li
 * @param {ListActions} actions
 */
export function toggleDetails(li, actions) {
  if (li.querySelector('.details')) return closeDetails(li, true);
  for (const open of li.parentElement?.querySelectorAll('li.details-open') ?? []) {
    if (open instanceof HTMLLIElement) closeDetails(open, false);
  }
  const key = li.dataset.key ?? '';
  const todo = actions.todo(key);
  if (!todo) return;
  const form = detailsForm(todo, {
    onSave: (patch) => {
      if (Object.keys(patch).length > 0) actions.update(key, patch);
    },
    onClose: () => closeDetails(li, true),
    lists: actions.lists(),
  });
  li.append(form);
  li.classList.add('details-open');
  li.querySelector('.open-details')?.setAttribute('aria-expanded', 'true');
  /** @type {HTMLElement | null} */ (form.querySelector('input'))?.focus();
}

/**
 * Ends the editing of a todo (its title, or its details form) without saving: what the person
 * chose when they take what was changed elsewhere instead.
 * @param {HTMLLIElement} li
 */
export function stopEditing(li) {
  if (li.classList.contains('editing')) {
    li.classList.remove('editing');
    /** @type {HTMLElement | null} */ (li.querySelector('.toggle'))?.focus();
  }
  if (li.classList.contains('details-open')) closeDetails(li, true);
}

/**
 * @param {HTMLLIElement} li
 * @param {boolean} refocus whether focus goes back to the button that opened the form
 */
function closeDetails(li, refocus) {
  li.querySelector('.details')?.remove();
  li.classList.remove('details-open');
  const button = li.querySelector('.open-details');
  button?.setAttribute('aria-expanded', 'false');
  if (refocus && button instanceof HTMLElement) button.focus();
}
