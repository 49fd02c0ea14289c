import { routes, type SavedFilter, type SavedFilterCreate } from '@todolist/sdk/contract';
import { handler as createFilter } from '../../src/routes/create-filter.js';
import { apiEvent, bodyOf } from './events.js';

/** Saves a filter through the createFilter handler and returns it; fails the test on any other answer. */
export async function saveThroughHandler(input: SavedFilterCreate, owner?: string): Promise<SavedFilter> {
  const result = await createFilter(
    apiEvent({ method: 'POST', path: routes.createFilter.path, body: input, ...(owner ? { owner } : {}) }),
  );
  if (result.statusCode !== 201)
    throw new Error(`createFilter answered ${result.statusCode}: ${result.body}`);
  return bodyOf<SavedFilter>(result);
}

/** An event addressing one saved filter by id. */
export function filterEvent(filterId: string, request: Parameters<typeof apiEvent>[0] = {}) {
  return apiEvent({
    path: routes.getFilter.path.replace('{filterId}', filterId),
    resource: routes.getFilter.path,
    pathParameters: { filterId },
    ...request,
  });
}
