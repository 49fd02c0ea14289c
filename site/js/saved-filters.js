// @ts-check
// Saving a filter (New filter, under the views) and changing or deleting one (Edit filter, above
// its todos), in a dialog; loaded on first use. A saved filter is a name and a line of the
// filter language ("(today | overdue) & #work"), kept by the API (`/v1/filters`) so every client
// of the person's sees it; one the API cannot read is refused with where ("at character 7").
import { errorLine, openDialog } from './dialog.js';
import { h } from './dom.js';
import { reasonOf } from './failures.js';

/** @typedef {import('/vendor/todolist-sdk.min.js').SavedFilter} SavedFilter */
/**
 * @typedef {object} Context
 * @property {import('./sidebar.js').Sidebar} sidebar the lists and saved filters, and the API
 * @property {(view: string | null) => void} go shows a view (a saved filter's id), or the Inbox (null)
 */

/** What the filter field says it takes: the words of the filter language. */
const GRAMMAR =
  'today, overdue, no date, next 7 days, before: dec 24, p1, #tag, @list, recurring, shared, search: words; & | ! ( )';

/**
 * The form of a saved filter: its name and its query.
 * @param {{ name?: string, query?: string }} values
 * @param {string} button
 * @param {(filter: { name: string, query: string }) => Promise<void>} onSubmit
 */
function filterForm({ name = '', query = '' }, button, onSubmit) {
  const nameInput = h('input', {
    id: 'saved-filter-name',
    required: true,
    maxlength: '50',
    autocomplete: 'off',
  });
  nameInput.value = name;
  const queryInput = h('input', {
    id: 'saved-filter-query',
    required: true,
    maxlength: '500',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: '(today | overdue) & #work',
    'aria-describedby': 'saved-filter-grammar',
  });
  queryInput.value = query;
  const form = h('form', { class: 'dialog-form' }, [
    h('label', { for: 'saved-filter-name' }, ['Name']),
    nameInput,
    h('label', { for: 'saved-filter-query' }, ['Filter']),
    queryInput,
    h('p', { id: 'saved-filter-grammar', class: 'dialog-hint' }, [GRAMMAR]),
    h('div', { class: 'dialog-row' }, [h('button', { type: 'submit' }, [button])]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const filter = { name: nameInput.value.trim(), query: queryInput.value.trim() };
    if (filter.name && filter.query) onSubmit(filter);
  });
  return { form, nameInput };
}

/**
 * The New filter dialog: the filter saved, it is shown.
 * @param {Context} context
 * @param {string} [query] what the field starts with
 */
export function newFilter({ sidebar, go }, query = '') {
  const error = errorLine();
  const { form, nameInput } = filterForm({ query }, 'Save filter', async (filter) => {
    try {
      const saved = await sidebar.client.filters.create(filter);
      dialog.close();
      await sidebar.refresh();
      go(saved.id);
    } catch (failure) {
      error.textContent = `Couldn't save the filter: ${reasonOf(failure)}.`;
    }
  });
  const { dialog } = openDialog('New filter', [form, error]);
  nameInput.focus();
}

/**
 * The Edit filter dialog for a saved filter: change its name or query (on the version shown:
 * a change made elsewhere meanwhile is refused, saying so), or delete it.
 * @param {Context} context
 * @param {SavedFilter} saved
 */
export function editFilter({ sidebar, go }, saved) {
  const error = errorLine();
  let version = saved.version;
  const { form, nameInput } = filterForm(saved, 'Save changes', async (filter) => {
    try {
      version = (await sidebar.client.filters.update(saved.id, filter, { ifMatch: version })).version;
      dialog.close();
      await sidebar.refresh();
      go(saved.id);
    } catch (failure) {
      error.textContent = `Couldn't save the filter: ${reasonOf(failure)}.`;
    }
  });
  const remove = h('button', { type: 'button', class: 'delete-filter' }, ['Delete filter']);
  remove.addEventListener('click', async () => {
    try {
      await sidebar.client.filters.delete(saved.id);
      dialog.close();
      await sidebar.refresh();
      go(null);
    } catch (failure) {
      error.textContent = `Couldn't delete the filter: ${reasonOf(failure)}.`;
    }
  });
  const { dialog } = openDialog(`Edit “${saved.name}”`, [
    form,
    h('div', { class: 'dialog-actions' }, [remove]),
    error,
  ]);
  nameInput.focus();
}
