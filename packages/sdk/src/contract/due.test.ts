import { describe, expect, it } from 'vitest';
import { dueState, localDay } from './due.js';

describe('dueState', () => {
  it.each([
    [null, false, 'none'],
    ['2026-12-01', false, 'today'],
    ['2026-12-01', true, 'today'],
    ['2026-11-30', false, 'overdue'],
    ['2026-11-30', true, 'upcoming'],
    ['2026-12-02', false, 'upcoming'],
  ] as const)('a todo due %s, done %s, is %s on 2026-12-01', (dueDate, completed, state) => {
    expect(dueState({ dueDate, completed }, '2026-12-01')).toBe(state);
  });

  it('reads today on the local calendar, not in UTC', () => {
    const lateEvening = new Date(2026, 11, 1, 23, 59);
    expect(localDay(lateEvening)).toBe('2026-12-01');
  });
});
