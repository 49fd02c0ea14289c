import { describe, expect, it } from 'vitest';
import { aTodo } from '../../../test/support/api-answers.js';
import type { Todo } from '../todo.js';
import { dateOf } from './days.js';
import { type FilterContext, filterMatches } from './evaluate.js';
import { FilterSyntaxError } from './FilterSyntaxError.js';
import { parseFilter } from './parse.js';

// The filter language on a fixed set of todos, read on Wednesday 2 December 2026 at 10:30.

const todo = (title: string, fields: Partial<Todo> = {}): Todo => aTodo({ id: title, title, ...fields });

const TODOS = [
  todo('late report', { dueDate: '2026-11-30', priority: 'high', tags: ['work'], listId: 'old' }),
  todo('standup', {
    dueDate: '2026-12-02',
    dueTime: '09:00',
    tags: ['work'],
    recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=WE', timeZone: 'Europe/London', fromCompletion: false },
  }),
  todo('dentist', { dueDate: '2026-12-02', dueTime: '16:00', priority: 'low', listId: 'old' }),
  todo('milk', { dueDate: '2026-12-03', tags: ['home'], listId: 'groceries', notes: 'oat, from the café' }),
  todo('presents', { dueDate: '2026-12-20', tags: ['home'], listId: 'family' }),
  todo('tax', { dueDate: '2027-01-31', priority: 'high', listId: 'rnd' }),
  todo('read a book', { tags: ['home'], listId: 'quoted' }),
  todo('done late', { dueDate: '2026-11-01', completed: true }),
];

const LISTS: Record<string, string> = {
  inbox: 'Inbox',
  groceries: 'Groceries',
  family: 'Family Xmas',
  rnd: 'R&D',
  old: 'Home (old)',
  quoted: 'Say "hi" | bye',
};
const context: FilterContext = {
  today: '2026-12-02',
  now: '10:30',
  listNamed: (listId, name) => LISTS[listId]?.toLowerCase() === name.toLowerCase(),
  isShared: (listId) => listId === 'family',
};

const found = (filter: string) =>
  TODOS.filter((each) => filterMatches(parseFilter(filter), each, context)).map((each) => each.title);

describe('the filter language', () => {
  it.each([
    ['today', ['standup', 'dentist']],
    ['overdue', ['late report', 'standup']],
    ['no date', ['read a book']],
    ['next 7 days', ['standup', 'dentist', 'milk']],
    ['next 1 day', ['standup', 'dentist']],
    ['before: dec 24', ['late report', 'standup', 'dentist', 'milk', 'presents', 'done late']],
    ['before: 2026-12-03', ['late report', 'standup', 'dentist', 'done late']],
    ['before: tomorrow', ['late report', 'standup', 'dentist', 'done late']],
    ['p1', ['late report', 'tax']],
    ['p3', ['dentist']],
    ['#work', ['late report', 'standup']],
    ['#HOME', ['milk', 'presents', 'read a book']],
    ['@groceries', ['milk']],
    ['@Family Xmas', ['presents']],
    ['@"family xmas"', ['presents']],
    ['@"R&D"', ['tax']],
    ['@ "r&d" ', ['tax']],
    ['@"Home (old)"', ['late report', 'dentist']],
    ['@"Home (old)" & p1', ['late report']],
    ['!(@"Home (old)" | @"R&D") & !no date', ['standup', 'milk', 'presents', 'done late']],
    ['@"say ""hi"" | bye"', ['read a book']],
    ['recurring', ['standup']],
    ['shared', ['presents']],
    ['search: CAFE oat', ['milk']],
  ])('%s', (filter, titles) => {
    expect(found(filter)).toEqual(titles);
  });

  it('combines with & (before |), ! and parentheses', () => {
    expect(found('today | overdue & p1')).toEqual(['late report', 'standup', 'dentist']);
    expect(found('(today | overdue) & p1')).toEqual(['late report']);
    expect(found('#home & !@groceries')).toEqual(['presents', 'read a book']);
    expect(found('!(#home | #work) & !no date')).toEqual(['dentist', 'tax', 'done late']);
    expect(found('!!p1')).toEqual(found('p1'));
    expect(found('  next 7 days&#work  ')).toEqual(['standup']);
  });

  it('reads a month and day as the next one, today included', () => {
    expect(dateOf({ month: 12, day: 24 }, '2026-12-02')).toBe('2026-12-24');
    expect(dateOf({ month: 12, day: 2 }, '2026-12-02')).toBe('2026-12-02');
    expect(dateOf({ month: 12, day: 1 }, '2026-12-02')).toBe('2027-12-01');
    expect(dateOf({ month: 2, day: 29 }, '2026-12-02')).toBe('2028-02-29');
    expect(found('before: 24 december')).toEqual(found('before: Dec. 24'));
  });

  it.each([
    ['', 'a filter word, "!" or "(" expected', 0],
    ['today &', 'a filter word, "!" or "(" expected after "&"', 7],
    ['today | & p1', 'a filter word, "!" or "(" expected after "|"', 8],
    ['(today | p1', '")" expected to close the "("', 11],
    ['today)', 'a ")" with no "(" before it', 5],
    ['p1 (today)', '"&" or "|" expected between two filters', 3],
    ['today & tomorow', 'unknown filter "tomorow"', 8],
    ['#no spaces', '"#no spaces" is not a tag', 0],
    ['before: someday', '"someday" is not a day', 8],
    ['before: feb 30', '"feb 30" is not a day', 8],
    ['before:', 'before: needs a day after it', 7],
    ['search:   ', 'search: needs words after it', 7],
    ['next 0 days', 'next N days takes 1 to 366 days', 0],
    ['@', '@ needs a list name after it', 1],
    ['@""', '@ needs a list name after it', 1],
    ['p1 & @"R&D', "the list name's opening quote is not closed", 6],
    ['@"say ""hi', "the list name's opening quote is not closed", 1],
    ['today | @ "Home (old)', "the list name's opening quote is not closed", 10],
    ['@"R&D" p1', '"&" or "|" expected between two filters', 7],
    ['@R&D', 'unknown filter "D"', 3],
  ])('refuses %j: %s, at %i', (filter, reason, position) => {
    let error: unknown;
    try {
      parseFilter(filter);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(FilterSyntaxError);
    expect((error as FilterSyntaxError).reason).toContain(reason);
    expect((error as FilterSyntaxError).position).toBe(position);
    expect((error as FilterSyntaxError).message).toContain(`(at character ${position + 1})`);
  });

  it('ends an unquoted list name at "&", "|", "(" or ")", as before quotes were read', () => {
    expect(parseFilter('@R&p1')).toEqual({
      kind: 'and',
      left: { kind: 'list', name: 'R' },
      right: { kind: 'priority', priority: 'high' },
    });
    expect(parseFilter('@Family "Xmas"|p1')).toEqual({
      kind: 'or',
      left: { kind: 'list', name: 'Family "Xmas"' },
      right: { kind: 'priority', priority: 'high' },
    });
    expect(() => parseFilter('@Home (old)')).toThrow(
      '"&" or "|" expected between two filters (at character 7)',
    );
  });

  it('refuses a filter over 500 characters', () => {
    expect(() => parseFilter(`#${'a'.repeat(30)} | `.repeat(20))).toThrow(/at most 500 characters/);
  });
});
