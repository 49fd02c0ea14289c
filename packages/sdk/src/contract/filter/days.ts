import { addDays, daysInMonth, formatDay, parseDay } from '../calendar.js';
import type { DayWord } from './parse.js';

// The days a filter names (`before: dec 24`): a date, today, tomorrow, yesterday, or a month
// and day. A closed list read by hand, not chrono-node: the contract is in every client's first
// load, and chrono (the quick add's date reader, loaded on demand) is several times its size.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RELATIVE: Record<string, number> = { yesterday: -1, today: 0, tomorrow: 1 };

/** 1–12 for a month's name or its first three letters ("december", "dec", "sept"), else undefined. */
function monthOf(word: string): number | undefined {
  const at = MONTHS.indexOf(word.slice(0, 3));
  if (at < 0) return undefined;
  const full = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' })
    .format(Date.UTC(2000, at, 1))
    .toLowerCase();
  return full.startsWith(word) ? at + 1 : undefined;
}

/** The day `text` names (lower case, spaces collapsed), or undefined. */
export function readDay(text: string): DayWord | undefined {
  if (text in RELATIVE) return { fromToday: RELATIVE[text] as number };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const { year, month, day } = parseDay(text);
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
      ? { date: text }
      : undefined;
  }
  const monthFirst = /^([a-z]+)\.? (\d{1,2})$/.exec(text);
  const dayFirst = /^(\d{1,2}) ([a-z]+)\.?$/.exec(text);
  const [name, dayText] = monthFirst
    ? [monthFirst[1], monthFirst[2]]
    : dayFirst
      ? [dayFirst[2], dayFirst[1]]
      : [];
  if (!name || !dayText) return undefined;
  const month = monthOf(name);
  const day = Number(dayText);
  // Any year's days: 29 February is a day of leap years.
  return month && day >= 1 && day <= daysInMonth(2000, month) ? { month, day } : undefined;
}

/**
 * The date a day word names, read on `today` (`YYYY-MM-DD`): a month and day is its next one,
 * today included ("dec 24" on 25 December is next year's), and 29 February the next leap year's.
 */
export function dateOf(word: DayWord, today: string): string {
  if ('date' in word) return word.date;
  const now = parseDay(today);
  if ('fromToday' in word) return formatDay(addDays(now, word.fromToday));
  for (let year = now.year; ; year++) {
    if (word.day > daysInMonth(year, word.month)) continue;
    const date = formatDay({ year, month: word.month, day: word.day });
    if (date >= today) return date;
  }
}
