import { type ChangePage, type ListPage, routes, type TodoPage } from '@todolist/sdk/contract';
import { describe, expect, it } from 'vitest';
import { apiEvent, bodyOf } from '../../test/support/events.js';
import { filterEvent, saveThroughHandler } from '../../test/support/saved-filters.js';
import { createThroughHandler } from '../../test/support/todos.js';
import { handler as createList } from './create-list.js';
import { handler as deleteFilter } from './delete-filter.js';
import { handler as listChanges } from './list-changes.js';
import { handler as listLists } from './list-lists.js';
import { handler as listTodos } from './list-todos.js';
import { handler as updateFilter } from './update-filter.js';

// Saved filters live in their person's partition beside the todos and lists (FILTER#<id>), with
// no change stamp and no index key: every listing and the changes feed must pass them by.

const OWNER = 'keeps-filters';

async function answer<T>(result: Promise<{ statusCode: number; body: string }>): Promise<T> {
  const settled = await result;
  expect(settled.statusCode, settled.body).toBe(200);
  return JSON.parse(settled.body) as T;
}

describe('saved filters, beside the todos and lists of their partition', () => {
  it('never show in GET /v1/todos in any order, in GET /v1/lists, or in the changes feed', async () => {
    const { cursor } = await answer<ChangePage>(
      listChanges(apiEvent({ owner: OWNER, path: routes.listChanges.path })),
    );
    const made = await createList(
      apiEvent({ method: 'POST', path: routes.createList.path, body: { name: 'Work' }, owner: OWNER }),
    );
    const listId = bodyOf<{ id: string }>(made).id;
    const todos = [
      await createThroughHandler({ title: 'In the Inbox', tags: ['work'] }, OWNER),
      await createThroughHandler({ title: 'On Work', listId, dueDate: '2027-01-04' }, OWNER),
    ];
    const saved = await saveThroughHandler({ name: 'Work today', query: '(today | overdue) & #work' }, OWNER);
    const other = await saveThroughHandler({ name: 'Urgent', query: 'p1' }, OWNER);
    await updateFilter(filterEvent(saved.id, { method: 'PATCH', body: { query: '#work' }, owner: OWNER }));
    await deleteFilter(filterEvent(other.id, { method: 'DELETE', owner: OWNER }));

    const todoIds = todos.map((todo) => todo.id).sort();
    const listings: Record<string, string>[] = [
      {},
      { sort: 'due' },
      { sort: 'priority' },
      { filter: '#work | !#work' },
      { listId: 'inbox', sort: 'manual' },
    ];
    for (const query of listings) {
      const page = await answer<TodoPage>(
        listTodos(apiEvent({ owner: OWNER, query: { limit: '100', ...query } })),
      );
      const expected = query.listId ? [todos[0]?.id] : todoIds;
      expect(page.items.map((todo) => todo.id).sort(), JSON.stringify(query)).toEqual(expected);
    }
    const lists = await answer<ListPage>(listLists(apiEvent({ owner: OWNER, path: routes.listLists.path })));
    expect(lists.items.map((list) => [list.name, list.openCount])).toEqual([
      ['Inbox', 1],
      ['Work', 1],
    ]);
    const feed = await answer<ChangePage>(
      listChanges(apiEvent({ owner: OWNER, path: routes.listChanges.path, query: { since: cursor } })),
    );
    const changed = feed.changes.map((change) => change.id);
    expect(changed.sort()).toEqual([listId, ...todoIds].sort());
  });
});
