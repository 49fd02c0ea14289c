// @ts-check
// Making, renaming, deleting and sharing lists, in a dialog; loaded on first use (New list, or
// Manage list above the todos). An owner renames the list, shares it by address, sees who is on
// it (member, or invited until that address signs in), removes them, and deletes it: one with
// todos asks whether they go too or move to the Inbox. A member sees who is on it and can leave.
import { INBOX_LIST_ID, isConflictError } from '/vendor/todolist-sdk.min.js';
import { errorLine, openDialog } from './dialog.js';
import { h } from './dom.js';
import { reasonOf } from './failures.js';

/** @typedef {import('/vendor/todolist-sdk.min.js').List} List */
/**
 * @typedef {object} Context
 * @property {import('./sidebar.js').Sidebar} sidebar the lists, and the API
 * @property {import('./store.js').TodoStore} store the selected list's todos
 * @property {import('./router.js').Route & { list: string }} route
 * @property {(listId: string) => void} go shows a list
 * @property {() => void} render
 */

/**
 * Why a list call failed, as a sentence.
 * @param {string} what such as "create the list"
 * @param {unknown} error
 */
function problem(what, error) {
  if (isConflictError(error) && error.code === 'list_name_taken')
    return 'You have a list with that name already.';
  return `Couldn't ${what}: ${reasonOf(error)}.`;
}

/**
 * A form of one labelled field and a submit button, calling `onSubmit` with the trimmed value.
 * @param {{ label: string, id: string, button: string, value?: string, type?: string, maxlength: string }} field
 * @param {(value: string) => Promise<void>} onSubmit
 */
function oneFieldForm({ label, id, button, value = '', type = 'text', maxlength }, onSubmit) {
  const input = h('input', { id, type, required: true, maxlength, autocomplete: 'off' });
  input.value = value;
  const form = h('form', { class: 'dialog-form' }, [
    h('label', { for: id }, [label]),
    h('div', { class: 'dialog-row' }, [input, h('button', { type: 'submit' }, [button])]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = input.value.trim();
    if (typed) onSubmit(typed).then(() => input.select());
  });
  return { form, input };
}

/**
 * The New list dialog: the list made, it is shown.
 * @param {Context} context
 */
export function newList({ sidebar, go }) {
  const error = errorLine();
  const { form, input } = oneFieldForm(
    { label: 'Name', id: 'new-list-name', button: 'Create list', maxlength: '100' },
    async (name) => {
      try {
        const list = await sidebar.client.lists.create({ name });
        dialog.close();
        await sidebar.refresh();
        go(list.id);
      } catch (failure) {
        error.textContent = problem('create the list', failure);
      }
    },
  );
  const { dialog } = openDialog('New list', [form, error]);
  input.focus();
}

/**
 * The Manage list dialog for the selected list (not the Inbox).
 * @param {Context} context
 */
export function manageList(context) {
  const { sidebar, route } = context;
  const list = sidebar.list(route.list);
  if (!list || list.inbox) return;
  const owner = list.role === 'owner';
  const error = errorLine();
  const members = h('ul', { class: 'members', 'aria-label': 'People on this list' });
  /** @param {string} what @param {() => Promise<unknown>} call */
  const attempt = async (what, call) => {
    error.textContent = '';
    try {
      await call();
      return true;
    } catch (failure) {
      error.textContent = problem(what, failure);
      return false;
    }
  };
  let asked = 0;
  const showMembers = () =>
    attempt('list the people on it', async () => {
      const ask = ++asked;
      const { items } = await sidebar.client.lists.members.list(list.id);
      // An answer overtaken by a later one is out of date.
      if (ask !== asked) return;
      members.replaceChildren(
        ...items.map((member) => {
          const who = member.email ?? 'the owner';
          const remove = h(
            'button',
            { type: 'button', class: 'remove-member', 'aria-label': `Remove ${who}` },
            ['Remove'],
          );
          remove.addEventListener('click', () =>
            attempt(`remove ${who}`, () => sidebar.client.lists.members.remove(list.id, member.id)).then(
              (done) => (done ? membersChanged() : undefined),
            ),
          );
          return h('li', {}, [
            h('span', { class: 'member-email' }, [who]),
            h('span', { class: 'member-status' }, [member.role === 'owner' ? 'owner' : member.status]),
            ...(owner && member.role !== 'owner' ? [remove] : []),
          ]);
        }),
      );
    });
  // The sidebar's names, counts and sharing marks follow.
  const listsChanged = async () => {
    await sidebar.refresh().catch(() => undefined);
    context.render();
  };
  // A share or a removal changes who is on it too; a rename, only the lists.
  const membersChanged = async () => {
    await showMembers();
    await listsChanged();
  };

  /** @type {(Node | string)[]} */
  const parts = [];
  if (owner) {
    const rename = oneFieldForm(
      { label: 'Name', id: 'list-rename', button: 'Rename', value: list.name, maxlength: '100' },
      (name) =>
        attempt('rename the list', () => sidebar.client.lists.update(list.id, { name })).then(
          async (done) => {
            if (!done) return;
            heading.textContent = `Manage “${name}”`;
            await listsChanged();
          },
        ),
    );
    parts.push(rename.form);
  }
  parts.push(h('h3', {}, ['Shared with']), members);
  if (owner) {
    const share = oneFieldForm(
      {
        label: 'Share with (e-mail address)',
        id: 'share-email',
        button: 'Share',
        type: 'email',
        maxlength: '254',
      },
      (email) =>
        attempt(`share with ${email}`, () => sidebar.client.lists.members.add(list.id, email)).then(
          (done) => {
            if (!done) return;
            share.input.value = '';
            return membersChanged();
          },
        ),
    );
    parts.push(
      share.form,
      deleteSection(context, list, attempt, () => dialog.close()),
    );
  } else {
    const leave = h('button', { type: 'button', class: 'leave-list' }, ['Leave list']);
    leave.addEventListener('click', () =>
      attempt('leave the list', () => sidebar.client.lists.members.leave(list.id)).then((done) =>
        done ? gone(context, () => dialog.close()) : undefined,
      ),
    );
    parts.push(h('div', { class: 'dialog-actions' }, [leave]));
  }
  const { dialog, heading } = openDialog(`Manage “${list.name}”`, [...parts, error]);
  showMembers();
}

/**
 * After the list was deleted or left: the Inbox, and the lists again.
 * @param {Context} context
 * @param {() => void} close
 */
async function gone({ sidebar, go }, close) {
  close();
  await sidebar.refresh().catch(() => undefined);
  go(INBOX_LIST_ID);
}

/**
 * Delete list; a list with todos asks first whether they go too or move to the Inbox.
 * @param {Context} context
 * @param {List} list
 * @param {(what: string, call: () => Promise<unknown>) => Promise<boolean>} attempt
 * @param {() => void} close
 */
function deleteSection(context, list, attempt, close) {
  const client = context.sidebar.client;
  const section = h('div', { class: 'dialog-actions' });
  /** @param {{ todos?: 'delete', moveTo?: string }} query */
  const remove = (query) =>
    attempt('delete the list', () => client.lists.delete(list.id, query)).then((done) =>
      done ? gone(context, close) : undefined,
    );
  const ask = () => {
    const withTodos = h('button', { type: 'button', class: 'delete-todos' }, ['Delete its todos too']);
    const moveThem = h('button', { type: 'button', class: 'move-todos' }, ['Move them to the Inbox']);
    withTodos.addEventListener('click', () => remove({ todos: 'delete' }));
    moveThem.addEventListener('click', () => remove({ moveTo: INBOX_LIST_ID }));
    section.replaceChildren(
      h('p', { id: 'delete-question' }, [`“${list.name}” has todos. Delete them with it, or keep them?`]),
      h('div', { class: 'dialog-row', role: 'group', 'aria-labelledby': 'delete-question' }, [
        withTodos,
        moveThem,
      ]),
    );
    withTodos.focus();
  };
  const start = h('button', { type: 'button', class: 'delete-list' }, ['Delete list']);
  start.addEventListener('click', async () => {
    if (context.store.todos.length > 0 || list.openCount > 0) return ask();
    try {
      await client.lists.delete(list.id);
      await gone(context, close);
    } catch (failure) {
      if (isConflictError(failure) && failure.code === 'list_not_empty') ask();
      else await attempt('delete the list', () => Promise.reject(failure));
    }
  });
  section.append(start);
  return section;
}
