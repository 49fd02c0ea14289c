import { MAX_TAGS, Tag } from '../contract/index.js';
import { sigilWord, TAG_SIGIL } from './sigils.js';
import { freeMatches, type Span } from './spans.js';
import type { Taken } from './types.js';

// Any letters after `#` make a candidate; the contract's `Tag` decides, so a tag the API would
// refuse (`#café`, `#日本`, one longer than 32 characters) stays in the title rather than failing
// the create. A tag needs a letter: `#123` is an issue number, and `#` alone is just a sign.
const TAG_WORD = sigilWord(`${TAG_SIGIL}([\\p{L}\\p{N}_.-]*\\p{L}[\\p{L}\\p{N}_.-]*)`, 'u');

/** The tags, lowercase and each once; a repeat is taken too, and tags past the contract's limit stay. */
export function takeTags(text: string, claimed: readonly Span[]): { tags: string[]; taken: Taken[] } {
  const tags: string[] = [];
  const taken: Taken[] = [];
  for (const match of freeMatches(TAG_WORD, text, claimed)) {
    // A tag may end a sentence: "#home." is the tag home.
    const name = (match[1] ?? '').replace(/[.-]+$/, '');
    const tag = Tag.safeParse(name);
    if (!tag.success) continue;
    if (!tags.includes(tag.data)) {
      if (tags.length === MAX_TAGS) continue;
      tags.push(tag.data);
    }
    const end = match.index + 1 + name.length;
    taken.push({ kind: 'tag', text: text.slice(match.index, end), start: match.index, end });
  }
  return { tags, taken };
}
