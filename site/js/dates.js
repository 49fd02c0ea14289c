// @ts-check
// A todo is due on a calendar day (YYYY-MM-DD) read in the reader's own time zone, so "today"
// is the local date, never the UTC one; a due time (HH:MM) is a wall-clock time on that day,
// local too. Where a due day stands (overdue, today, upcoming, none) is the contract's
// `dueState`, in the same words as the command line's: an open todo due today at a time past
// is overdue.

import { dueState as contractDueState, localDay, localTime } from '/vendor/todolist-sdk.min.js';

/** The person's time zone, the browser's: the API reads their days (quick add, views) in it. */
export const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Today in the local time zone, as YYYY-MM-DD. */
export const today = (now = new Date()) => localDay(now);

/**
 * Where the todo's due day stands on `day`; on today, its time against the clock's.
 * @param {{ dueDate: string | null, dueTime?: string | null, completed: boolean }} todo
 * @param {string} [day]
 */
export function dueState(todo, day = today()) {
  const now = new Date(); // one reading of the clock, so a day and a time either side of midnight never mix
  return contractDueState(todo, day, day === localDay(now) ? localTime(now) : undefined);
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/**
 * A due time as people read it, in the reader's own clock: "9:00 AM", or "09:00".
 * @param {string} time HH:MM
 */
export function formatTime(time) {
  const [hours, minutes] = time.split(':').map(Number);
  return TIME.format(new Date(2000, 0, 1, hours ?? 0, minutes ?? 0));
}

const SAME_YEAR = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const OTHER_YEAR = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' });

/**
 * A due date as people read it: "Nov 30", or "Nov 30, 2027" outside this year.
 * @param {string} date YYYY-MM-DD
 * @param {string} [day] today, YYYY-MM-DD
 */
export function formatDay(date, day = today()) {
  return (date.slice(0, 4) === day.slice(0, 4) ? SAME_YEAR : OTHER_YEAR).format(noonOf(date));
}

/**
 * A local Date at noon on a calendar day: noon, so no daylight-saving shift moves it to another day.
 * @param {string} date YYYY-MM-DD
 */
function noonOf(date) {
  const [year, month, dayOfMonth] = date.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, dayOfMonth ?? 1, 12);
}

const WEEKDAY = new Intl.DateTimeFormat(undefined, { weekday: 'long' });

/**
 * A day's heading in a view grouped by day: "Today · Dec 3", "Tomorrow · Dec 4", "Saturday · Dec 5".
 * @param {string} date YYYY-MM-DD
 * @param {string} [day] today, YYYY-MM-DD
 */
export function dayHeading(date, day = today()) {
  const tomorrow = noonOf(day);
  tomorrow.setDate(tomorrow.getDate() + 1);
  const name =
    date === day ? 'Today' : date === localDay(tomorrow) ? 'Tomorrow' : WEEKDAY.format(noonOf(date));
  return `${name} · ${formatDay(date, day)}`;
}

/**
 * The words on a todo's due badge: "Due today", "Due today, 9:00 AM", "Overdue · Nov 20",
 * "Due Dec 1, 5:30 PM".
 * @param {{ dueDate: string | null, dueTime?: string | null, completed: boolean }} todo
 * @param {string} [day]
 */
export function dueLabel(todo, day = today()) {
  const state = dueState(todo, day);
  if (state === 'none' || !todo.dueDate) return '';
  const at = todo.dueTime ? `, ${formatTime(todo.dueTime)}` : '';
  if (todo.dueDate === day) return state === 'overdue' ? `Overdue · today${at}` : `Due today${at}`;
  const when = `${formatDay(todo.dueDate, day)}${at}`;
  return state === 'overdue' ? `Overdue · ${when}` : `Due ${when}`;
}
