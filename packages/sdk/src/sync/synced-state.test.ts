import { describe, expect, it } from 'vitest';
import { aTodo } from '../../test/support/api-answers.js';
import { aChangedList, aList, LIST_ID } from '../../test/support/feed-answers.js';
import { SyncedState } from './synced-state.js';

// How the synced store's state takes each change of the feed: the rules a client that follows
// the feed must keep, whatever order the changes come in.

const OTHER_TODO = '01KMZ7X3Q4V8N2B6C9D1E5F7G1';
const OTHER_LIST = '01KMZ7X3Q4V8N2B6C9D1E5F7H2';

function stateWith(): SyncedState {
  const state = new SyncedState();
  state.upsertList(aList({ id: 'inbox', inbox: true, name: 'Inbox', openCount: 99 }));
  state.upsertList(aList());
  state.upsertTodo(aTodo({ listId: LIST_ID }));
  state.takeChanges();
  return state;
}

describe('the synced state', () => {
  it('counts each list’s open todos from the todos it holds, not from the counts it is given', () => {
    const state = stateWith();
    state.upsertTodo(aTodo({ id: OTHER_TODO, listId: LIST_ID, completed: true }));

    expect(state.snapshot().lists.map((list) => [list.id, list.openCount])).toEqual([
      ['inbox', 0],
      [LIST_ID, 1],
    ]);
  });

  it('keeps the higher version of a todo: an older one that comes late changes nothing', () => {
    const state = stateWith();
    state.upsertTodo(aTodo({ listId: LIST_ID, title: 'v3', version: 3 }));
    state.takeChanges();

    state.upsertTodo(aTodo({ listId: LIST_ID, title: 'v2', version: 2 }));

    expect(state.snapshot().todos.map((todo) => todo.title)).toEqual(['v3']);
    expect(state.takeChanges()).toBeUndefined();
  });

  it('takes a list at the same version again: who is on it changes without its version', () => {
    const state = stateWith();

    state.upsertList(aChangedList({ shared: true }));

    expect(state.snapshot().lists[1]).toMatchObject({ shared: true, openCount: 1 });
  });

  it('says what changed: the todo, and the lists whose counts it moved', () => {
    const state = stateWith();

    state.upsertTodo(aTodo({ listId: 'inbox', version: 2 }));

    expect(state.takeChanges()).toEqual({
      full: false,
      lists: {
        upserted: [
          expect.objectContaining({ id: LIST_ID, openCount: 0 }),
          expect.objectContaining({ id: 'inbox', openCount: 1 }),
        ],
        deleted: [],
      },
      todos: { upserted: [expect.objectContaining({ listId: 'inbox', version: 2 })], deleted: [] },
    });
  });

  it('a list gone takes its todos with it, and says so for each', () => {
    const state = stateWith();
    state.upsertTodo(aTodo({ id: OTHER_TODO, listId: 'inbox' }));
    state.takeChanges();

    state.deleteList(LIST_ID);

    expect(state.snapshot().todos.map((todo) => todo.id)).toEqual([OTHER_TODO]);
    expect(state.takeChanges()).toMatchObject({
      lists: { upserted: [], deleted: [LIST_ID] },
      todos: { upserted: [], deleted: [aTodo().id] },
    });
  });

  it('a todo deleted is gone and counted out; one deleted and made again in one page is there', () => {
    const state = stateWith();
    state.deleteTodo(aTodo().id);
    expect(state.snapshot()).toMatchObject({ todos: [], lists: [{ openCount: 0 }, { openCount: 0 }] });

    state.upsertTodo(aTodo({ listId: LIST_ID }));
    expect(state.takeChanges()?.todos).toEqual({ upserted: [aTodo({ listId: LIST_ID })], deleted: [] });
  });

  it('counts todos of a list it does not hold yet, for when the list comes', () => {
    const state = new SyncedState();
    state.upsertTodo(aTodo({ listId: OTHER_LIST }));

    state.upsertList(aChangedList({ id: OTHER_LIST }));

    expect(state.snapshot().lists).toEqual([aList({ id: OTHER_LIST, openCount: 1 })]);
  });
});
