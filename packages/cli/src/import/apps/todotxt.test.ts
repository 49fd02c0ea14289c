import { describe, expect, it } from 'vitest';
import { todotxtLine } from '../../export/todotxt-line.js';
import { todoOfLine } from './todotxt.js';

const PARIS = { timeZone: 'Europe/Paris' };

describe('todoOfLine', () => {
  it('reads x, the completion and creation dates, then the words, leaving the title without them', () => {
    expect(
      todoOfLine('x 2026-12-02 2026-11-20 Review the PR +Work_Stuff @github due:2026-12-01', PARIS),
    ).toEqual({
      todo: {
        title: 'Review the PR',
        notes: 'created 2026-11-20, completed 2026-12-02',
        due: '2026-12-01',
        tags: ['github'],
        completed: true,
        list: 'Work Stuff',
      },
      lost: [],
    });
  });

  it('takes a date after the priority as the creation date, and a URL as part of the title', () => {
    expect(todoOfLine('(B) 2026-11-20 Read https://example.com/a:b later', PARIS).todo).toEqual({
      title: 'Read https://example.com/a:b later',
      notes: 'created 2026-11-20',
      priority: 'normal',
    });
  });

  it('keeps a rec: it cannot repeat by, or one without due:, in the notes and says so', () => {
    expect(todoOfLine('Stretch rec:2b due:2026-12-09', PARIS)).toMatchObject({
      todo: { title: 'Stretch', notes: 'rec:2b', due: '2026-12-09' },
      lost: [expect.stringContaining('rec:2b')],
    });
    expect(todoOfLine('Stretch rec:1d', PARIS)).toMatchObject({
      todo: { title: 'Stretch', notes: 'rec:1d' },
      lost: ['rec:1d needs a due: day to repeat from: kept in the notes'],
    });
  });

  it('says which key:value words it keeps in the notes, whether todo has no field for them or they come twice', () => {
    expect(todoOfLine('Take out the trash due:2099-12-08 t:2099-12-07 due:2099-12-09', PARIS)).toEqual({
      todo: { title: 'Take out the trash', notes: 't:2099-12-07 due:2099-12-09', due: '2099-12-08' },
      lost: ['t:2099-12-07 due:2099-12-09 are key:values todo has no field for: kept in the notes'],
    });
    expect(todoOfLine('Buy +2 batteries, ratio 16:9, ask @ana', PARIS)).toEqual({
      todo: { title: 'Buy batteries, ratio ask', notes: '16:9,', tags: ['ana'], list: '2' },
      lost: ['16:9, is a key:value todo has no field for: kept in the notes'],
    });
  });

  it('reads (D) to (Z) as low, and pri: on a done task', () => {
    expect(todoOfLine('(Z) Someday', PARIS).todo.priority).toBe('low');
    expect(todoOfLine('x Paid pri:A', PARIS).todo).toMatchObject({ priority: 'high', completed: true });
  });
});

describe('todotxtLine', () => {
  const todo = {
    id: '01KMZ7X3ABCDEFGHJKMNPQRSTV',
    title: 'Water the plants',
    notes: 'the balcony ones',
    completed: false,
    completedAt: null,
    dueDate: '2026-12-07',
    dueTime: '09:00',
    recurrence: { rrule: 'FREQ=MONTHLY;INTERVAL=2', fromCompletion: true, timeZone: 'Europe/Paris' },
    completions: [],
    priority: 'low' as const,
    tags: ['home', 'garden'],
    listId: '01KMZ7X3ABCDEFGHJKMNPQRSTW',
    list: 'Home Jobs',
    position: 'a0',
    createdBy: 'sub',
    updatedBy: 'sub',
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    version: 1,
  };

  it('writes what todoOfLine reads back: priority, creation day, +List_Name, @tags, due: and rec:', () => {
    const line = todotxtLine(todo);
    expect(line).toMatch(
      /^\(C\) \d{4}-\d\d-\d\d Water the plants \+Home_Jobs @home @garden due:2026-12-07 rec:2m\n$/,
    );
    expect(todoOfLine(line, PARIS).todo).toMatchObject({
      title: 'Water the plants',
      priority: 'low',
      list: 'Home Jobs',
      tags: ['home', 'garden'],
      due: '2026-12-07',
      recurrence: { rrule: 'FREQ=MONTHLY;INTERVAL=2', fromCompletion: true },
    });
  });

  it('writes a done todo with x and its day, its priority as pri:, no +project for the Inbox, and rrule: for other repeats', () => {
    const line = todotxtLine({
      ...todo,
      priority: 'high',
      completed: true,
      completedAt: '2026-12-02T10:00:00.000Z',
      listId: 'inbox',
      list: 'Inbox',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO', fromCompletion: false, timeZone: 'Europe/Paris' },
    });
    expect(line).toMatch(
      /^x \d{4}-\d\d-\d\d \d{4}-\d\d-\d\d Water the plants @home @garden due:2026-12-07 rrule:FREQ=WEEKLY;BYDAY=MO pri:A\n$/,
    );
    expect(todoOfLine(line, PARIS).todo).toMatchObject({
      priority: 'high',
      completed: true,
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO' },
    });
  });
});
