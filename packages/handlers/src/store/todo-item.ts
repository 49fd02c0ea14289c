import {
  type Completion,
  dueOrderKey,
  INBOX_LIST_ID,
  type OrderFields,
  priorityOrderKey,
  type Recurrence,
  searchFold,
  type Todo,
  type TodoCreate,
} from '@todolist/sdk/contract';
import { CHANGE_STAMP, type GoneReason, newChangeStamp, tombstoneAttributes } from './change-stamp.js';
import { idFromSortKey, ownerOfPartition, todoKey } from './keys.js';
import { TODO_INDEXES } from './table-schema.js';
import type { UpdateExpression } from './update-expression.js';

/** A todo as stored in DynamoDB: the API's fields, absent ones left out, plus keys and index keys. */
export interface TodoItem {
  pk: string;
  sk: string;
  title: string;
  notes?: string;
  completed: boolean;
  completedAt?: string;
  dueDate?: string;
  /** `HH:MM`, only with a `dueDate`. */
  dueTime?: string;
  /** Its repeat, only with a `dueDate`: completing it moves the due day on (next-occurrence.ts). */
  recurrence?: Recurrence;
  /** A repeating todo's last completions, the latest last. */
  completions?: Completion[];
  /**
   * The title and notes folded as search compares them (`searchFold`: case and accents off),
   * for `q=`'s filter. Absent on todos written before search: they match their text as written.
   */
  searchTitle?: string;
  searchNotes?: string;
  priority: Todo['priority'];
  tags: string[];
  listId: string;
  position: string;
  /** byList's sort key, see {@link listOrder}. */
  listOrder: string;
  /** byPosition's sort key, see {@link positionOrder}. */
  positionOrder: string;
  /** byDue's and byPriority's sort keys, see {@link orderAttributes}. Absent on items older than sort=due. */
  dueOrder?: string;
  priorityOrder?: string;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  /**
   * Set while the todo moves to a list in another partition (move-across.ts): the partition
   * owner its copy goes to. A reader that meets it looks for the copy there.
   */
  movingTo?: string;
  /** byChange's sort key: when it last changed (change-stamp.ts). Absent on items older than the feed. */
  changeStamp?: string;
  /**
   * The lists of this partition it has moved out of: their members hear it left their view
   * (the changes feed), though the todo is now on a list they cannot see.
   */
  leftLists?: Set<string>;
  /** Set on a tombstone: the todo is gone (deleted, or moved to another partition), see change-stamp.ts. */
  gone?: GoneReason;
  /** On the tombstone of a move to another partition: where the todo went (its owner and list). */
  movedToOwner?: string;
  movedToList?: string;
}

/**
 * What a todo's tombstone drops: everything but its key, list, version and who changed it
 * last. Without the index keys it leaves byList, byPosition, byDue and byPriority, so no listing reads it.
 */
export const TOMBSTONE_REMOVES = [
  'title',
  'notes',
  'completed',
  'completedAt',
  'dueDate',
  'dueTime',
  'recurrence',
  'completions',
  'searchTitle',
  'searchNotes',
  'priority',
  'tags',
  'position',
  TODO_INDEXES.byList.sortKey,
  TODO_INDEXES.byPosition.sortKey,
  TODO_INDEXES.byDue.sortKey,
  TODO_INDEXES.byPriority.sortKey,
  'createdBy',
  'createdAt',
  'movingTo',
] as const;

/** Where a todo is: its list and its place in that list's order. */
export interface TodoPlace {
  listId: string;
  position: string;
}

/** byList's sort key: a list's todos together, in id (creation) order. */
export function listOrder(listId: string, id: string): string {
  return `${listId}#${id}`;
}

/**
 * byPosition's sort key: a list's todos together, by position, then id. `#` sorts below every
 * position digit, so a position sorts before its own extensions, as fractional indexing orders them.
 */
export function positionOrder(listId: string, position: string, id: string): string {
  return `${listId}#${position}#${id}`;
}

/** The patch fields that change {@link orderAttributes}: a write of any of them rewrites both keys. */
export const ORDER_FIELDS = ['dueDate', 'dueTime', 'priority'] as const;

/**
 * byDue's and byPriority's sort keys: by due day and time, then priority, then creation (sort=due);
 * by priority, then due, then creation (sort=priority). Written with every create and with every
 * change of a due day, time or priority, from the whole todo as it will be.
 */
export function orderAttributes(id: string, fields: OrderFields) {
  return {
    [TODO_INDEXES.byDue.sortKey]: dueOrderKey(id, fields),
    [TODO_INDEXES.byPriority.sortKey]: priorityOrderKey(id, fields),
  } as const;
}

/** The index attributes of a todo at a place: written whenever the place changes. */
export function placeAttributes(id: string, place: TodoPlace) {
  return {
    listId: place.listId,
    position: place.position,
    [TODO_INDEXES.byList.sortKey]: listOrder(place.listId, id),
    [TODO_INDEXES.byPosition.sortKey]: positionOrder(place.listId, place.position, id),
  } as const;
}

/** The API's view of a stored todo. */
export function toTodo(item: TodoItem): Todo {
  // Items written before lists (on a table that was not migrated) have no list or authors: the
  // Inbox of the partition's owner, who made them.
  const owner = ownerOfPartition(item.pk);
  return {
    id: idFromSortKey(item.sk),
    title: item.title,
    notes: item.notes ?? null,
    completed: item.completed,
    completedAt: item.completedAt ?? null,
    dueDate: item.dueDate ?? null,
    dueTime: item.dueTime ?? null,
    recurrence: item.recurrence ?? null,
    completions: item.completions ?? [],
    priority: item.priority,
    tags: item.tags ?? [],
    listId: item.listId ?? INBOX_LIST_ID,
    position: item.position ?? '',
    createdBy: item.createdBy ?? owner,
    updatedBy: item.updatedBy ?? item.createdBy ?? owner,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

/** The folded title and notes a create writes (none for absent notes). */
export function searchAttributes(fields: { title?: string | undefined; notes?: string | null | undefined }) {
  return {
    ...(fields.title !== undefined ? { searchTitle: searchFold(fields.title) } : {}),
    ...(fields.notes ? { searchNotes: searchFold(fields.notes) } : {}),
  };
}

/** A repeat as it is kept: `fromCompletion` said, false when the input left it out. */
export function storedRecurrence(input: NonNullable<TodoCreate['recurrence']>): Recurrence {
  return { rrule: input.rrule, fromCompletion: input.fromCompletion ?? false, timeZone: input.timeZone };
}

/** A new todo's item: version 1, absent fields left out, `completedAt` stamped if created done. */
export function newTodoItem(
  partitionOwner: string,
  id: string,
  input: Omit<TodoCreate, 'listId'>,
  now: string,
  place: TodoPlace,
  by: string,
): TodoItem {
  const completed = input.completed ?? false;
  return {
    ...todoKey(partitionOwner, id),
    title: input.title,
    ...(input.notes ? { notes: input.notes } : {}),
    ...searchAttributes(input),
    completed,
    ...(completed ? { completedAt: now } : {}),
    ...(input.dueDate ? { dueDate: input.dueDate } : {}),
    ...(input.dueDate && input.dueTime ? { dueTime: input.dueTime } : {}),
    ...(input.dueDate && input.recurrence ? { recurrence: storedRecurrence(input.recurrence) } : {}),
    priority: input.priority ?? 'normal',
    tags: input.tags ?? [],
    ...placeAttributes(id, place),
    ...orderAttributes(id, {
      dueDate: input.dueDate ?? null,
      dueTime: (input.dueDate && input.dueTime) || null,
      priority: input.priority ?? 'normal',
    }),
    createdBy: by,
    updatedBy: by,
    createdAt: now,
    updatedAt: now,
    version: 1,
    [CHANGE_STAMP]: newChangeStamp(),
  };
}

/**
 * The UpdateItem that turns a todo into its tombstone at `now`: the feed's "gone" for its
 * `reason`, with the list it went to when it moved to another partition. The version goes up,
 * as with every change.
 */
export function todoTombstone(
  now: Date,
  by: string,
  gone: { reason: GoneReason; movedTo?: { ownerId: string; listId: string } },
): UpdateExpression {
  const set: Record<string, string | number> = {
    ...tombstoneAttributes(now, gone.reason),
    updatedAt: now.toISOString(),
    updatedBy: by,
    ...(gone.movedTo ? { movedToOwner: gone.movedTo.ownerId, movedToList: gone.movedTo.listId } : {}),
  };
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':one': 1 };
  const assignments = ['#version = #version + :one'];
  for (const [field, value] of Object.entries(set)) {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    assignments.push(`#${field} = :${field}`);
  }
  for (const field of TOMBSTONE_REMOVES) names[`#${field}`] = field;
  return {
    UpdateExpression: `SET ${assignments.join(', ')} REMOVE ${TOMBSTONE_REMOVES.map((field) => `#${field}`).join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
