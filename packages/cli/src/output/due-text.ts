import type { Todo } from '@todolist/sdk';

// Imports nothing of the SDK's code (a type only): `todo add` and `todo edit` print with it
// without loading the contract at start-up.

/** A todo's due day with its time, as lines name it: `2026-12-24 09:00`, or the day alone. */
export function dueText(todo: Pick<Todo, 'dueDate' | 'dueTime'>): string {
  return `${todo.dueDate ?? ''}${todo.dueDate && todo.dueTime ? ` ${todo.dueTime}` : ''}`;
}
