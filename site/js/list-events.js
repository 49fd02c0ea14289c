// @ts-check
// What a person does to the todos in the list, caught once on the <ul> rather than on every
// <li>: toggle, delete, TodoMVC's title editing (double-click; Enter or blur saves, Escape
// cancels, an empty title deletes) and the details form.
/** @typedef {import('/vendor/todolist-sdk.min.js').TodoPatch} TodoPatch */
/** @typedef {import('./todo-entry.js').ShownTodo} ShownTodo */
/**
 * @typedef {object} ListActions
 * @property {import('./notice.js').Notice} notice
 * @property {(key: string) => ShownTodo | undefined} todo the todo as shown
 * @property {(key: string, patch: TodoPatch) => void} update
 * @property {(key: string) => void} remove
 */

/** @param {EventTarget | null} target */
const itemOf = (target) => (target instanceof Element ? target.closest('.todo-list > li') : null);

/**
 * @param {HTMLUListElement} list
 * @param {ListActions} actions
 */
export function handleListEvents(list, actions) {
  list.addEventListener('change', (event) => {
    const li = itemOf(event.target);
    if (!(li instanceof HTMLLIElement) || !(event.target instanceof HTMLInputElement)) return;
    if (event.target.classList.contains('toggle')) {
      actions.update(li.dataset.key ?? '', { completed: event.target.checked });
    }
  });

  list.addEventListener('click', (event) => {
    const li = itemOf(event.target);
    if (!(li instanceof HTMLLIElement) || !(event.target instanceof Element)) return;
    if (event.target.closest('.destroy')) actions.remove(li.dataset.key ?? '');
    else if (event.target.closest('.open-details')) void toggleDetails(li, actions);
  });

  list.addEventListener('dblclick', (event) => {
    const li = itemOf(event.target);
    if (li instanceof HTMLLIElement && event.target instanceof HTMLLabelElement) startEditing(li, actions);
  });

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
function startEditing(li, actions) {
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
 * Opens the details form under the todo, closing any other; or closes it when open. The form's
 * code loads on first use: a first visit that only reads the list does not fetch it.
 * @param {HTMLLIElement} li
 * @param {ListActions} actions
 */
async function toggleDetails(li, actions) {
  if (li.querySelector('.details')) return closeDetails(li, true);
  for (const open of li.parentElement?.querySelectorAll('li.details-open') ?? []) {
    if (open instanceof HTMLLIElement) closeDetails(open, false);
  }
  let detailsForm;
  try {
    ({ detailsForm } = await import('./details-form.js'));
  } catch {
    actions.notice.show("Couldn't open the details: the page could not load them. Check your connection.");
    return;
  }
  if (li.querySelector('.details')) return;
  const key = li.dataset.key ?? '';
  const todo = actions.todo(key);
  if (!todo) return;
  const form = detailsForm(todo, {
    onSave: (patch) => {
      if (Object.keys(patch).length > 0) actions.update(key, patch);
    },
    onClose: () => closeDetails(li, true),
  });
  li.append(form);
  li.classList.add('details-open');
  li.querySelector('.open-details')?.setAttribute('aria-expanded', 'true');
  /** @type {HTMLElement | null} */ (form.querySelector('input'))?.focus();
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
