import { describe, expect, it } from 'vitest';
import { parseDueDate } from './due-date.js';

// Wednesday 25 November 2026, mid-morning local time.
const now = new Date(2026, 10, 25, 10, 30);

describe('parseDueDate', () => {
  it.each([
    ['2027-04-15', '2027-04-15'],
    ['today', '2026-11-25'],
    ['Tomorrow', '2026-11-26'],
    ['+3d', '2026-11-28'],
    ['+2w', '2026-12-09'],
    ['fri', '2026-11-27'],
    ['friday', '2026-11-27'],
    ['wed', '2026-12-02'],
    ['mon', '2026-11-30'],
  ])('reads %s as %s', (typed, expected) => {
    expect(parseDueDate(typed, now)).toBe(expected);
  });

  it.each(['2026-02-30', '2026-13-01', 'someday', '+d', ''])(
    'refuses %j with a usage error naming the forms it takes',
    (typed) => {
      expect(() => parseDueDate(typed, now)).toThrow(/use YYYY-MM-DD, today, tomorrow, a weekday/);
    },
  );
});
