import type { Span } from './spans.js';

// What the parse never reads, and leaves in the title as typed: text in double quotes (the
// person's own way to say "this is title"), web addresses and e-mail addresses, whose `#`, `@`,
// `//` and digits are not tags, lists, notes or dates.
const KEPT = [
  /(?<!@)"[^"]*"|“[^”]*”/g,
  /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi,
  /\bwww\.\S+/gi,
  /[^\s@"]+@[^\s@"]+\.[^\s@"]+/g,
];

/** The ranges of `text` to keep as they are, in no particular order (they may overlap). */
export function keptSpans(text: string): Span[] {
  return KEPT.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length })),
  );
}
