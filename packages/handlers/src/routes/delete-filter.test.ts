import { describe, expect, it } from 'vitest';
import { bodyOf } from '../../test/support/events.js';
import { filterEvent, saveThroughHandler } from '../../test/support/saved-filters.js';
import { handler as deleteFilter } from './delete-filter.js';
import { handler as getFilter } from './get-filter.js';

const remove = (filterId: string, request: Parameters<typeof filterEvent>[1] = {}) =>
  deleteFilter(filterEvent(filterId, { method: 'DELETE', owner: 'deleter', ...request }));

describe('deleteFilter', () => {
  it('answers 204 with no body, then 404 filter_not_found for it, a second delete included', async () => {
    const saved = await saveThroughHandler({ name: 'Done with', query: 'today' }, 'deleter');
    const result = await remove(saved.id);
    expect(result.statusCode).toBe(204);
    expect(result.body).toBe('');
    expect((await getFilter(filterEvent(saved.id, { owner: 'deleter' }))).statusCode).toBe(404);
    const again = await remove(saved.id);
    expect(again.statusCode).toBe(404);
    expect(bodyOf(again).code).toBe('filter_not_found');
  });

  it('with a stale If-Match keeps the filter and answers 412; at its version, deletes it', async () => {
    const saved = await saveThroughHandler({ name: 'Guarded', query: 'today' }, 'deleter');
    expect((await remove(saved.id, { headers: { 'If-Match': '"2"' } })).statusCode).toBe(412);
    expect((await getFilter(filterEvent(saved.id, { owner: 'deleter' }))).statusCode).toBe(200);
    expect((await remove(saved.id, { headers: { 'If-Match': '"1"' } })).statusCode).toBe(204);
  });

  it("cannot delete another person's filter", async () => {
    const saved = await saveThroughHandler({ name: 'Not yours', query: 'today' }, 'deleter');
    expect((await remove(saved.id, { owner: 'intruder' })).statusCode).toBe(404);
    expect((await getFilter(filterEvent(saved.id, { owner: 'deleter' }))).statusCode).toBe(200);
  });
});
