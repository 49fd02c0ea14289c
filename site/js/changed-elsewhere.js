// @ts-check
// A todo changed elsewhere (the CLI, another tab, another member) while the person edits it.
// Nothing they typed is touched: the edit field or the details form keeps their text, and the
// notice says what the other change was, with "Use theirs". Saving (Enter, or leaving the field)
// keeps theirs out and the person's in, as they were told; "Use theirs" ends the edit without
// saving, or, when it was saved meanwhile, puts the other values back. The row itself (label,
// details) shows the other change at once; only the fields being edited wait.

/** @typedef {import('/vendor/todolist-sdk.min.js').Todo} Todo */
/** @typedef {import('/vendor/todolist-sdk.min.js').TodoPatch} TodoPatch */
/** @typedef {import('./store.js').TodoStore} TodoStore */
/** @typedef {import('./store.js').Elsewhere} Elsewhere */

/** The fields the details form edits; the title alone when the title is edited in the row. */
const FORM_FIELDS = /** @type {const} */ ([
  'title',
  'dueDate',
  'dueTime',
  'priority',
  'tags',
  'notes',
  'listId',
]);

/**
 * The fields of `after` the person is editing in `li` that differ from `before`.
 * @param {HTMLLIElement} li
 * @param {Todo} before
 * @param {Todo} after
 * @returns {TodoPatch}
 */
function conflictOf(li, before, after) {
  const editing = li.classList.contains('details-open')
    ? FORM_FIELDS
    : li.classList.contains('editing')
      ? /** @type {const} */ (['title'])
      : [];
  /** @type {Record<string, unknown>} */
  const theirs = {};
  for (const field of editing) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) theirs[field] = after[field];
  }
  return /** @type {TodoPatch} */ (theirs);
}

/** @param {TodoPatch} theirs @param {Todo} after */
function wordsOf(theirs, after) {
  if (theirs.title !== undefined && Object.keys(theirs).length === 1)
    return `This todo was changed elsewhere to “${after.title}” while you were editing it.`;
  return `“${after.title}” was changed elsewhere while you were editing it.`;
}

/**
 * Puts the other values back over a saved edit: only those the todo no longer has (after an
 * Escape it has them all, and nothing is sent).
 * @param {TodoStore} store
 * @param {string} key
 * @param {TodoPatch} theirs
 */
function putBack(store, key, theirs) {
  const todo = store.todos.find((shown) => shown.key === key);
  if (!todo) return;
  const patch = Object.fromEntries(
    Object.entries(theirs).filter(
      ([field, value]) => JSON.stringify(todo[/** @type {keyof Todo} */ (field)]) !== JSON.stringify(value),
    ),
  );
  if (Object.keys(patch).length > 0) store.update(key, patch);
}

/**
 * Says, in `notice`, each change made elsewhere to a todo being edited in `store`'s list.
 * @param {TodoStore} store
 * @param {{ notice: import('./notice.js').Notice, row: (key: string) => HTMLLIElement | undefined }} page
 */
export function watchConflicts(store, { notice, row }) {
  store.addEventListener('elsewhere', (event) => {
    const { key, before, after } = /** @type {CustomEvent<Elsewhere>} */ (event).detail;
    const li = row(key);
    if (!li) return;
    const theirs = conflictOf(li, before, after);
    if (Object.keys(theirs).length === 0) return;
    notice.show(`${wordsOf(theirs, after)} Saving keeps yours.`, {
      label: 'Use theirs',
      run: () => {
        if (li.matches('.editing, .details-open'))
          import('./item-editing.js').then(({ stopEditing }) => stopEditing(li));
        else putBack(store, key, theirs);
      },
    });
  });
}
