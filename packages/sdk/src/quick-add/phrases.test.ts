import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQuickAdd } from './parse.js';
import type { QuickAddParse } from './types.js';

// The shared table (phrases.json): the CLI and the API's tests read the same file.
interface Phrase extends Partial<Omit<QuickAddParse, 'taken' | 'recurrence'>> {
  text: string;
  title: string;
  rrule?: string;
  fromCompletion?: boolean;
}
const table = JSON.parse(readFileSync(new URL('./phrases.json', import.meta.url), 'utf8')) as {
  now: string;
  timeZone: string;
  phrases: Phrase[];
};
const options = { now: new Date(table.now), timeZone: table.timeZone };

/** The parse a row describes: every field the row leaves out is absent. */
function expected({
  text: _text,
  rrule,
  fromCompletion,
  tags,
  ...fields
}: Phrase): Omit<QuickAddParse, 'taken'> {
  const recurrence = rrule
    ? { recurrence: { rrule, fromCompletion: fromCompletion ?? false, timeZone: table.timeZone } }
    : {};
  return { ...fields, tags: tags ?? [], ...recurrence };
}

describe('the quick-add phrase table', () => {
  it('holds at least 150 phrases, each once', () => {
    const texts = table.phrases.map((phrase) => phrase.text);
    expect(texts.length).toBeGreaterThanOrEqual(150);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each(table.phrases)('$text', (phrase) => {
    const { taken, ...parse } = parseQuickAdd(phrase.text, options);
    expect(parse).toEqual(expected(phrase));
    // Each chip is the words as typed, where they are, in order and not overlapping.
    for (const [index, piece] of taken.entries()) {
      expect(phrase.text.slice(piece.start, piece.end)).toBe(piece.text);
      expect(piece.start).toBeGreaterThanOrEqual(taken[index - 1]?.end ?? 0);
    }
  });
});
