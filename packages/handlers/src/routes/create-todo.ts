import { routes } from '@todolist/sdk/contract';
import { store } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { idempotencyKey } from '../http/idempotency-key.js';
import { etag } from '../http/preconditions.js';
import { json } from '../http/responses.js';

/** `POST /v1/todos`: creates a todo; with `Idempotency-Key`, at most once per key. */
export const handler = defineRoute(routes.createTodo, async ({ event, ownerId, body }) => {
  const key = idempotencyKey(event);
  const { todo, replayed } = key
    ? await store.createOnce(ownerId, key, body)
    : { todo: await store.create(ownerId, body), replayed: false };
  return json(201, todo, {
    ETag: etag(todo.version),
    Location: `${routes.getTodo.path.replace('{id}', todo.id)}`,
    ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
  });
});
