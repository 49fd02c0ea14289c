import { routes } from '@todolist/sdk/contract';
import { store } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { etag, expectedVersion } from '../http/preconditions.js';
import { json } from '../http/responses.js';
// Only this route moves repeating todos on, so only its bundle carries rrule-temporal.
import { nextDueDayAt } from '../store/next-occurrence.js';

/**
 * `PATCH /v1/todos/{id}`: a partial update, conditional on `If-Match` when given; completing a
 * repeating todo moves it to its next day.
 */
export const handler = defineRoute(routes.updateTodo, async ({ event, ownerId, params, body }) => {
  const todo = await store.update(ownerId, params.id, body, expectedVersion(event), nextDueDayAt);
  return json(200, todo, { ETag: etag(todo.version) });
});
