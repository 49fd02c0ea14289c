import { routes } from '@todolist/sdk/contract';
import { store } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { etag } from '../http/preconditions.js';
import { json } from '../http/responses.js';

/** `GET /v1/todos/{id}`: one todo, with its version as the ETag. */
export const handler = defineRoute(routes.getTodo, async ({ ownerId, params }) => {
  const todo = await store.get(ownerId, params.id);
  return json(200, todo, { ETag: etag(todo.version) });
});
