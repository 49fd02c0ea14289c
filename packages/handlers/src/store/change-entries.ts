import type { Change, ChangedList } from '@todolist/sdk/contract';
import { isGone } from './change-stamp.js';
import { idFromSortKey, parseListSortKey, SHARED_SK_PREFIX, TODO_SK_PREFIX } from './keys.js';
import type { ListAccess, ListItem } from './list-item.js';
import { toList } from './list-item.js';
import { type TodoItem, toTodo } from './todo-item.js';

// What one changed item means to the reader of the feed: a todo or a list made, changed or
// gone, or nothing they may see. The feed (changes-feed.ts) reads the items; this decides.

/** What the reader can see, as far as a page of the feed needs it. */
export interface ReaderView {
  readerId: string;
  /** The lists others share with the reader (their member item names them), by id. */
  shared: ReadonlyMap<string, ListAccess>;
}

/**
 * What a changed item asks of the page: a change to show as it is, or a list to show in its
 * current state (a member or an invitation changed, so the list's people did), or nothing.
 */
export type Entry =
  | { change: Change }
  | {
      listChanged: {
        ownerId: string;
        listId: string;
        /** The list's own item when that is what changed: as the feed's Query read it. */
        item?: ListItem;
      };
    }
  | undefined;

/** Whether the reader sees a list: their own (in their partition) or one shared with them. */
function sees(view: ReaderView, ownerId: string, listId: string): boolean {
  return ownerId === view.readerId || view.shared.has(listId);
}

/**
 * A changed item of the reader's own partition or of a shared list's owner's; `ownerId` is
 * the partition's. In another's partition the feed reads only what touches the lists shared
 * with the reader (a filter), but a todo may still have moved off them.
 */
export function entryOf(item: Record<string, unknown>, ownerId: string, view: ReaderView): Entry {
  const sk = String(item.sk);
  if (sk.startsWith(TODO_SK_PREFIX)) return todoEntry(item as unknown as TodoItem, ownerId, view);
  if (sk.startsWith(SHARED_SK_PREFIX)) return referenceEntry(item, sk.slice(SHARED_SK_PREFIX.length), view);
  const parsed = parseListSortKey(sk);
  if (!parsed || !sees(view, ownerId, parsed.listId)) return undefined;
  if (parsed.kind !== 'list') return { listChanged: { ownerId, listId: parsed.listId } };
  const list = item as unknown as ListItem;
  if (list.deleting || isGone(list)) {
    return { change: { type: 'list', op: 'delete', id: parsed.listId, reason: 'deleted' } };
  }
  return { listChanged: { ownerId, listId: parsed.listId, item: list } };
}

function todoEntry(item: TodoItem, ownerId: string, view: ReaderView): Entry {
  const id = idFromSortKey(item.sk);
  const visible = sees(view, ownerId, item.listId);
  if (isGone(item)) {
    if (!visible) return undefined;
    // Moved to a list the reader sees too: the copy's upsert says where it is now.
    const { movedToOwner, movedToList } = item;
    if (
      item.gone === 'moved' &&
      movedToOwner !== undefined &&
      movedToList !== undefined &&
      sees(view, movedToOwner, movedToList)
    ) {
      return undefined;
    }
    const reason = item.gone === 'moved' ? 'moved' : 'deleted';
    return { change: { type: 'todo', op: 'delete', id, listId: item.listId, reason } };
  }
  if (visible) return { change: { type: 'todo', op: 'upsert', id, todo: toTodo(item) } };
  // On a list the reader cannot see, but it left one they can: it moved out of their view.
  const left = [...(item.leftLists ?? [])].find((listId) => sees(view, ownerId, listId));
  return left === undefined
    ? undefined
    : { change: { type: 'todo', op: 'delete', id, listId: left, reason: 'moved' } };
}

/** The reader's reference to a list shared with them: made (the list is theirs to see now) or ended. */
function referenceEntry(item: Record<string, unknown>, listId: string, view: ReaderView): Entry {
  if (isGone(item)) {
    const reason = item.gone === 'membership_ended' ? 'membership_ended' : 'deleted';
    return { change: { type: 'list', op: 'delete', id: listId, reason } };
  }
  const access = view.shared.get(listId);
  return access ? { listChanged: { ownerId: access.ownerId, listId } } : undefined;
}

/** A list as the feed shows it: the API's list without the open count. */
export function changedList(access: ListAccess, shared: boolean): ChangedList {
  const { openCount: _notFollowed, ...list } = toList(access, { openCount: 0, shared });
  return list;
}
