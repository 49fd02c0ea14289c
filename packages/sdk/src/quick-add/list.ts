import { LIST_SIGIL, sigilWord } from './sigils.js';
import { freeMatches, type Span } from './spans.js';
import type { Taken } from './types.js';

// `@name`, or `@"a name with spaces"`. The name is given as typed; the caller finds the list
// (by name, ignoring case, as the person sees it) and picks its id.
const LIST_WORD = sigilWord(`${LIST_SIGIL}(?:"([^"]+)"|([\\p{L}\\p{N}][\\p{L}\\p{N}_.'-]*))`, 'u');

/** The list's name: the last one written wins; every one is taken. */
export function takeList(text: string, claimed: readonly Span[]): { list?: string; taken: Taken[] } {
  const taken: Taken[] = [];
  let list: string | undefined;
  for (const match of freeMatches(LIST_WORD, text, claimed)) {
    const quoted = match[1]?.trim();
    const name = quoted ?? (match[2] ?? '').replace(/[.'-]+$/, '');
    if (!name) continue;
    list = name;
    const end = quoted === undefined ? match.index + 1 + name.length : match.index + match[0].length;
    taken.push({ kind: 'list', text: text.slice(match.index, end), start: match.index, end });
  }
  return list ? { list, taken } : { taken };
}
