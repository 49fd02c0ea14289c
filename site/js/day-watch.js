// @ts-check
// The local day, watched for the page's life: a page kept open all day turns over to a new day at
// the browser's local midnight, and what depends on "today" (a view's todos, its headings, the
// rows' due labels) has to follow. A timer set for midnight alone is not enough: while the
// computer sleeps its timers stand still, so one set for midnight fires hours late after a night
// with the lid closed. The day is also read when the page is shown or focused again, and at least
// once a minute; each check reads the clock and nothing more: it sends no request.
import { today } from './dates.js';

/** The longest between two readings of the clock, so a wake from sleep is noticed within it. */
const CHECK_MS = 60_000;

/**
 * The milliseconds from `now` to the next local midnight: the first moment of the next day,
 * which `new Date(y, m, d + 1)` finds even where a change of clocks skips or repeats an hour.
 * @param {Date} now
 */
function untilMidnight(now) {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return next.getTime() - now.getTime();
}

/**
 * Calls `onNewDay` with the new day (YYYY-MM-DD) each time the local day changes while the page
 * is open: at midnight, or once the computer wakes past it.
 * @param {(day: string) => void} onNewDay
 */
export function watchDay(onNewDay) {
  let day = today();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const check = () => {
    clearTimeout(timer);
    const now = new Date();
    const current = today(now);
    // A timer may fire a moment early by the wall clock: the same day arms it again, for what is left.
    timer = setTimeout(check, Math.min(untilMidnight(now), CHECK_MS));
    if (current === day) return;
    day = current;
    onNewDay(current);
  };
  check();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  window.addEventListener('focus', check);
  window.addEventListener('pageshow', check);
}
