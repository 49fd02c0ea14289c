import { describe, expect, it } from 'vitest';
import { summarizeFieldErrors, toFieldErrors } from './field-errors.js';
import { MAX_SAVED_FILTER_NAME_LENGTH } from './limits.js';
import { SavedFilterCreate, SavedFilterPatch, SavedFilterPathParams } from './saved-filters.js';

/** The one-line summary a 422's `detail` carries for the body, or null when it is valid. */
function refusal(schema: typeof SavedFilterCreate | typeof SavedFilterPatch, body: unknown): string | null {
  const result = schema.safeParse(body);
  return result.success ? null : summarizeFieldErrors(toFieldErrors(result.error));
}

describe('SavedFilterCreate', () => {
  it('takes a name and a query that parses, the name trimmed and the query kept as written', () => {
    expect(SavedFilterCreate.parse({ name: '  Work today ', query: '(today | overdue) & #work ' })).toEqual({
      name: 'Work today',
      query: '(today | overdue) & #work ',
    });
  });

  it('refuses a query that does not parse with where it goes wrong, under the field query', () => {
    const result = SavedFilterCreate.safeParse({ name: 'Broken', query: 'today &' });
    expect(result.success || toFieldErrors(result.error)).toEqual([
      { path: 'query', message: 'query: a filter word, "!" or "(" expected after "&" (at character 8)' },
    ]);
    expect(refusal(SavedFilterCreate, { name: 'Unclosed', query: '(today | p1' })).toBe(
      'query: ")" expected to close the "(" (at character 12)',
    );
  });

  it('refuses an empty query, a query over two lines, and a name blank, too long or on two lines', () => {
    expect(refusal(SavedFilterCreate, { name: 'Empty', query: '' })).toMatch(/^query: .*\(at character 1\)$/);
    expect(refusal(SavedFilterCreate, { name: 'Two lines', query: 'today\n| p1' })).toBe(
      'query must be a single line without control characters',
    );
    expect(refusal(SavedFilterCreate, { name: ' ', query: 'today' })).toBe(
      `name must be 1–${MAX_SAVED_FILTER_NAME_LENGTH} characters and not blank`,
    );
    expect(
      refusal(SavedFilterCreate, { name: 'x'.repeat(MAX_SAVED_FILTER_NAME_LENGTH + 1), query: 'p1' }),
    ).toBe(`name must be 1–${MAX_SAVED_FILTER_NAME_LENGTH} characters`);
    expect(refusal(SavedFilterCreate, { name: 'a\nb', query: 'p1' })).toBe(
      'name must be a single line without control characters',
    );
  });

  it('refuses a field it does not know, and a missing one', () => {
    expect(refusal(SavedFilterCreate, { name: 'Work', query: 'p1', colour: 'red' })).toBe(
      'unknown field "colour"',
    );
    expect(refusal(SavedFilterCreate, { name: 'Work' })).toBe('query is required');
  });
});

describe('SavedFilterPatch', () => {
  it('takes a name, a query or both, and refuses an empty patch', () => {
    expect(SavedFilterPatch.parse({ query: 'p1' })).toEqual({ query: 'p1' });
    expect(SavedFilterPatch.parse({ name: 'Urgent', query: 'p1' })).toEqual({ name: 'Urgent', query: 'p1' });
    expect(refusal(SavedFilterPatch, {})).toBe('a patch must change at least one of name, query');
    expect(refusal(SavedFilterPatch, { query: 'p4' })).toMatch(/^query: unknown filter "p4"/);
  });
});

describe('SavedFilterPathParams', () => {
  it('folds a lowercase id to the capitals ids are kept in, and refuses what is not a ULID', () => {
    expect(SavedFilterPathParams.parse({ filterId: '01kmz7x3q4v8n2b6c9d1e5f7g0' })).toEqual({
      filterId: '01KMZ7X3Q4V8N2B6C9D1E5F7G0',
    });
    const result = SavedFilterPathParams.safeParse({ filterId: 'inbox' });
    expect(result.success || toFieldErrors(result.error)).toEqual([
      { path: 'filterId', message: 'filterId must be a 26-character ULID' },
    ]);
  });
});
