import { routes } from '@todolist/sdk/contract';
import { lists } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { etag } from '../http/preconditions.js';
import { json } from '../http/responses.js';

/** `GET /v1/lists/{listId}`: one list the caller owns or is a member of. */
export const handler = defineRoute(routes.getList, async ({ ownerId, params }) => {
  const list = await lists.get(ownerId, params.listId);
  return json(200, list, { ETag: etag(list.version) });
});
