import { routes } from '@todolist/sdk/contract';
import { lists } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { etag, expectedVersion } from '../http/preconditions.js';
import { json } from '../http/responses.js';

/** `PATCH /v1/lists/{listId}`: renames or archives the caller's own list, conditional on `If-Match`. */
export const handler = defineRoute(routes.updateList, async ({ event, ownerId, params, body }) => {
  const list = await lists.update(ownerId, params.listId, body, expectedVersion(event));
  return json(200, list, { ETag: etag(list.version) });
});
