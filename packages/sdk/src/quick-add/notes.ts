import { NOTES_SEPARATOR } from './sigils.js';
import { isFree, type Span } from './spans.js';
import type { Taken } from './types.js';

/** The notes: everything after the first ` // ` outside kept text, or nothing when the notes are blank. */
export function takeNotes(text: string, kept: readonly Span[]): { notes: string; taken: Taken } | undefined {
  for (let at = text.indexOf(NOTES_SEPARATOR); at !== -1; at = text.indexOf(NOTES_SEPARATOR, at + 1)) {
    if (!isFree(kept, at, at + NOTES_SEPARATOR.length)) continue;
    const notes = text.slice(at + NOTES_SEPARATOR.length).trim();
    if (!notes) return undefined;
    // The chip starts at the slashes: the space before them belongs to neither side.
    return { notes, taken: { kind: 'notes', text: text.slice(at + 1), start: at + 1, end: text.length } };
  }
  return undefined;
}
