import { routes } from '@todolist/sdk/contract';
import { lists } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { noContent } from '../http/responses.js';

/** `DELETE /v1/lists/{listId}`: deletes the caller's own list, its todos deleted or moved as asked. */
export const handler = defineRoute(routes.deleteList, async ({ ownerId, params, query }) => {
  await lists.delete(ownerId, params.listId, query);
  return noContent();
});
