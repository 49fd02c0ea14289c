import { routes } from '@todolist/sdk/contract';
import { filters } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { etag } from '../http/preconditions.js';
import { json } from '../http/responses.js';

/** `GET /v1/filters/{filterId}`: one saved filter of the caller's, with its version as the ETag. */
export const handler = defineRoute(routes.getFilter, async ({ ownerId, params }) => {
  const saved = await filters.get(ownerId, params.filterId);
  return json(200, saved, { ETag: etag(saved.version) });
});
