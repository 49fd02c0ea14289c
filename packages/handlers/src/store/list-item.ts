import { INBOX_LIST_ID, type List, type ListRole } from '@todolist/sdk/contract';
import { LIST_SK_PREFIX } from './keys.js';

/** A list as stored, in its owner's partition (the Inbox has no item). */
export interface ListItem {
  pk: string;
  sk: string;
  name: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Set when its deletion began: the list is gone for everyone, and a retried delete finishes it. */
  deleting?: boolean;
  /** byChange's sort key (change-stamp.ts): when it, or who is on it, last changed. */
  changeStamp?: string;
  /** Set on the tombstone a finished deletion leaves (it keeps `deleting` too). */
  gone?: string;
}

/** The id of a stored list, from its sort key. */
export function listIdOf(item: ListItem): string {
  return item.sk.slice(LIST_SK_PREFIX.length);
}

/** A list the person owns, as their access to it. */
export function ownListAccess(ownerId: string, item: ListItem): ListAccess {
  return { listId: listIdOf(item), ownerId, role: 'owner', item };
}

/** Which list a request is about, whose partition holds its todos, and the caller's part in it. */
export interface ListAccess {
  listId: string;
  /** The list's owner: its todos are in this person's partition. */
  ownerId: string;
  role: ListRole;
  /** The stored list; absent for the Inbox. */
  item?: ListItem;
}

/** The caller's Inbox: always there, in their own partition. */
export function inboxAccess(callerId: string): ListAccess {
  return { listId: INBOX_LIST_ID, ownerId: callerId, role: 'owner' };
}

/** The API's view of a list the caller can see. */
export function toList(access: ListAccess, counts: { openCount: number; shared: boolean }): List {
  const { item } = access;
  return {
    id: access.listId,
    name: item?.name ?? 'Inbox',
    inbox: item === undefined,
    archived: item?.archived ?? false,
    role: access.role,
    shared: counts.shared,
    ownerId: access.ownerId,
    openCount: counts.openCount,
    createdAt: item?.createdAt ?? null,
    updatedAt: item?.updatedAt ?? null,
    version: item?.version ?? 1,
  };
}
