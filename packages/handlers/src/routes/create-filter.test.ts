import { routes, type SavedFilter } from '@todolist/sdk/contract';
import { describe, expect, it } from 'vitest';
import { apiEvent, bodyOf, headerOf } from '../../test/support/events.js';
import { filterEvent } from '../../test/support/saved-filters.js';
import { handler as createFilter } from './create-filter.js';
import { handler as getFilter } from './get-filter.js';
import { handler as listFilters } from './list-filters.js';

const create = (body: unknown, owner = 'saver') =>
  createFilter(apiEvent({ method: 'POST', path: routes.createFilter.path, body, owner }));

describe('createFilter', () => {
  it('answers 201 with the saved filter, its Location and its ETag; getFilter and listFilters read it back', async () => {
    const result = await create({ name: ' Work today ', query: '(today | overdue) & #work' });
    expect(result.statusCode).toBe(201);
    const saved = bodyOf<SavedFilter>(result);
    expect(saved).toMatchObject({ name: 'Work today', query: '(today | overdue) & #work', version: 1 });
    expect(headerOf(result, 'Location')).toBe(`/v1/filters/${saved.id}`);
    expect(headerOf(result, 'ETag')).toBe('"1"');
    const read = await getFilter(filterEvent(saved.id, { owner: 'saver' }));
    expect({ status: read.statusCode, etag: headerOf(read, 'ETag'), body: bodyOf(read) }).toEqual({
      status: 200,
      etag: '"1"',
      body: saved,
    });
    const listed = await listFilters(apiEvent({ owner: 'saver', path: routes.listFilters.path }));
    expect(bodyOf<{ items: SavedFilter[] }>(listed).items).toContainEqual(saved);
  });

  it('refuses a query that does not parse with 422 validation_failed, its detail saying where', async () => {
    const result = await create({ name: 'Broken', query: '(today | overdue & #work' });
    expect(result.statusCode).toBe(422);
    expect(bodyOf(result)).toMatchObject({
      code: 'validation_failed',
      detail: 'query: ")" expected to close the "(" (at character 25)',
      errors: [{ path: 'query', message: 'query: ")" expected to close the "(" (at character 25)' }],
    });
  });

  it('refuses a blank name, an unknown field and a missing query with 422, naming each', async () => {
    const result = await create({ name: '  ', colour: 'red' });
    expect(result.statusCode).toBe(422);
    expect(
      bodyOf<{ errors: { path: string }[] }>(result)
        .errors.map((error) => error.path)
        .sort(),
    ).toEqual(['colour', 'name', 'query']);
  });
});
