import type { Change, ChangedList, ChangePage, List } from '../../src/index.js';
import { aTodo } from './api-answers.js';

/** A list id (a ULID) of the msw tests. */
export const LIST_ID = '01KMZ7X3Q4V8N2B6C9D1E5F7H1';

/** A list as the API answers it, with the given fields changed. */
export function aList(overrides: Partial<List> = {}): List {
  return {
    id: LIST_ID,
    name: 'Groceries',
    inbox: false,
    archived: false,
    role: 'owner',
    shared: false,
    ownerId: 'c0ffee00-0000-4000-8000-000000000001',
    openCount: 0,
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
    version: 1,
    ...overrides,
  };
}

/** A list as the feed shows it: without `openCount`. */
export function aChangedList(overrides: Partial<ChangedList> = {}): ChangedList {
  const { openCount: _counted, ...list } = aList(overrides);
  return list;
}

/** The feed's change for a todo made or changed. */
export function todoUpsert(overrides: Parameters<typeof aTodo>[0] = {}): Change {
  const todo = aTodo(overrides);
  return { type: 'todo', op: 'upsert', id: todo.id, todo };
}

/** A page of the feed. */
export function aPage(changes: Change[], cursor: string, hasMore = false): ChangePage {
  return { changes, cursor, hasMore };
}
