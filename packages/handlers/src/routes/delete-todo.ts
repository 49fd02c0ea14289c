import { routes } from '@todolist/sdk/contract';
import { store } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { expectedVersion } from '../http/preconditions.js';
import { noContent } from '../http/responses.js';

/** `DELETE /v1/todos/{id}`: removes the todo, conditional on `If-Match` when given. */
export const handler = defineRoute(routes.deleteTodo, async ({ event, ownerId, params }) => {
  await store.delete(ownerId, params.id, expectedVersion(event));
  return noContent();
});
