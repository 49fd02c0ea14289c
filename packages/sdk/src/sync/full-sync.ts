import type { TodolistClient } from '../index.js';
import { SyncedState } from './synced-state.js';

/** A full read of what a person can see, and the cursor to follow the feed from after it. */
export interface FullSync {
  state: SyncedState;
  cursor: string;
}

/**
 * Reads everything, in the order that loses nothing: a cursor for now first, then every todo
 * (of the lists not archived), every list (archived ones included), and the todos of each
 * archived list; what changes meanwhile comes again from the feed after the cursor.
 */
export async function fullSync(client: TodolistClient, signal: AbortSignal): Promise<FullSync> {
  const { cursor } = await client.changes.since(undefined, { signal });
  const state = new SyncedState();
  for await (const todo of client.todos.iterate({ status: 'all' }, { signal })) state.upsertTodo(todo);
  const archived: string[] = [];
  for await (const list of client.lists.iterate({ archived: 'include' }, { signal })) {
    state.upsertList(list);
    if (list.archived) archived.push(list.id);
  }
  for (const listId of archived) await loadTodosOf(client, state, listId, signal);
  return { state, cursor };
}

/**
 * Reads the todos of one list into the state: an archived list's, which the listing of every
 * todo leaves out, or a list newly shared with the person, whose todos the feed does not repeat.
 */
export async function loadTodosOf(
  client: TodolistClient,
  state: SyncedState,
  listId: string,
  signal: AbortSignal,
): Promise<void> {
  for await (const todo of client.todos.iterate({ listId, status: 'all' }, { signal }))
    state.upsertTodo(todo);
}
