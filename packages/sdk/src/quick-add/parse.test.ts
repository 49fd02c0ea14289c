import { describe, expect, it } from 'vitest';
import { TodoCreate } from '../contract/index.js';
import { parseQuickAdd } from './parse.js';
import { toTodoCreate } from './to-todo-create.js';

// Wednesday 2 December 2026, 11:00 in Paris.
const now = new Date('2026-12-02T10:00:00Z');
const paris = { now, timeZone: 'Europe/Paris' };

describe('parseQuickAdd', () => {
  it('says which words it took, as what and where, for the page to show as chips', () => {
    const text = 'Call Ann tomorrow at 5pm p1 #work @"Big shop" every! week // bring the contract';
    expect(parseQuickAdd(text, paris).taken).toEqual([
      { kind: 'due', text: 'tomorrow at 5pm', start: 9, end: 24 },
      { kind: 'priority', text: 'p1', start: 25, end: 27 },
      { kind: 'tag', text: '#work', start: 28, end: 33 },
      { kind: 'list', text: '@"Big shop"', start: 34, end: 45 },
      { kind: 'recurrence', text: 'every! week', start: 46, end: 57 },
      { kind: 'notes', text: '// bring the contract', start: 58, end: 79 },
    ]);
  });

  it("reads 'today' as the person's day, not the server's", () => {
    const lateInUtc = new Date('2026-12-02T23:30:00Z');
    expect(parseQuickAdd('Call today', { now: lateInUtc, timeZone: 'Europe/Paris' }).due).toBe('2026-12-03');
    expect(parseQuickAdd('Call today', { now: lateInUtc, timeZone: 'America/Los_Angeles' }).due).toBe(
      '2026-12-02',
    );
    expect(parseQuickAdd('Call tomorrow', { now: lateInUtc, timeZone: 'Asia/Tokyo' }).due).toBe('2026-12-04');
    expect(parseQuickAdd('Call today', { now: lateInUtc, timeZone: 'UTC' }).due).toBe('2026-12-02');
  });

  it('reads a time as the wall clock of the time zone', () => {
    const parse = parseQuickAdd('Standup tomorrow 9am', { now, timeZone: 'Asia/Kolkata' });
    expect([parse.due, parse.dueTime]).toEqual(['2026-12-03', '09:00']);
  });

  it("takes a day that has passed this year as next year's, and one still to come as this year's", () => {
    const december2 = { now: new Date('2026-12-02T12:00:00Z'), timeZone: 'UTC' };
    expect(parseQuickAdd('Report dec 1', december2).due).toBe('2027-12-01');
    expect(parseQuickAdd('Report dec 3', december2).due).toBe('2026-12-03');
    expect(parseQuickAdd('Report dec 1 2026', december2).due).toBe('2026-12-01');
  });

  it('keeps a text of nothing but such words as its title, notes aside', () => {
    expect(parseQuickAdd('  p1 #home tomorrow  ', paris)).toEqual({
      title: 'p1 #home tomorrow',
      tags: [],
      taken: [],
    });
    expect(parseQuickAdd('tomorrow // call first', paris)).toMatchObject({
      title: 'tomorrow',
      notes: 'call first',
    });
  });

  it('takes no more tags than a todo may have; the rest stay in the title', () => {
    const text = `Pack ${Array.from({ length: 12 }, (_, index) => `#t${index}`).join(' ')}`;
    const parse = parseQuickAdd(text, paris);
    expect(parse.tags).toHaveLength(10);
    expect(parse.title).toBe('Pack #t10 #t11');
  });

  it('refuses a time zone that is not an IANA name, saying what it wants', () => {
    expect(() => parseQuickAdd('Milk', { now, timeZone: 'Mars/Olympus' })).toThrow(
      'timeZone must be an IANA time zone such as Europe/Paris (got "Mars/Olympus")',
    );
  });

  it('uses the clock when no moment is given', () => {
    const before = parseQuickAdd('Milk today', { timeZone: 'UTC' }).due;
    expect(before).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe('toTodoCreate', () => {
  it("gives the contract's create fields, which the contract accepts", () => {
    const input = toTodoCreate(
      parseQuickAdd('Pay rent dec 24 p1 #home #bills @flat every month // by transfer', paris),
    );
    expect(input).toEqual({
      title: 'Pay rent',
      dueDate: '2026-12-24',
      recurrence: { rrule: 'FREQ=MONTHLY', fromCompletion: false, timeZone: 'Europe/Paris' },
      priority: 'high',
      tags: ['home', 'bills'],
      notes: 'by transfer',
    });
    expect(TodoCreate.safeParse(input).success).toBe(true);
  });

  it('gives only a title for a plain text', () => {
    expect(toTodoCreate(parseQuickAdd('Buy 2 apples', paris))).toEqual({ title: 'Buy 2 apples' });
  });
});
