import type { Todo } from '@todolist/sdk';
import { INBOX_LIST_ID, localDay } from '@todolist/sdk/contract';
import { letterOfPriority, projectOfList, recOfRecurrence } from '../import/apps/todotxt-words.js';

/**
 * A todo as one todo.txt line, as `todo import --from todotxt` reads it back: `x` and the day it
 * was done, the priority (`(A)` high, `(C)` low; `pri:` once done, as todo.txt keeps it), the day
 * it was made, the title, `+List_Name` (none for the Inbox), `@tags`, `due:` and `rec:`.
 * Notes and due times have no place on the line and are left out.
 */
export function todotxtLine(todo: Todo & { list: string }): string {
  const letter = letterOfPriority(todo.priority);
  const words = [
    ...(todo.completed ? ['x', localDay(new Date(todo.completedAt ?? todo.updatedAt))] : []),
    ...(letter && !todo.completed ? [`(${letter})`] : []),
    localDay(new Date(todo.createdAt)),
    todo.title,
    ...(todo.listId !== INBOX_LIST_ID && todo.list ? [projectOfList(todo.list)] : []),
    ...todo.tags.map((tag) => `@${tag}`),
    ...(todo.dueDate ? [`due:${todo.dueDate}`] : []),
    ...(todo.recurrence ? [recOfRecurrence(todo.recurrence)] : []),
    ...(letter && todo.completed ? [`pri:${letter}`] : []),
  ];
  return `${words.join(' ')}\n`;
}
