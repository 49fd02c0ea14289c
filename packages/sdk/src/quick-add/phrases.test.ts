import { describe, expect, it } from 'vitest';
import { expectedParse, phraseTable } from '../../test/support/phrase-table.js';
import { parseQuickAdd } from './parse.js';

// The shared table (phrases.json): the CLI and the API's tests read the same file, the same way.
const table = phraseTable;
const options = { now: new Date(table.now), timeZone: table.timeZone };
const expected = expectedParse;

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

describe('the quick-add phrase table, typed 42.345 s into the minute', () => {
  // A person never types at hh:mm:00.000: each phrase reads the same a little later in the minute
  // (a bare "wednesday" typed on a Wednesday is today, not next week).
  const later = { ...options, now: new Date(options.now.getTime() + 42_345) };
  it.each(table.phrases)('$text', (phrase) => {
    const { taken: _taken, ...parse } = parseQuickAdd(phrase.text, later);
    expect(parse).toEqual(expected(phrase));
  });
});
