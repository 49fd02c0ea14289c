import { INBOX_LIST_ID } from '@todolist/sdk/contract';
import { ListNotFoundError, OwnerOnlyError } from '../errors.js';
import { isGone } from './change-stamp.js';
import {
  LIST_SK_PREFIX,
  listKey,
  memberKey,
  ownerPartition,
  parseListSortKey,
  RANGE_END,
  SHARED_SK_PREFIX,
  sharedRefKey,
} from './keys.js';
import { inboxAccess, type ListAccess, type ListItem } from './list-item.js';
import { getMany, keyString, queryPages, type Table } from './table.js';

// Membership is decided on every request by the member item in the owner's partition. The
// reference in the member's own partition only says where to look: a reference whose member
// item is gone (the owner removed them, and the reference's delete has not happened yet or was
// lost in a crash) grants nothing.

/** A list another person shares with the caller, as the caller's partition records it. */
interface SharedRef {
  sk: string;
  ownerId: string;
}

/**
 * The list as the caller may use it: their Inbox, a list they own, or one shared with them
 * whose member item names them. Anything else is {@link ListNotFoundError}. One BatchGetItem
 * in the caller's partition; a shared list costs a second one in its owner's.
 */
export async function resolveList(
  table: Table,
  callerId: string,
  listId: string,
  options: { deleting?: boolean } = {},
): Promise<ListAccess> {
  if (listId === INBOX_LIST_ID) return inboxAccess(callerId);
  const own = listKey(callerId, listId);
  const ref = sharedRefKey(callerId, listId);
  const found = await getMany(table, [own, ref]);
  const owned = found.get(keyString(own)) as ListItem | undefined;
  // A list part-way through its deletion is gone, except to the retried delete that finishes it.
  if (owned && (!owned.deleting || options.deleting))
    return { listId, ownerId: callerId, role: 'owner', item: owned };
  const shared = found.get(keyString(ref)) as SharedRef | undefined;
  if (shared && !isGone(shared)) {
    const [access] = await verifyShared(table, callerId, [{ listId, ownerId: shared.ownerId }]);
    if (access) return access;
  }
  throw new ListNotFoundError(listId);
}

/** {@link resolveList}, for what only the owner may do: a member gets {@link OwnerOnlyError}. */
export async function resolveOwnList(
  table: Table,
  callerId: string,
  listId: string,
  action: string,
  options: { deleting?: boolean } = {},
): Promise<ListAccess> {
  const access = await resolveList(table, callerId, listId, options);
  if (access.role !== 'owner') throw new OwnerOnlyError(listId, action);
  return access;
}

/** The items of the person's partition whose sort keys lie between `from` and `to`, all pages. */
async function rowsBetween(table: Table, personId: string, from: string, to: string) {
  const rows: Record<string, unknown>[] = [];
  const pages = queryPages(table, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': ownerPartition(personId), ':from': from, ':to': to },
    ConsistentRead: true,
  });
  for await (const page of pages) rows.push(...(page.Items ?? []));
  return rows;
}

function sharedRefsOf(rows: readonly Record<string, unknown>[]) {
  return rows
    .filter((row) => String(row.sk).startsWith(SHARED_SK_PREFIX) && !isGone(row))
    .map((row) => ({ listId: String(row.sk).slice(SHARED_SK_PREFIX.length), ownerId: String(row.ownerId) }));
}

/**
 * The lists others share with the caller and still count them in: a Query of the caller's
 * references, then one BatchGetItem of each list and its member item (100 keys a call).
 */
export async function sharedLists(table: Table, callerId: string): Promise<ListAccess[]> {
  const rows = await rowsBetween(table, callerId, SHARED_SK_PREFIX, `${SHARED_SK_PREFIX}${RANGE_END}`);
  return verifyShared(table, callerId, sharedRefsOf(rows));
}

/**
 * Every list the person can see, for a listing: their own (with their people) and those shared
 * with them. One Query over the partition's `LIST#` to `SHARED#` items, which sort together
 * (lists, their members, name claims, the profile, references: all small, and bounded), then
 * the BatchGetItem that checks the shared ones.
 */
export async function everyListOf(
  table: Table,
  personId: string,
): Promise<{ own: OwnLists; shared: ListAccess[] }> {
  return listsFromRows(
    table,
    personId,
    await rowsBetween(table, personId, LIST_SK_PREFIX, `${SHARED_SK_PREFIX}${RANGE_END}`),
  );
}

/**
 * {@link everyListOf} from rows already read (the list items and pointers of the person's
 * partition, other rows ignored): only the BatchGetItem that checks the shared lists.
 */
export async function listsFromRows(
  table: Table,
  personId: string,
  rows: readonly Record<string, unknown>[],
): Promise<{ own: OwnLists; shared: ListAccess[] }> {
  const shared = await verifyShared(table, personId, sharedRefsOf(rows));
  return { own: ownListsOf(rows), shared };
}

/** The references whose list exists and whose member item still names the caller. */
async function verifyShared(
  table: Table,
  callerId: string,
  refs: readonly { listId: string; ownerId: string }[],
): Promise<ListAccess[]> {
  const keys = refs.flatMap(({ listId, ownerId }) => [
    listKey(ownerId, listId),
    memberKey(ownerId, listId, callerId),
  ]);
  const found = await getMany(table, keys);
  return refs.flatMap(({ listId, ownerId }) => {
    const item = found.get(keyString(listKey(ownerId, listId))) as ListItem | undefined;
    const member = found.get(keyString(memberKey(ownerId, listId, callerId)));
    if (!item || item.deleting || !member) return [];
    return [{ listId, ownerId, role: 'member' as const, item }];
  });
}

/** The lists the person owns (not the Inbox), and how many people besides them are on each. */
export interface OwnLists {
  lists: ListItem[];
  /** Members and invitations per list id. */
  people: Map<string, number>;
}

/**
 * Every list the person owns, with its members and invitations: one Query over the `LIST#`
 * items of their partition (at most MAX_LISTS lists, MAX_MEMBERS people each).
 */
export async function ownLists(table: Table, ownerId: string): Promise<OwnLists> {
  return ownListsOf(await rowsBetween(table, ownerId, LIST_SK_PREFIX, `${LIST_SK_PREFIX}${RANGE_END}`));
}

function ownListsOf(rows: readonly Record<string, unknown>[]): OwnLists {
  const lists: ListItem[] = [];
  const people = new Map<string, number>();
  for (const item of rows) {
    const parsed = parseListSortKey(String(item.sk));
    if (parsed?.kind === 'list') {
      if (!item.deleting) lists.push(item as unknown as ListItem);
    } else if (parsed) {
      people.set(parsed.listId, (people.get(parsed.listId) ?? 0) + 1);
    }
  }
  return { lists, people };
}
