// @ts-check
// The form under a todo for what TodoMVC's one-line edit cannot reach: due date, priority, tags
// and notes (and the title, so keyboard users need no double-click), and the list it is on. It
// sends only the fields that changed: a new list moves the todo there.
import { h } from './dom.js';
import { formatTags, parseTags } from './tags.js';

/** @typedef {import('./todo-entry.js').ShownTodo} ShownTodo */
/** @typedef {import('/vendor/todolist-sdk.min.js').TodoPatch} TodoPatch */

let forms = 0;

/**
 * A labelled field: the label above the control.
 * @param {string} text
 * @param {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} control
 * @param {string} [hint]
 */
function field(text, control, hint) {
  const id = `${control.name}-${forms}`;
  control.id = id;
  /** @type {HTMLElement[]} */
  const children = [h('label', { for: id }, [text]), control];
  if (hint) {
    control.setAttribute('aria-describedby', `${id}-hint`);
    children.push(h('span', { class: 'hint', id: `${id}-hint` }, [hint]));
  }
  return h('div', { class: `field field-${control.name}` }, children);
}

/**
 * The form for `todo`. `onSave` gets the fields that changed (nothing when none did); either
 * button, and Escape, end with `onClose`.
 * @param {ShownTodo} todo
 * @param {{ onSave: (patch: TodoPatch) => void, onClose: () => void, lists?: import('/vendor/todolist-sdk.min.js').List[] }} handlers
 */
export function detailsForm(todo, { onSave, onClose, lists = [] }) {
  forms++;
  const title = h('input', { name: 'title', required: true, maxlength: '200', autocomplete: 'off' });
  title.value = todo.title;
  const dueDate = h('input', { name: 'dueDate', type: 'date' });
  dueDate.value = todo.dueDate ?? '';
  const dueTime = h('input', { name: 'dueTime', type: 'time' });
  dueTime.value = todo.dueTime ?? '';
  // A repeating todo can be made to stop repeating; its rule is set by quick add or the API.
  const repeats = h('input', { name: 'repeats', type: 'checkbox' });
  repeats.checked = todo.recurrence !== null;
  const priority = h('select', { name: 'priority' }, [
    h('option', { value: 'low' }, ['Low']),
    h('option', { value: 'normal' }, ['Normal']),
    h('option', { value: 'high' }, ['High']),
  ]);
  priority.value = todo.priority;
  const tags = h('input', { name: 'tags', autocomplete: 'off', spellcheck: 'false' });
  tags.value = formatTags(todo.tags);
  const notes = h('textarea', { name: 'notes', rows: '3', maxlength: '2000' });
  notes.value = todo.notes ?? '';
  const list = h(
    'select',
    { name: 'listId' },
    lists.map((each) => h('option', { value: each.id }, [each.name])),
  );
  list.value = todo.listId;

  const form = h('form', { class: 'details', 'aria-label': `Details of “${todo.title}”` }, [
    field('Title', title),
    h('div', { class: 'field-row' }, [
      field('Due date', dueDate),
      field('Time', dueTime),
      field('Priority', priority),
    ]),
    ...(todo.recurrence
      ? [
          field(
            'Repeats',
            repeats,
            `${todo.recurrence.rrule}; untick to stop repeating (done, it is done for good).`,
          ),
        ]
      : []),
    field('Tags', tags, 'Separate tags with commas or spaces, such as “home, errands”.'),
    field('Notes', notes),
    ...(lists.length > 1 ? [field('List', list)] : []),
    h('div', { class: 'actions' }, [
      h('button', { type: 'submit', class: 'save' }, ['Save']),
      h('button', { type: 'button', class: 'cancel' }, ['Cancel']),
    ]),
  ]);

  tags.addEventListener('input', () => tags.setCustomValidity(''));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const parsed = parseTags(tags.value);
    if (parsed.problem) {
      tags.setCustomValidity(parsed.problem);
      tags.reportValidity();
      return;
    }
    /** @type {TodoPatch} */
    const patch = {};
    const newTitle = title.value.trim();
    if (newTitle && newTitle !== todo.title) patch.title = newTitle;
    if ((dueDate.value || null) !== todo.dueDate) patch.dueDate = dueDate.value || null;
    // A time is kept with a day only; the API takes a new time with its day in the same patch.
    const newTime = (dueDate.value && dueTime.value) || null;
    if (newTime !== todo.dueTime) {
      patch.dueTime = newTime;
      if (newTime) patch.dueDate = dueDate.value;
    }
    const newPriority = /** @type {'low' | 'normal' | 'high'} */ (priority.value);
    if (newPriority !== todo.priority) patch.priority = newPriority;
    if (formatTags(parsed.tags) !== formatTags(todo.tags)) patch.tags = parsed.tags;
    if ((notes.value.trim() || null) !== todo.notes) patch.notes = notes.value.trim() || null;
    if (lists.length > 1 && list.value !== todo.listId) patch.listId = list.value;
    if (todo.recurrence && !repeats.checked) patch.recurrence = null;
    onSave(patch);
    onClose();
  });
  form.querySelector('.cancel')?.addEventListener('click', onClose);
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  });
  return form;
}
