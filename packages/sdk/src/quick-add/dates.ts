import { casual, type ParsedResult, type ParsingResult, type Refiner } from 'chrono-node/en';
import { type Day, formatDay } from '../contract/calendar.js';
import { blankOut, isFree, type Span } from './spans.js';
import type { Taken } from './types.js';

// chrono-node reads the dates and times (its English casual parser: "tomorrow", "next monday",
// "dec 24", "24/12", "in 3 days", "+2w", "end of month", "5pm"), with `forwardDate` so a day
// that has passed this year means its next one, as in Todoist ("dec 1" on Dec 2 is next year's).
// What it would find in ordinary titles is refused before its results are merged, so a refused
// word stays in the title and cannot drag a neighbour in with it.

const PHRASE_IN_TEXT = /^(?:in|within|next|this|last)\b|^[+-]\d|\b(?:from now|later|ago)$/i;
// Weekday abbreviations that are English words: "buy sun cream", "sat down".
const WORDS_NOT_DAYS = new Set(['sun', 'sat', 'wed']);

/** Whether chrono's `result` is one a title holds by chance rather than a date the person meant. */
function isChance(result: ParsingResult): boolean {
  const text = result.text.trim().toLowerCase();
  const tags = result.tags();
  // "March for science", "Call May": a month name alone; "May 5" is a date.
  if (tags.has('parser/ENMonthNameParser') && !result.start.isCertain('day')) return true;
  // "take a day off", "wait a week": a duration, not "in a week".
  if (tags.has('result/relativeDate') && !PHRASE_IN_TEXT.test(text)) return true;
  // "do it now" names no day worth setting; "Meeting at 3", "Buy 3 eggs at 5": an hour without
  // am/pm or minutes is a count as often as a time.
  if (tags.has('casualReference/now')) return true;
  if (tags.has('parser/ENTimeExpressionParser') && !/\d[:.]\d\d|[ap]\.?m\b/i.test(text)) {
    return (result.start.get('hour') ?? 0) <= 12;
  }
  return WORDS_NOT_DAYS.has(text);
}

const refuseChance: Refiner = {
  refine: (_context, results) => results.filter((result) => !isChance(result)),
};
const quickAddChrono = casual.clone();
quickAddChrono.refiners.unshift(refuseChance);

const pad = (value: number) => String(value).padStart(2, '0');

/** The due day and time, from the first date in the text that overlaps nothing claimed. */
export function takeDue(
  text: string,
  claimed: readonly Span[],
  reference: { instant: Date; offsetMinutes: number },
): { due: string; dueTime?: string; timeOnly: boolean; taken: Taken } | undefined {
  // chrono reads the text with the claimed words blanked out, so "every monday 8am" gives it "8am".
  // It is given the start of the minute: a day alone ("wednesday", "dec 2") takes the reference's
  // hour and minute but not its seconds, so from 11:00:42 today's date would look past and
  // `forwardDate` would move it a week or a year on.
  const minute = new Date(Math.floor(reference.instant.getTime() / 60_000) * 60_000);
  const results: ParsedResult[] = quickAddChrono.parse(
    blankOut(text, claimed),
    { instant: minute, timezone: reference.offsetMinutes },
    { forwardDate: true },
  );
  for (const result of results) {
    const { start } = result;
    // chrono may run a match on over the blanked words' spaces ("dec 24   "): only the words count.
    let from = result.index + (result.text.length - result.text.trimStart().length);
    const end = result.index + result.text.trimEnd().length;
    if (!isFree(claimed, from, end)) continue;
    // "by friday", "on dec 24", "due tomorrow": the little word before goes with the date.
    const lead = /(?:^|\s)((?:on|by|due|at)\s+)$/i.exec(text.slice(0, from));
    if (lead?.[1] && isFree(claimed, from - lead[1].length, from)) from -= lead[1].length;
    // chrono's components are the wall clock of the reference's offset: the person's.
    const day: Day = {
      year: start.get('year') ?? 0,
      month: start.get('month') ?? 1,
      day: start.get('day') ?? 1,
    };
    const taken: Taken = { kind: 'due', text: text.slice(from, end), start: from, end };
    if (!start.isCertain('hour')) return { due: formatDay(day), timeOnly: false, taken };
    // A time alone ("9am") is its next turn of the clock: today, or tomorrow once it has passed.
    const timeOnly = !(['day', 'weekday', 'month'] as const).some((part) => start.isCertain(part));
    const dueTime = `${pad(start.get('hour') ?? 0)}:${pad(start.get('minute') ?? 0)}`;
    return { due: formatDay(day), dueTime, timeOnly, taken };
  }
  return undefined;
}
