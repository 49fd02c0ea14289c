// @ts-check
// What a person does to the todos in the list, caught once on the <ul> rather than on every
// <li>: toggle, delete, the start of editing (a double-click on the title; Edit for the details
// form), and reordering: a row dragged onto another, or Alt+↑/Alt+↓ on a focused todo. The
// editing itself (item-editing.js) loads on first use.
/** @typedef {import('/vendor/todolist-sdk.min.js').TodoPatch} TodoPatch */
/** @typedef {import('./todo-entry.js').ShownTodo} ShownTodo */
/**
 * @typedef {object} ListActions
 * @property {import('./notice.js').Notice} notice
 * @property {(key: string) => ShownTodo | undefined} todo the todo as shown
 * @property {(key: string, patch: TodoPatch) => void} update
 * @property {(key: string) => void} remove
 * @property {() => import('/vendor/todolist-sdk.min.js').List[]} lists the lists a todo may move to
 * @property {(key: string, afterKey: string | null) => void} move puts a todo after another, or first
 * @property {() => boolean} movable whether the todos shown are in an order of the person's (a
 *   list's); a view's is by due day, and its rows do not move
 * @property {() => string[]} keys the todos shown, in order
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

  /**
   * @param {string} what
   * @param {(reorder: typeof import('./reorder.js')) => void} act
   */
  const reorder = (what, act) => import('./reorder.js').then(act, () => actions.notice.couldNotLoad(what));

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

  list.addEventListener('keydown', (event) => {
    const li = itemOf(event.target);
    const step = { ArrowUp: -1, ArrowDown: 1 }[event.key];
    if (
      !(li instanceof HTMLLIElement) ||
      !event.altKey ||
      !step ||
      li.matches('.editing') ||
      !actions.movable()
    )
      return;
    if (event.target instanceof Element && event.target.closest('.details')) return;
    event.preventDefault();
    const key = li.dataset.key ?? '';
    reorder('move the todo', ({ afterStep }) => {
      const after = afterStep(actions.keys(), key, /** @type {-1 | 1} */ (step));
      if (after !== undefined) actions.move(key, after);
    });
  });

  /** @type {string | null} */
  let dragged = null;
  list.addEventListener('dragstart', (event) => {
    if (!actions.movable()) {
      event.preventDefault();
      return;
    }
    dragged = /** @type {HTMLElement | null} */ (itemOf(event.target))?.dataset.key ?? null;
    event.dataTransfer?.setData('text/plain', dragged ?? '');
  });
  list.addEventListener('dragover', (event) => {
    if (dragged) event.preventDefault();
  });
  list.addEventListener('drop', (event) => {
    const li = itemOf(event.target);
    const key = dragged;
    dragged = null;
    if (!(li instanceof HTMLLIElement) || !key || li.dataset.key === key) return;
    event.preventDefault();
    const y = event.clientY;
    reorder('move the todo', ({ afterDrop }) => actions.move(key, afterDrop(li, key, y)));
  });

  list.addEventListener('dblclick', (event) => {
    const li = itemOf(event.target);
    if (li instanceof HTMLLIElement && event.target instanceof HTMLLabelElement)
      edit('edit the title', (editing) => editing.startEditing(li, actions));
  });
}
