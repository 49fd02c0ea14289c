import { routes } from '@todolist/sdk/contract';
import { store } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { json } from '../http/responses.js';

/** `GET /v1/todos`: a page of the caller's todos, filtered, with a cursor to the next page. */
export const handler = defineRoute(routes.listTodos, async ({ ownerId, query }) => {
  return json(200, await store.list(ownerId, query));
});
