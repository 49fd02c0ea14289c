import { INBOX_LIST_ID } from '@todolist/sdk/contract';
import { generateNKeysBetween } from 'fractional-indexing';
import { idFromSortKey, ownerOfPartition, TODO_SK_PREFIX } from './keys.js';
import { placeAttributes } from './todo-item.js';

/** The version of the items' shape this code writes: 2 since lists (1 was one flat list per person). */
export const ITEM_SHAPE_VERSION = 2;

type StoredItem = Record<string, unknown> & { pk: string; sk: string };

/**
 * Brings items written before lists to today's shape, for a migration that copies a table:
 * each todo without a list goes to its owner's Inbox, in creation order (its id's), and is
 * marked as made and last changed by that owner. Every other item, and every todo that has a
 * list already, is answered as it was; nothing is dropped. Takes the items of whole partitions,
 * in any order.
 */
export function upgradeItems(items: readonly StoredItem[]): StoredItem[] {
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
