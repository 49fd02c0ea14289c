import type { Recurrence } from '@todolist/sdk/contract';
import { RRuleTemporal } from 'rrule-temporal';
import { dayIn } from './zone-clock.js';

// Where completing a repeating todo moves its due day, computed with rrule-temporal: RFC 5545
// on the Temporal API, so a rule's days are those of its time zone across daylight-saving
// changes (the `rrule` package computes in UTC offsets and has open DST bugs). The todo's time
// is a wall-clock time that never moves: only the day does, so "every mon 9am" in London is at
// 09:00 on every Monday, summer and winter. A todo without a time is computed at noon, as no
// zone changes its clocks then. Only the updateTodo route loads this file (it passes
// `nextDueDay` to the store), so no other route's bundle carries the library.

/** The rule with its series starting on `day` at `time` in the repeat's zone. */
function ruleFrom(recurrence: Recurrence, day: string, time: string): RRuleTemporal {
  const start = `${day.replaceAll('-', '')}T${time.replace(':', '')}00`;
  return new RRuleTemporal({
    rruleString: `DTSTART;TZID=${recurrence.timeZone}:${start}\nRRULE:${recurrence.rrule}`,
  });
}

/**
 * The due day that completing the todo on `today` (in the repeat's zone) moves it to, or
 * undefined when the series has ended (its UNTIL is behind). Counted from the due day (`every`):
 * the first occurrence after the due day and after today, so a todo left overdue comes back
 * once, on its next day to come. From completion (`every!`): the first after today, the series
 * starting today. A rule with no day to come, or one no day can follow (`BYMONTH=2;BYMONTHDAY=30`:
 * the contract's pattern takes it), ends the series as well.
 */
export function nextDueDay(
  recurrence: Recurrence,
  dueDate: string,
  dueTime: string | null,
  today: string,
): string | undefined {
  try {
    return followRule(recurrence, dueDate, dueTime, today);
  } catch {
    return undefined;
  }
}

/** The next due day after completing the todo on `now`, today read in the repeat's zone. */
export function nextDueDayAt(recurrence: Recurrence, dueDate: string, dueTime: string | null, now: Date) {
  return nextDueDay(recurrence, dueDate, dueTime, dayIn(recurrence.timeZone, now));
}

/** What the store is given to move a repeating todo on: {@link nextDueDayAt}. */
export type NextDueDay = typeof nextDueDayAt;

function followRule(recurrence: Recurrence, dueDate: string, dueTime: string | null, today: string) {
  const from = recurrence.fromCompletion ? today : dueDate;
  const rule = ruleFrom(recurrence, from, dueTime ?? '12:00');
  const last = from > today ? from : today;
  const [year, month, day] = last.split('-').map(Number) as [number, number, number];
  // The end of that day in the zone: every occurrence on it is behind, the next day's ahead.
  const endOfDay = rule
    .options()
    .dtstart.with({ year, month, day, hour: 23, minute: 59, second: 59, millisecond: 999 });
  return rule.next(endOfDay)?.toPlainDate().toString();
}
