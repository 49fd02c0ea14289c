import type { SavedFilter } from '@todolist/sdk/contract';
import { describe, expect, it } from 'vitest';
import { bodyOf, headerOf } from '../../test/support/events.js';
import { filterEvent, saveThroughHandler } from '../../test/support/saved-filters.js';
import { handler as getFilter } from './get-filter.js';
import { handler as updateFilter } from './update-filter.js';

const patch = (filterId: string, body: unknown, headers: Record<string, string> = {}, owner = 'patcher') =>
  updateFilter(filterEvent(filterId, { method: 'PATCH', body, headers, owner }));

describe('updateFilter', () => {
  it('answers 200 with the changed filter and its new ETag', async () => {
    const saved = await saveThroughHandler({ name: 'Urgent', query: 'p1' }, 'patcher');
    const result = await patch(saved.id, { query: 'p1 & !#later' }, { 'If-Match': '"1"' });
    expect(result.statusCode).toBe(200);
    expect(bodyOf<SavedFilter>(result)).toMatchObject({ name: 'Urgent', query: 'p1 & !#later', version: 2 });
    expect(headerOf(result, 'ETag')).toBe('"2"');
  });

  it('a stale If-Match changes nothing and answers 412 with the current ETag', async () => {
    const saved = await saveThroughHandler({ name: 'Urgent', query: 'p1' }, 'patcher');
    await patch(saved.id, { name: 'Most urgent' });
    const result = await patch(saved.id, { name: 'Lost' }, { 'If-Match': '"1"' });
    expect(result.statusCode).toBe(412);
    expect(bodyOf(result).code).toBe('precondition_failed');
    expect(headerOf(result, 'ETag')).toBe('"2"');
    const read = await getFilter(filterEvent(saved.id, { owner: 'patcher' }));
    expect(bodyOf<SavedFilter>(read)).toMatchObject({ name: 'Most urgent', version: 2 });
  });

  it('refuses a new query that does not parse with 422 and where, and changes nothing', async () => {
    const saved = await saveThroughHandler({ name: 'Urgent', query: 'p1' }, 'patcher');
    const result = await patch(saved.id, { query: 'p1 | | p2' });
    expect(result.statusCode).toBe(422);
    expect(bodyOf(result).detail).toBe(
      'query: a filter word, "!" or "(" expected after "|" (at character 6)',
    );
    expect(bodyOf<SavedFilter>(await getFilter(filterEvent(saved.id, { owner: 'patcher' })))).toEqual(saved);
  });

  it("answers 404 filter_not_found for another person's filter", async () => {
    const saved = await saveThroughHandler({ name: 'Mine', query: 'p1' }, 'patcher');
    const result = await patch(saved.id, { name: 'Yours' }, {}, 'someone-else');
    expect(result.statusCode).toBe(404);
    expect(bodyOf(result).code).toBe('filter_not_found');
  });
});
