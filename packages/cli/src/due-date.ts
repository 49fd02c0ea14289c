import { DueTime, localDay } from '@todolist/sdk/contract';
import { UsageError } from './errors.js';

const WEEKDAYS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};

/**
 * A due date as a person types it: `2026-12-01`, `today`, `tomorrow`, a weekday (`fri`, the
 * next one to come), or `+3d` / `+2w`. Answers `YYYY-MM-DD` in the local calendar.
 */
export function parseDueDate(text: string, now: Date): string {
  const typed = text.trim().toLowerCase();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const plus = (days: number) => localDay(new Date(day.getFullYear(), day.getMonth(), day.getDate() + days));
  if (/^\d{4}-\d{2}-\d{2}$/.test(typed)) {
    const parsed = new Date(`${typed}T00:00:00Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(typed)) return typed;
  }
  if (typed === 'today') return plus(0);
  if (typed === 'tomorrow') return plus(1);
  const offset = /^\+(\d{1,3})([dw])$/.exec(typed);
  if (offset) return plus(Number(offset[1]) * (offset[2] === 'w' ? 7 : 1));
  const weekday = WEEKDAYS[typed];
  // The next such day to come: "fri" on a Friday means a week from today.
  if (weekday !== undefined) return plus((weekday - day.getDay() + 7) % 7 || 7);
  throw new UsageError(`"${text}" is not a date: use YYYY-MM-DD, today, tomorrow, a weekday (fri) or +3d`);
}

/** A due time as `--time` takes it: `HH:MM` (24-hour), or `none` (or empty) to clear it. */
export function parseDueTime(typed: string): string | null {
  const time = typed.trim();
  if (['', 'none'].includes(time.toLowerCase())) return null;
  const padded = /^\d:\d\d$/.test(time) ? `0${time}` : time;
  if (!DueTime.safeParse(padded).success)
    throw new UsageError(`"${typed}" is not a time of day: use HH:MM, 24-hour (09:30, 17:00), or none`);
  return padded;
}
