import { describe, expect, it } from 'vitest';
import { dueState } from './due.js';
import { toFieldErrors } from './field-errors.js';
import { TodoImportItem } from './import.js';
import { MAX_TAGS, MAX_TITLE_LENGTH } from './limits.js';
import { Todo, TodoCreate, TodoPatch } from './todo.js';

function errorsOf(result: { success: boolean; error?: unknown }) {
  if (result.success) throw new Error('expected the parse to fail');
  return toFieldErrors(result.error as Parameters<typeof toFieldErrors>[0]);
}

describe('TodoCreate', () => {
  it('trims the title, folds tags to lowercase and drops duplicate tags', () => {
    expect(TodoCreate.parse({ title: '  Buy milk ', tags: ['Home', 'home', 'errands'] })).toEqual({
      title: 'Buy milk',
      tags: ['home', 'errands'],
    });
  });

  it('names the limit when a title is blank or too long', () => {
    expect(errorsOf(TodoCreate.safeParse({ title: '   ' }))).toEqual([
      { path: 'title', message: `title must be 1–${MAX_TITLE_LENGTH} characters and not blank` },
    ]);
    expect(errorsOf(TodoCreate.safeParse({ title: 'x'.repeat(MAX_TITLE_LENGTH + 1) }))[0]?.message).toContain(
      String(MAX_TITLE_LENGTH),
    );
  });

  it('refuses a multi-line title, unknown fields, and a missing title by name', () => {
    expect(errorsOf(TodoCreate.safeParse({ title: 'a\nb' }))[0]?.message).toMatch(/single line/);
    expect(errorsOf(TodoCreate.safeParse({ title: 'a', colour: 'red' }))).toEqual([
      { path: 'colour', message: 'unknown field "colour"' },
    ]);
    expect(errorsOf(TodoCreate.safeParse({}))).toEqual([{ path: 'title', message: 'title is required' }]);
  });

  it('keeps newlines and tabs in notes, folds CRLF to a newline, and refuses every other control character', () => {
    expect(TodoCreate.parse({ title: 'a', notes: 'line 1\r\nline 2\rline 3\n\tindented' }).notes).toBe(
      'line 1\nline 2\nline 3\n\tindented',
    );
    for (const control of ['\u001b]0;pwned\u0007', '\u001b[2J', '\u0000', '\u007f', '\u009b31m', '\u000c']) {
      expect(errorsOf(TodoCreate.safeParse({ title: 'a', notes: `x${control}y` }))).toEqual([
        { path: 'notes', message: 'notes must not hold control characters other than newline and tab' },
      ]);
      expect(errorsOf(TodoPatch.safeParse({ notes: `x${control}y` }))[0]?.path).toBe('notes');
    }
  });

  it('refuses C1 control characters in a title as well as C0 ones', () => {
    expect(errorsOf(TodoCreate.safeParse({ title: 'a\u009bb' }))[0]?.message).toMatch(/control characters/);
    expect(errorsOf(TodoCreate.safeParse({ title: 'a\u001b[31mb' }))[0]?.message).toMatch(
      /control characters/,
    );
  });

  it('refuses more than the allowed tags, a bad tag, a bad date and a bad priority', () => {
    const tags = Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`);
    expect(errorsOf(TodoCreate.safeParse({ title: 'a', tags }))[0]?.path).toBe('tags');
    expect(errorsOf(TodoCreate.safeParse({ title: 'a', tags: ['no spaces'] }))[0]?.path).toBe('tags.0');
    expect(errorsOf(TodoCreate.safeParse({ title: 'a', dueDate: '2026-02-30' }))[0]?.path).toBe('dueDate');
    expect(errorsOf(TodoCreate.safeParse({ title: 'a', priority: 'urgent' }))[0]?.message).toBe(
      'priority must be one of low, normal, high',
    );
  });
});

describe('TodoPatch', () => {
  it('accepts null to clear notes and dueDate', () => {
    expect(TodoPatch.parse({ notes: null, dueDate: null })).toEqual({ notes: null, dueDate: null });
  });

  it('refuses an empty patch', () => {
    expect(errorsOf(TodoPatch.safeParse({}))[0]?.message).toMatch(/at least one/);
  });
});

describe('due times', () => {
  const NEEDS_DAY = {
    path: 'dueTime',
    message: 'dueTime needs a dueDate in the same request: a time is on a day',
  };

  it('takes a time with its day, and refuses one without a day, in a create, an import item and a patch', () => {
    expect(TodoCreate.parse({ title: 'Call', dueDate: '2026-12-24', dueTime: '09:30' })).toMatchObject({
      dueTime: '09:30',
    });
    expect(errorsOf(TodoCreate.safeParse({ title: 'Call', dueTime: '09:30' }))).toEqual([NEEDS_DAY]);
    expect(errorsOf(TodoCreate.safeParse({ title: 'Call', dueDate: null, dueTime: '09:30' }))).toEqual([
      NEEDS_DAY,
    ]);
    expect(errorsOf(TodoImportItem.safeParse({ title: 'Call', dueTime: '09:30' }))).toEqual([NEEDS_DAY]);
    expect(errorsOf(TodoPatch.safeParse({ dueTime: '09:30' }))).toEqual([NEEDS_DAY]);
    expect(TodoPatch.parse({ dueTime: null })).toEqual({ dueTime: null });
    expect(TodoPatch.parse({ dueDate: '2026-12-24', dueTime: '23:59' })).toEqual({
      dueDate: '2026-12-24',
      dueTime: '23:59',
    });
  });

  it('takes HH:MM from 00:00 to 23:59 only', () => {
    for (const time of ['24:00', '9:30', '09:60', '09:30:00', '9am', ''])
      expect(errorsOf(TodoCreate.safeParse({ title: 'Call', dueDate: '2026-12-24', dueTime: time }))).toEqual(
        [{ path: 'dueTime', message: 'dueTime must be a time of day, HH:MM (00:00 to 23:59)' }],
      );
  });

  it('reads a todo from a server before due times as due some time that day', () => {
    const { dueTime: _time, ...older } = Todo.parse(aTodoFromTheApi());
    expect(Todo.parse(older).dueTime).toBeNull();
  });
});

describe('dueState with a time', () => {
  const todo = { dueDate: '2026-12-02', dueTime: '09:00', completed: false };
  it('is overdue once the time has passed on the day, and today before it or without the clock', () => {
    expect(dueState(todo, '2026-12-02', '08:59')).toBe('today');
    expect(dueState(todo, '2026-12-02', '09:00')).toBe('today');
    expect(dueState(todo, '2026-12-02', '09:01')).toBe('overdue');
    expect(dueState(todo, '2026-12-02')).toBe('today');
    expect(dueState({ ...todo, completed: true }, '2026-12-02', '23:00')).toBe('today');
    expect(dueState({ ...todo, dueTime: null }, '2026-12-02', '23:00')).toBe('today');
  });
});

function aTodoFromTheApi() {
  return {
    id: '01KMZ7X3Q4V8N2B6C9D1E5F7G0',
    title: 'Buy milk',
    notes: null,
    completed: false,
    completedAt: null,
    dueDate: '2026-12-24',
    dueTime: '09:00',
    priority: 'normal',
    tags: [],
    listId: 'inbox',
    position: 'a0',
    createdBy: 'someone',
    updatedBy: 'someone',
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
    version: 1,
  };
}

describe('recurrence', () => {
  const paris = { timeZone: 'Europe/Paris' };

  it('takes the RRULE values quick add writes, with their day, and fromCompletion false unless said', () => {
    for (const rrule of [
      'FREQ=DAILY',
      'FREQ=WEEKLY;BYDAY=MO,TH',
      'FREQ=MONTHLY;BYDAY=-1FR',
      'FREQ=MONTHLY;INTERVAL=3;UNTIL=20270630',
    ])
      expect(
        TodoCreate.safeParse({ title: 'x', dueDate: '2026-12-02', recurrence: { rrule, ...paris } }).success,
      ).toBe(true);
    expect(
      TodoPatch.parse({
        dueDate: '2026-12-02',
        recurrence: { rrule: 'FREQ=YEARLY', fromCompletion: true, ...paris },
      }),
    ).toMatchObject({ recurrence: { fromCompletion: true } });
  });

  it('refuses COUNT, an unknown part, a bad zone, and a repeat without its day, by field', () => {
    const errors = (recurrence: unknown, dueDate: string | null = '2026-12-02') =>
      errorsOf(TodoCreate.safeParse({ title: 'x', ...(dueDate ? { dueDate } : {}), recurrence })).map(
        (error) => error.path,
      );
    expect(errors({ rrule: 'FREQ=DAILY;COUNT=5', ...paris })).toEqual(['recurrence.rrule']);
    expect(errors({ rrule: 'every day', ...paris })).toEqual(['recurrence.rrule']);
    expect(errors({ rrule: 'FREQ=DAILY', timeZone: 'Mars/Olympus' })).toEqual(['recurrence.timeZone']);
    expect(errors({ rrule: 'FREQ=DAILY', ...paris }, null)).toEqual(['recurrence']);
    expect(errors({ rrule: 'FREQ=DAILY', ...paris, interval: 2 })).toEqual(['recurrence.interval']);
  });
});
