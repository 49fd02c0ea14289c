import { routes } from '@todolist/sdk/contract';
import { lists } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { json } from '../http/responses.js';

/** `GET /v1/lists`: a page of the caller's lists and those shared with them, the Inbox first. */
export const handler = defineRoute(routes.listLists, async ({ ownerId, query }) => {
  return json(200, await lists.list(ownerId, query));
});
