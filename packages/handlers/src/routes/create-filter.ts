import { routes } from '@todolist/sdk/contract';
import { filters } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { etag } from '../http/preconditions.js';
import { json } from '../http/responses.js';

/** `POST /v1/filters`: saves a filter of the caller's; the contract has already parsed its query. */
export const handler = defineRoute(routes.createFilter, async ({ ownerId, body }) => {
  const saved = await filters.create(ownerId, body);
  return json(201, saved, {
    ETag: etag(saved.version),
    Location: routes.getFilter.path.replace('{filterId}', saved.id),
  });
});
