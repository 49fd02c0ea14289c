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

/** What todo.txt reads a word of a task's text as, wherever it is (it has no escaping). */
export type WordKind = 'project' | 'context' | 'key:value';

/** What todo.txt reads `word` as: `+2` a project, `@ana` a context, `16:9,` a key:value (not `https://…`); else undefined, a word of the title. */
export function wordKind(word: string): WordKind | undefined {
  if (word.length > 1 && word.startsWith('+')) return 'project';
  if (word.length > 1 && word.startsWith('@')) return 'context';
  const pair = /^([^\s:]+):[^\s:]+$/.exec(word);
  return pair?.[1] && !/^https?$/.test(pair[1]) ? 'key:value' : undefined;
}

/** The words of a title that todo.txt would read as something else, each with what: what an export cannot write as a title. */
export const misreadWords = (title: string) =>
  title.split(/\s+/).flatMap((word) => {
    const kind = wordKind(word);
    return kind ? [{ word, kind }] : [];
  });
