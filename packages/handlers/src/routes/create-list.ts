import { routes } from '@todolist/sdk/contract';
import { lists } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { etag } from '../http/preconditions.js';
import { json } from '../http/responses.js';

/** `POST /v1/lists`: makes a list of the caller's. */
export const handler = defineRoute(routes.createList, async ({ ownerId, body }) => {
  const list = await lists.create(ownerId, body);
  return json(201, list, {
    ETag: etag(list.version),
    Location: routes.getList.path.replace('{listId}', list.id),
  });
});
