import { routes } from '@todolist/sdk/contract';
import { filters } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { json } from '../http/responses.js';

/** `GET /v1/filters`: every saved filter of the caller's, oldest first. */
export const handler = defineRoute(routes.listFilters, async ({ ownerId }) => {
  return json(200, await filters.list(ownerId));
});
