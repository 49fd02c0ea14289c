import { describe, expect, it } from 'vitest';
import { parseDay } from '../contract/calendar.js';
import { firstOccurrence } from './first-occurrence.js';
import type { Rule } from './rule.js';

describe('the first day of a repeat', () => {
  it('skips months without the day: every 31st, from April, is first on May 31', () => {
    expect(firstOccurrence({ freq: 'MONTHLY', interval: 1, byMonthDay: 31 }, parseDay('2027-04-10'))).toBe(
      '2027-05-31',
    );
  });

  it('finds the last day of February in a leap year', () => {
    expect(firstOccurrence({ freq: 'MONTHLY', interval: 1, byMonthDay: -1 }, parseDay('2028-02-03'))).toBe(
      '2028-02-29',
    );
  });

  it('moves to next month once this month’s fourth Thursday has passed', () => {
    const rule: Rule = { freq: 'MONTHLY', interval: 1, byDay: [{ weekday: 4, ordinal: 4 }] };
    expect(firstOccurrence(rule, parseDay('2026-11-27'))).toBe('2026-12-24');
    expect(firstOccurrence(rule, parseDay('2026-11-26'))).toBe('2026-11-26');
  });
});
