import { type FilterContext, type FilterNode, INBOX_LIST_ID, sameListName } from '@todolist/sdk/contract';
import { everyListOf } from './list-access.js';
import { listIdOf } from './list-item.js';
import type { Table } from './table.js';
import { dayIn, timeIn } from './zone-clock.js';

/** Whether the filter names a list (`@name`) or asks for `shared`: only then are the lists read. */
function readsLists(node: FilterNode): boolean {
  switch (node.kind) {
    case 'and':
    case 'or':
      return readsLists(node.left) || readsLists(node.right);
    case 'not':
      return readsLists(node.operand);
    default:
      return node.kind === 'list' || node.kind === 'shared';
  }
}

/**
 * What a listing's filter is read against: the caller's day and time in `timeZone`, and the
 * names and sharing of every list they can see (one Query and the BatchGetItem that checks the
 * shared ones, and only when the filter asks).
 */
export async function filterContextFor(
  table: Table,
  callerId: string,
  filter: FilterNode,
  timeZone: string,
  now: Date,
): Promise<FilterContext> {
  const names = new Map<string, string>([[INBOX_LIST_ID, 'Inbox']]);
  const shared = new Set<string>();
  if (readsLists(filter)) {
    const { own, shared: sharedWithMe } = await everyListOf(table, callerId);
    for (const item of own.lists) {
      names.set(listIdOf(item), item.name);
      if ((own.people.get(listIdOf(item)) ?? 0) > 0) shared.add(listIdOf(item));
    }
    for (const access of sharedWithMe) {
      if (access.item) names.set(access.listId, access.item.name);
      shared.add(access.listId);
    }
  }
  return {
    today: dayIn(timeZone, now),
    now: timeIn(timeZone, now),
    listNamed: (listId, name) => {
      const listName = names.get(listId);
      return listName !== undefined && sameListName(listName, name);
    },
    isShared: (listId) => shared.has(listId),
  };
}
