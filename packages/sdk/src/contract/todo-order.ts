import type { Todo } from './todo.js';

/** The fields a todo's due and priority orders are made of. */
export type OrderFields = Pick<Todo, 'dueDate' | 'dueTime' | 'priority'>;

// High first. One digit each, so the keys compare as strings.
const PRIORITY_RANK: Record<Todo['priority'], string> = { high: '1', normal: '2', low: '3' };

/**
 * When a todo is due, as a key that sorts as time does: the day, then its time (`T09:30`), a
 * day's timed todos before its untimed ones (`~` sorts after `T`), and no day after every day.
 */
function dueKey(fields: OrderFields): string {
  if (!fields.dueDate) return '~';
  return fields.dueTime ? `${fields.dueDate}T${fields.dueTime}` : `${fields.dueDate}~`;
}

/**
 * `sort=due`'s order as a string key: by due day and time, then priority, then creation (the id,
 * a ULID). The API's byDue index is keyed so; a client that orders todos itself compares these.
 */
export function dueOrderKey(id: string, fields: OrderFields): string {
  return `${dueKey(fields)}#${PRIORITY_RANK[fields.priority]}#${id}`;
}

/** `sort=priority`'s order as a string key: by priority, then due day and time, then creation. */
export function priorityOrderKey(id: string, fields: OrderFields): string {
  return `${PRIORITY_RANK[fields.priority]}#${dueKey(fields)}#${id}`;
}
