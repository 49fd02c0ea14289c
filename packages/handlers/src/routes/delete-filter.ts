import { routes } from '@todolist/sdk/contract';
import { filters } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { expectedVersion } from '../http/preconditions.js';
import { noContent } from '../http/responses.js';

/** `DELETE /v1/filters/{filterId}`: removes a saved filter, conditional on `If-Match` when given. */
export const handler = defineRoute(routes.deleteFilter, async ({ event, ownerId, params }) => {
  await filters.delete(ownerId, params.filterId, expectedVersion(event));
  return noContent();
});
