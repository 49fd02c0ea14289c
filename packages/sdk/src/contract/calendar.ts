// Calendar days as `YYYY-MM-DD` strings, counted on UTC dates so no local clock or daylight
// saving change can move a day.

/** A day's parts. */
export interface Day {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
}

const utc = ({ year, month, day }: Day) => new Date(Date.UTC(year, month - 1, day));

/** `YYYY-MM-DD`. */
export function formatDay({ year, month, day }: Day): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The parts of a `YYYY-MM-DD`. */
export function parseDay(text: string): Day {
  const [year = 0, month = 1, day = 1] = text.split('-').map(Number);
  return { year, month, day };
}

/** The day `days` after `from` (before, when negative). */
export function addDays(from: Day, days: number): Day {
  const date = utc(from);
  date.setUTCDate(date.getUTCDate() + days);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 for Sunday to 6 for Saturday, as `Date#getDay`. */
export function weekday(day: Day): number {
  return utc(day).getUTCDay();
}

/** How many days the month has. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The month after `month` of `year`, as `{ year, month }`. */
export function nextMonth(year: number, month: number): { year: number; month: number } {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}
