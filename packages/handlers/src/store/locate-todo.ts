import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ListNotFoundError } from '../errors.js';
import { isGone } from './change-stamp.js';
import { idFromSortKey, todoKey } from './keys.js';
import { resolveList, sharedLists } from './list-access.js';
import type { ListAccess } from './list-item.js';
import { getMany, keyString, type Table } from './table.js';
import type { TodoItem } from './todo-item.js';

/** A todo the caller may see, and the list it is on. */
export interface LocatedTodo {
  item: TodoItem;
  access: ListAccess;
  /** The original of a move that stopped after making its copy: a change deletes it (finishing the move). */
  leftover?: TodoItem;
}

async function getTodoItem(table: Table, ownerId: string, id: string): Promise<TodoItem | undefined> {
  const { Item } = await table.client.send(
    new GetCommand({ TableName: table.name, Key: todoKey(ownerId, id), ConsistentRead: true }),
  );
  return isGone(Item) ? undefined : (Item as TodoItem | undefined);
}

/** A todo of the caller's own partition: on one of their own lists. */
export function ownAccess(callerId: string, item: TodoItem): ListAccess {
  return { listId: item.listId, ownerId: callerId, role: 'owner' };
}

/**
 * Where the caller's todo `id` is. First their own partition (one GetItem: the Inbox and their
 * own lists); else the lists shared with them (a Query of their references, one BatchGetItem of
 * the lists and member items, one of the todo in each owner's partition). A todo part-way
 * through a move to another partition (move-across.ts) is found where the move put it.
 */
export async function locateTodo(
  table: Table,
  callerId: string,
  id: string,
  /** The caller's own key, when the caller read it already (a write's failed condition did). */
  ownRead?: { item: TodoItem | undefined },
): Promise<LocatedTodo | undefined> {
  const own = ownRead ? ownRead.item : await getTodoItem(table, callerId, id);
  if (own) return followMove(table, callerId, { item: own, access: ownAccess(callerId, own) });
  const shared = await sharedLists(table, callerId);
  if (shared.length === 0) return undefined;
  const owners = [...new Set(shared.map((access) => access.ownerId))];
  const found = await getMany(
    table,
    owners.map((ownerId) => todoKey(ownerId, id)),
  );
  for (const ownerId of owners) {
    const stored = found.get(keyString(todoKey(ownerId, id)));
    const item = isGone(stored) ? undefined : (stored as TodoItem | undefined);
    const access = item && shared.find((list) => list.ownerId === ownerId && list.listId === item.listId);
    if (item && access) return followMove(table, callerId, { item, access });
  }
  return undefined;
}

/**
 * A todo marked as moving: its copy, if the move made one, is the todo (when the caller may see
 * it; else the caller no longer can); without a copy, the move never got that far, and the
 * original stands.
 */
async function followMove(
  table: Table,
  callerId: string,
  located: LocatedTodo,
): Promise<LocatedTodo | undefined> {
  const target = located.item.movingTo;
  if (target === undefined) return located;
  const copy = await getTodoItem(table, target, idFromSortKey(located.item.sk));
  if (!copy) return located;
  const leftover = located.item;
  if (target === callerId) return { item: copy, access: ownAccess(callerId, copy), leftover };
  try {
    return { item: copy, access: await resolveList(table, callerId, copy.listId), leftover };
  } catch (error) {
    if (error instanceof ListNotFoundError) return undefined;
    throw error;
  }
}
