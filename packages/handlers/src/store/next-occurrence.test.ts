import { describe, expect, it } from 'vitest';
import { nextDueDay } from './next-occurrence.js';
import { dayIn } from './zone-clock.js';

const london = (rrule: string, fromCompletion = false) => ({
  rrule,
  fromCompletion,
  timeZone: 'Europe/London',
});

/** The due days a todo goes through when it is completed on each of them, `count` times. */
function series(recurrence: ReturnType<typeof london>, first: string, time: string | null, count: number) {
  const days = [first];
  for (let at = 1; at < count; at++) {
    const today = days.at(-1) as string;
    days.push(nextDueDay(recurrence, today, time, today) as string);
  }
  return days;
}

const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();

describe('the next due day of a repeating todo', () => {
  it('keeps "every mon 9am" in Europe/London on Mondays for two years, across four clock changes', () => {
    const days = series(london('FREQ=WEEKLY;BYDAY=MO'), '2026-10-19', '09:00', 105);
    expect(days.every((day) => weekday(day) === 1)).toBe(true);
    // One week apart each, though the clocks go back on 2026-10-25 and forward on 2027-03-28.
    for (let at = 1; at < days.length; at++)
      expect(Date.parse(days[at] as string) - Date.parse(days[at - 1] as string)).toBe(7 * 86_400_000);
    expect(days.slice(0, 3)).toEqual(['2026-10-19', '2026-10-26', '2026-11-02']);
    expect(days.at(-1)).toBe('2028-10-16');
  });

  it('keeps a daily 01:30 in America/New_York daily across the night the clocks skip an hour', () => {
    const days = series(
      { rrule: 'FREQ=DAILY', fromCompletion: false, timeZone: 'America/New_York' },
      '2027-03-12',
      '01:30',
      5,
    );
    expect(days).toEqual(['2027-03-12', '2027-03-13', '2027-03-14', '2027-03-15', '2027-03-16']);
  });

  it('counts "every" from the due day and "every!" from the day it is done', () => {
    // Due Monday Dec 7, done on Thursday Dec 10.
    expect(nextDueDay(london('FREQ=DAILY;INTERVAL=3'), '2026-12-07', null, '2026-12-10')).toBe('2026-12-13');
    expect(nextDueDay(london('FREQ=DAILY;INTERVAL=3', true), '2026-12-07', null, '2026-12-10')).toBe(
      '2026-12-13',
    );
    expect(nextDueDay(london('FREQ=WEEKLY'), '2026-12-07', null, '2026-12-08')).toBe('2026-12-14');
    expect(nextDueDay(london('FREQ=WEEKLY', true), '2026-12-07', null, '2026-12-08')).toBe('2026-12-15');
  });

  it('brings an overdue todo back once, on its next day to come, and an early one after its own day', () => {
    // Due on Monday Nov 2, done three weeks late on Wednesday Nov 25: next Monday, not Nov 9.
    expect(nextDueDay(london('FREQ=WEEKLY;BYDAY=MO'), '2026-11-02', '09:00', '2026-11-25')).toBe(
      '2026-11-30',
    );
    // Due Friday Dec 11, done early on Tuesday Dec 8: the Friday after.
    expect(nextDueDay(london('FREQ=WEEKLY;BYDAY=FR'), '2026-12-11', null, '2026-12-08')).toBe('2026-12-18');
  });

  it('follows monthly rules: the 31st skips short months, the last Friday, every 3 months until a day', () => {
    expect(series(london('FREQ=MONTHLY;BYMONTHDAY=31'), '2027-01-31', null, 3)).toEqual([
      '2027-01-31',
      '2027-03-31',
      '2027-05-31',
    ]);
    expect(series(london('FREQ=MONTHLY;BYDAY=-1FR'), '2026-12-25', null, 3)).toEqual([
      '2026-12-25',
      '2027-01-29',
      '2027-02-26',
    ]);
    const quarterly = london('FREQ=MONTHLY;INTERVAL=3;UNTIL=20270630');
    expect(series(quarterly, '2026-12-02', null, 3)).toEqual(['2026-12-02', '2027-03-02', '2027-06-02']);
    // The series is over after June 2: completing that one completes the todo.
    expect(nextDueDay(quarterly, '2027-06-02', null, '2027-06-02')).toBeUndefined();
  });

  it("reads today in the repeat's zone", () => {
    const lateInLondon = new Date('2026-12-02T23:30:00Z');
    expect(dayIn('Europe/London', lateInLondon)).toBe('2026-12-02');
    expect(dayIn('Asia/Tokyo', lateInLondon)).toBe('2026-12-03');
  });

  it('ends the series of a rule no day can follow, which the contract pattern takes', () => {
    expect(
      nextDueDay(london('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'), '2026-12-02', null, '2026-12-02'),
    ).toBeUndefined();
  });
});
