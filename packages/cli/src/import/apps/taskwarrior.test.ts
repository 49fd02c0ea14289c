import { describe, expect, it } from 'vitest';
import { idOfUuid, rruleOfRecur, taskwarriorDate } from './taskwarrior.js';

describe('rruleOfRecur', () => {
  it.each([
    ['daily', 'FREQ=DAILY'],
    ['weekdays', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    ['biweekly', 'FREQ=WEEKLY;INTERVAL=2'],
    ['quarterly', 'FREQ=MONTHLY;INTERVAL=3'],
    ['2w', 'FREQ=WEEKLY;INTERVAL=2'],
    ['3days', 'FREQ=DAILY;INTERVAL=3'],
    ['1mo', 'FREQ=MONTHLY'],
    ['2q', 'FREQ=MONTHLY;INTERVAL=6'],
    ['1y', 'FREQ=YEARLY'],
  ])('reads recur %s as %s', (recur, rrule) => {
    expect(rruleOfRecur(recur)).toBe(rrule);
  });

  it.each(['hourly', '5min', '2h', 'P1W'])('has no repeat for %s', (recur) => {
    expect(rruleOfRecur(recur)).toBeUndefined();
  });
});

describe('taskwarriorDate and idOfUuid', () => {
  it('reads the UTC form and nothing else', () => {
    expect(taskwarriorDate('20261224T120000Z')?.toISOString()).toBe('2026-12-24T12:00:00.000Z');
    expect(taskwarriorDate('2026-12-24')).toBeUndefined();
  });

  it('gives a uuid the same ULID every time, its time the entry, another uuid another id', () => {
    const entry = new Date('2026-12-01T09:00:00Z');
    const id = idOfUuid('A360FC44-315C-4366-B70C-EA7E7520B749', entry);
    expect(id).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    expect(idOfUuid('a360fc44-315c-4366-b70c-ea7e7520b749', entry)).toBe(id);
    expect(idOfUuid('b360fc44-315c-4366-b70c-ea7e7520b749', entry)).not.toBe(id);
    expect(id.slice(0, 10)).toBe(idOfUuid('other', entry).slice(0, 10));
  });
});
