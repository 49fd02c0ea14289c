import { addDays, type Day, daysInMonth, formatDay, nextMonth, weekday } from '../contract/calendar.js';
import type { Rule, RuleDay } from './rule.js';

// A repeating todo without a date of its own is first due on the rule's first day from today on,
// as in Todoist: "every monday" typed on a Wednesday is due next Monday.

/** The day of `year`/`month` a month rule's day names, or undefined when that month has none (a 31st in April). */
function dayInMonth(rule: Rule, year: number, month: number): number | undefined {
  const named: RuleDay = rule.byDay?.[0] ?? { weekday: 0 };
  const length = daysInMonth(year, month);
  if (rule.byMonthDay !== undefined) {
    const day = rule.byMonthDay === -1 ? length : rule.byMonthDay;
    return day <= length ? day : undefined;
  }
  const { weekday: wanted, ordinal = 1 } = named;
  const firstOfMonth = weekday({ year, month, day: 1 });
  const first = 1 + ((wanted - firstOfMonth + 7) % 7);
  if (ordinal > 0) {
    const day = first + 7 * (ordinal - 1);
    return day <= length ? day : undefined;
  }
  return first + 7 * Math.floor((length - first) / 7);
}

/** The first day on or after `today` that `rule` falls on, `YYYY-MM-DD`. */
export function firstOccurrence(rule: Rule, today: Day): string {
  if (rule.freq === 'WEEKLY' && rule.byDay) {
    const days = new Set(rule.byDay.map((day) => day.weekday));
    let day = today;
    while (!days.has(weekday(day))) day = addDays(day, 1);
    return formatDay(day);
  }
  if (rule.freq === 'MONTHLY' && (rule.byMonthDay !== undefined || rule.byDay)) {
    let { year, month } = today;
    // Some month within a year holds any day a month rule can name.
    for (let tries = 0; tries < 13; tries++) {
      const day = dayInMonth(rule, year, month);
      if (day !== undefined && (year > today.year || month !== today.month || day >= today.day)) {
        return formatDay({ year, month, day });
      }
      ({ year, month } = nextMonth(year, month));
    }
  }
  return formatDay(today);
}
