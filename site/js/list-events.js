// @ts-check
// What a person does to the todos in the list, caught once on the <ul> rather than on every
// <li>: toggle, delete, and the start of editing (a double-click on the title; Edit for the
// details form). The editing itself (item-editing.js) loads on first use.
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
export const itemOf = (target) => (target instanceof Element ? target.closest('.todo-list > li') : null);

/**
 * @param {HTMLUListElement} list
 * @param {ListActions} actions
 */
export function handleListEvents(list, actions) {
  /** @type {Promise<typeof import('./item-editing.js')> | undefined} */
  let editing;
  /**
   * @param {string} what for the message, should the code not load (the server cannot be reached)
   * @param {(editing: typeof import('./item-editing.js')) => void} start
   */
  const edit = (what, start) => {
    editing ??= import('./item-editing.js').then((loaded) => {
      loaded.watchEditing(list, actions);
      return loaded;
    });
    editing.then(start, () => {
      editing = undefined;
      actions.notice.couldNotLoad(what);
    });
  };

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
    else if (event.target.closest('.open-details'))
      edit('open the details', (editing) => editing.toggleDetails(li, actions));
  });

  list.addEventListener('dblclick', (event) => {
    const li = itemOf(event.target);
    if (li instanceof HTMLLIElement && event.target instanceof HTMLLabelElement)
      edit('edit the title', (editing) => editing.startEditing(li, actions));
  });
}
