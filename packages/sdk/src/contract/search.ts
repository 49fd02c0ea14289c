import * as z from 'zod/mini';

// Search ignores case and accents, the same on every side: the API keeps each todo's title and
// notes folded so (handlers: store/todo-item.ts), and a client can fold what it shows to match.

/**
 * Text as search compares it: accents off (`é` is `e`, `ß` stays), lower case, spaces collapsed.
 *
 * @example
 * ```ts
 * searchFold('Crème Brûlée  RECIPE'); // 'creme brulee recipe'
 * ```
 */
export function searchFold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/** The words of a search, folded, each once: a todo matches when its title or notes hold every one. */
export function searchWords(query: string): string[] {
  return [...new Set(searchFold(query).split(' ').filter(Boolean))];
}

/**
 * Whether the todo's title or notes hold every one of the words ({@link searchWords}), each in
 * either: what `q=` finds, for a client that searches the todos it has.
 */
export function searchMatches(
  todo: { title: string; notes: string | null },
  words: readonly string[],
): boolean {
  const title = searchFold(todo.title);
  const notes = todo.notes ? searchFold(todo.notes) : '';
  return words.every((word) => title.includes(word) || notes.includes(word));
}

/** Longest search accepted, in characters. */
export const MAX_SEARCH_LENGTH = 100;

/** A search as `listTodos` takes it (`q=`): words, 1 to {@link MAX_SEARCH_LENGTH} characters. */
export const SearchQuery = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, `q must be 1–${MAX_SEARCH_LENGTH} characters of words to search for`),
    z.maxLength(MAX_SEARCH_LENGTH, `q must be 1–${MAX_SEARCH_LENGTH} characters of words to search for`),
  );
