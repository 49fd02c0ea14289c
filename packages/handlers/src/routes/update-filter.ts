import { routes } from '@todolist/sdk/contract';
import { filters } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { etag, expectedVersion } from '../http/preconditions.js';
import { json } from '../http/responses.js';

/** `PATCH /v1/filters/{filterId}`: renames a saved filter or changes its query, conditional on `If-Match`. */
export const handler = defineRoute(routes.updateFilter, async ({ event, ownerId, params, body }) => {
  const saved = await filters.update(ownerId, params.filterId, body, expectedVersion(event));
  return json(200, saved, { ETag: etag(saved.version) });
});
