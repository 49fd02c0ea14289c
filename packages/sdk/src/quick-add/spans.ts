// The parse takes words out of the text piece by piece; each piece claims its character range, so
// no two parts read the same characters and the title is what no part claimed.

/** A range of the text, `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** Whether `[start, end)` overlaps none of `spans`. */
export function isFree(spans: readonly Span[], start: number, end: number): boolean {
  return spans.every((span) => end <= span.start || start >= span.end);
}

/** The matches of a global `pattern` in `text` that overlap none of `spans`. */
export function* freeMatches(
  pattern: RegExp,
  text: string,
  spans: readonly Span[],
): Generator<RegExpExecArray> {
  for (const match of text.matchAll(pattern)) {
    if (isFree(spans, match.index, match.index + match[0].length)) yield match;
  }
}

/** The text with every span blanked out by spaces, so other parts cannot read it and positions hold. */
export function blankOut(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

/**
 * The text without `spans`, its spaces collapsed: what is left for the title. A word taken before
 * a comma or a full stop leaves no space in front of it: "Pay rent #home, then" is "Pay rent, then".
 */
export function withoutSpans(text: string, spans: readonly Span[]): string {
  return blankOut(text, spans)
    .replace(/\s+/g, ' ')
    .replace(/ ([,;:.!?])(?=\s|$)/g, '$1')
    .trim();
}
