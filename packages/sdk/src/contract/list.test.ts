import { describe, expect, it } from 'vitest';
import { toFieldErrors } from './field-errors.js';
import { DEFAULT_PAGE_SIZE } from './limits.js';
import { TodoListQuery } from './list.js';

describe('TodoListQuery', () => {
  it('fills in the defaults: creation order, every status, the default page size', () => {
    expect(TodoListQuery.parse({})).toEqual({ sort: 'created', status: 'all', limit: DEFAULT_PAGE_SIZE });
  });

  it('takes sort=manual only with a list, whose order it is', () => {
    expect(TodoListQuery.parse({ sort: 'manual', listId: 'INBOX' })).toMatchObject({ listId: 'inbox' });
    const result = TodoListQuery.safeParse({ sort: 'manual' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('sort=manual orders one list: give listId too');
  });

  it('takes limit as a number from code or as decimal digits from a query string', () => {
    expect(TodoListQuery.parse({ limit: 7 }).limit).toBe(7);
    expect(TodoListQuery.parse({ limit: '42' }).limit).toBe(42);
  });

  it.each(['abc', '0x10', '1e1', ' 5', '0', '101', 1.5, -1])(
    'refuses limit %j with the allowed range',
    (limit) => {
      const result = TodoListQuery.safeParse({ limit });
      expect(result.success).toBe(false);
      if (!result.success) {
        expect(toFieldErrors(result.error)).toEqual([
          { path: 'limit', message: 'limit must be a whole number from 1 to 100' },
        ]);
      }
    },
  );

  it('refuses an unknown parameter by name, so a misspelt filter never lists everything', () => {
    const result = TodoListQuery.safeParse({ stauts: 'open' });
    expect(result.success || toFieldErrors(result.error, { unknownKeyNoun: 'query parameter' })).toEqual([
      { path: 'stauts', message: 'unknown query parameter "stauts"' },
    ]);
  });
});
