import { describe, expect, it } from 'vitest';
import { TodoListQuery } from './list.js';
import { searchFold, searchMatches, searchWords } from './search.js';

describe('search', () => {
  it('folds case and accents, and collapses spaces', () => {
    expect(searchFold('  Crème  Brûlée\tRECIPE ')).toBe('creme brulee recipe');
    expect(searchFold('Zoë, Ångström, façade, naïve')).toBe('zoe, angstrom, facade, naive');
  });

  it('takes each word once', () => {
    expect(searchWords('Milk milk  MILK oat')).toEqual(['milk', 'oat']);
  });

  it('matches a todo whose title or notes hold every word, each in either', () => {
    const todo = { title: 'Order the Crème brûlée', notes: 'from the Café on Rue Cler' };
    expect(searchMatches(todo, searchWords('creme CAFE'))).toBe(true);
    expect(searchMatches(todo, searchWords('brulee cler'))).toBe(true);
    expect(searchMatches(todo, searchWords('creme tea'))).toBe(false);
    expect(searchMatches({ title: 'Milk', notes: null }, searchWords('milk'))).toBe(true);
    expect(searchMatches({ title: 'Milk', notes: null }, [])).toBe(true);
  });

  it('is a listing query parameter: trimmed, 1 to 100 characters', () => {
    expect(TodoListQuery.parse({ q: '  crème ' }).q).toBe('crème');
    expect(TodoListQuery.safeParse({ q: '   ' }).success).toBe(false);
    expect(TodoListQuery.safeParse({ q: 'x'.repeat(101) }).success).toBe(false);
  });
});
