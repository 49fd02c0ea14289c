import { INBOX_LIST_ID, sameListName } from '@todolist/sdk/contract';
import { everyListOf } from './list-access.js';
import { ownListAccess } from './list-item.js';
import type { Table } from './table.js';

/**
 * The id of the list the caller means by `name`, or undefined when no list they can see has it.
 * Names compare as the name claims do (case aside: {@link sameListName}); `Inbox` is the Inbox.
 * A list that is not archived wins, then the caller's own over one shared with them (their own
 * names are unique; a shared list may have the name of one of theirs). One Query of the
 * caller's lists and references, and the BatchGetItem that checks the shared ones.
 */
export async function listIdNamed(table: Table, callerId: string, name: string): Promise<string | undefined> {
  if (sameListName(name, 'Inbox')) return INBOX_LIST_ID;
  const { own, shared } = await everyListOf(table, callerId);
  const named = [...own.lists.map((item) => ownListAccess(callerId, item)), ...shared].filter(
    (access) => access.item !== undefined && sameListName(access.item.name, name),
  );
  return (named.find((access) => !access.item?.archived) ?? named[0])?.listId;
}
