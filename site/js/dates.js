// @ts-check
// A todo is due on a calendar day (YYYY-MM-DD) read in the reader's own time zone, so "today"
// is the local date, never the UTC one. Where a due day stands (overdue, today, upcoming, none)
// is the contract's `dueState`, in the same words as the command line's.

import { dueState, localDay } from '/vendor/todolist-sdk.min.js';

export { dueState };

/** Today in the local time zone, as YYYY-MM-DD. */
export const today = (now = new Date()) => localDay(now);

const SAME_YEAR = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const OTHER_YEAR = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' });

/**
 * A due date as people read it: "Nov 30", or "Nov 30, 2027" outside this year.
 * @param {string} date YYYY-MM-DD
 * @param {string} [day] today, YYYY-MM-DD
 */
export function formatDay(date, day = today()) {
  const [year, month, dayOfMonth] = date.split('-').map(Number);
  // Noon, so no daylight-saving shift can move it to another day.
  const local = new Date(year ?? 1970, (month ?? 1) - 1, dayOfMonth ?? 1, 12);
  return (date.slice(0, 4) === day.slice(0, 4) ? SAME_YEAR : OTHER_YEAR).format(local);
}

/**
 * The words on a todo's due badge: "Due today", "Overdue · Nov 20", "Due Dec 1".
 * @param {{ dueDate: string | null, completed: boolean }} todo
 * @param {string} [day]
 */
export function dueLabel(todo, day = today()) {
  const state = dueState(todo, day);
  if (state === 'none' || !todo.dueDate) return '';
  if (state === 'today') return 'Due today';
  const when = formatDay(todo.dueDate, day);
  return state === 'overdue' ? `Overdue · ${when}` : `Due ${when}`;
}
