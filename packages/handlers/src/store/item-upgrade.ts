import { INBOX_LIST_ID, type Priority } from '@todolist/sdk/contract';
import { generateNKeysBetween } from 'fractional-indexing';
import { isGone } from './change-stamp.js';
import { idFromSortKey, ownerOfPartition, TODO_SK_PREFIX } from './keys.js';
import { orderAttributes, placeAttributes } from './todo-item.js';

/** The version of the items' shape this code writes: 2 since lists (1 was one flat list per person). */
export const ITEM_SHAPE_VERSION = 2;

type StoredItem = Record<string, unknown> & { pk: string; sk: string };

/**
 * Brings items written before lists to today's shape, for a migration that copies a table:
 * each todo without a list goes to its owner's Inbox, in creation order (its id's), and is
 * marked as made and last changed by that owner; each todo without byDue's and byPriority's keys
 * (written before sort=due) gets them. Every other item is answered as it was; nothing is
 * dropped. Takes the items of whole partitions, in any order.
 */
export function upgradeItems(items: readonly StoredItem[]): StoredItem[] {
  return placeUnplaced(items).map(withOrderKeys);
}

/** A live todo with its byDue and byPriority keys; anything else as it was. */
function withOrderKeys(item: StoredItem): StoredItem {
  if (!item.sk.startsWith(TODO_SK_PREFIX) || isGone(item) || item.dueOrder !== undefined) return item;
  return {
    ...item,
    ...orderAttributes(idFromSortKey(item.sk), {
      dueDate: (item.dueDate as string | undefined) ?? null,
      dueTime: (item.dueTime as string | undefined) ?? null,
      priority: (item.priority as Priority | undefined) ?? 'normal',
    }),
  };
}

/** Todos without a list, each put in its owner's Inbox (lists came in shape 2). */
function placeUnplaced(items: readonly StoredItem[]): StoredItem[] {
  const unplaced = new Map<string, StoredItem[]>();
  for (const item of items) {
    if (item.sk.startsWith(TODO_SK_PREFIX) && item.listId === undefined) {
      unplaced.set(item.pk, [...(unplaced.get(item.pk) ?? []), item]);
    }
  }
  const upgraded = new Map<StoredItem, StoredItem>();
  for (const [pk, todos] of unplaced) {
    const owner = ownerOfPartition(pk);
    const inOrder = [...todos].sort((a, b) => (a.sk < b.sk ? -1 : 1));
    const positions = generateNKeysBetween(null, null, inOrder.length);
    inOrder.forEach((todo, at) => {
      upgraded.set(todo, {
        ...todo,
        ...placeAttributes(idFromSortKey(todo.sk), {
          listId: INBOX_LIST_ID,
          position: positions[at] as string,
        }),
        createdBy: owner,
        updatedBy: owner,
      });
    });
  }
  return items.map((item) => upgraded.get(item) ?? item);
}
