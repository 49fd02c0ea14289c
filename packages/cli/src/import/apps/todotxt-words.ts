import type { Priority } from '@todolist/sdk/contract';
import { simpleEvery } from './app-rows.js';

// The todo.txt words both ways: `todo import --from todotxt` reads them, `todo export --format
// todotxt` writes them, so what one writes the other reads back.

/** `(A)` is high, `(B)` normal, `(C)` to `(Z)` low. */
export function priorityOfLetter(letter: string): Priority {
  return letter === 'A' ? 'high' : letter === 'B' ? 'normal' : 'low';
}

/** The letter a priority is written as; none for normal, the todo.txt default. */
export function letterOfPriority(priority: Priority): string | undefined {
  return priority === 'high' ? 'A' : priority === 'low' ? 'C' : undefined;
}

/** A list's name as a `+project` word: a word has no spaces, so they are written `_`. */
export const projectOfList = (name: string) => `+${name.trim().replace(/\s+/g, '_')}`;

/** The list a `+project` word names: `+Home_Repairs` is the list "Home Repairs". */
export const listOfProject = (word: string) => word.slice(1).replaceAll('_', ' ');

/** A todo's repeat as todo.txt words: `rec:+2w` (from its due day), `rec:2w` (from when it is done), else `rrule:…`. */
export function recOfRecurrence(recurrence: { rrule: string; fromCompletion: boolean }): string {
  const every = simpleEvery(recurrence.rrule);
  if (!every) return `rrule:${recurrence.rrule}`;
  return `rec:${recurrence.fromCompletion ? '' : '+'}${every.count}${every.unit}`;
}
