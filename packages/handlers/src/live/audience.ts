import { INBOX_LIST_ID } from '@todolist/sdk/contract';
import { isGone } from '../store/change-stamp.js';
import {
  listMembersPrefix,
  ownerOfPartition,
  parseListSortKey,
  SHARED_SK_PREFIX,
  TODO_SK_PREFIX,
} from '../store/keys.js';
import { queryPages, type Table } from '../store/table.js';

// Who must hear that an item changed: everyone whose changes feed may now show something new
// (store/change-entries.ts decides what). Live pushes only poke ("read your feed"), so an extra
// person poked costs them one empty read; a person missed would wait for their next read. So
// this errs towards more: the partition's owner, and everyone on each list the item is or was on.

/** One written item, as a stream record (or the local gateway's record of a write) shows it. */
export interface ChangedItem {
  pk: string;
  sk: string;
  /** The item after the write and before it, those known (a stream gives both; the local gateway the new one). */
  images: readonly (Record<string, unknown> | undefined)[];
}

/** The ids of the people who may see a change to the item. */
export async function audienceOf(table: Table, changed: ChangedItem): Promise<Set<string>> {
  if (!changed.pk.startsWith('USER#')) return new Set();
  const owner = ownerOfPartition(changed.pk);
  if (changed.sk.startsWith(SHARED_SK_PREFIX)) return new Set([owner]);
  const lists = listsTouched(changed);
  if (lists === undefined) return new Set();
  const people = new Set([owner]);
  for (const listId of lists)
    for (const member of await membersOf(table, changed.pk, listId)) people.add(member);
  return people;
}

/** The lists of the owner's partition the item is about, or undefined when no feed shows it. */
function listsTouched(changed: ChangedItem): Set<string> | undefined {
  const images = changed.images.filter((image) => image !== undefined);
  if (changed.sk.startsWith(TODO_SK_PREFIX)) {
    const lists = new Set<string>();
    for (const image of images) {
      if (typeof image.listId === 'string') lists.add(image.listId);
      if (!isGone(image) && image.leftLists instanceof Set)
        for (const left of image.leftLists) lists.add(String(left));
    }
    lists.delete(INBOX_LIST_ID);
    return lists;
  }
  const parsed = parseListSortKey(changed.sk);
  return parsed ? new Set([parsed.listId]) : undefined;
}

/** The members of one of the owner's lists (a Query of its member items). */
async function membersOf(table: Table, pk: string, listId: string): Promise<string[]> {
  const prefix = listMembersPrefix(listId);
  const people: string[] = [];
  const pages = queryPages(table, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :members)',
    ExpressionAttributeValues: { ':pk': pk, ':members': prefix },
    ProjectionExpression: 'sk',
  });
  for await (const page of pages)
    for (const item of page.Items ?? []) people.push(String(item.sk).slice(prefix.length));
  return people;
}
