import { readFileSync } from 'node:fs';
import type { QuickAddParse } from '../../src/quick-add/types.js';

// The quick-add phrase table (src/quick-add/phrases.json) as every entry point's test reads it:
// the SDK's module (src/quick-add/phrases.test.ts), the API's route (packages/handlers) and
// `todo add` (packages/cli). One reading, so the three cannot disagree on what a row means.

/** A row: the text, and the parse's fields it gives; a field left out is absent (tags: none). */
export interface Phrase extends Partial<Omit<QuickAddParse, 'taken' | 'recurrence'>> {
  text: string;
  title: string;
  /** The recurrence's rule, in the table's zone. */
  rrule?: string;
  fromCompletion?: boolean;
}

/** The table: read at `now` in `timeZone` (a Wednesday, 11:00 in Paris). */
export const phraseTable = JSON.parse(
  readFileSync(new URL('../../src/quick-add/phrases.json', import.meta.url), 'utf8'),
) as { now: string; timeZone: string; phrases: Phrase[] };

/** The parse a row describes, `taken` aside: every field the row leaves out is absent. */
export function expectedParse({
  text: _text,
  rrule,
  fromCompletion,
  tags,
  ...fields
}: Phrase): Omit<QuickAddParse, 'taken'> {
  const recurrence = rrule
    ? { recurrence: { rrule, fromCompletion: fromCompletion ?? false, timeZone: phraseTable.timeZone } }
    : {};
  return { ...fields, tags: tags ?? [], ...recurrence };
}
