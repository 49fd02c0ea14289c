import { routes } from '@todolist/sdk/contract';
import { lists, store } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { idempotencyKey } from '../http/idempotency-key.js';
import { etag } from '../http/preconditions.js';
import { json } from '../http/responses.js';
import { readQuickAdd } from '../quick-add/read-quick-add.js';

/**
 * `POST /v1/todos/quick`: a todo from a line of text, read at the server's clock in the caller's
 * time zone; `dryRun=true` answers the reading and writes nothing. With `Idempotency-Key`, at most
 * once per key: the key is held to the request (text, time zone, list), not to what it reads as,
 * so a resend tomorrow of "Milk today" answers the first todo rather than a 422.
 */
export const handler = defineRoute(routes.quickAddTodo, async ({ event, ownerId, body, query }) => {
  const key = idempotencyKey(event);
  const reading = await readQuickAdd(lists, ownerId, body, new Date());
  const { parse, create, unknownList } = reading;
  const unknown = unknownList ? { unknownList } : {};
  if (query.dryRun === 'true') {
    await lists.mustSee(ownerId, create.listId);
    return json(200, { parse, create, ...unknown });
  }
  const { todo, replayed } = key
    ? await store.createOnce(ownerId, key, create, { ...body })
    : { todo: await store.create(ownerId, create), replayed: false };
  // A replay answers the first todo with the text read as it was then, at the todo's creation.
  const answer = replayed ? await readQuickAdd(lists, ownerId, body, new Date(todo.createdAt)) : reading;
  return json(
    201,
    { todo, parse: answer.parse, ...(answer.unknownList ? { unknownList: answer.unknownList } : {}) },
    {
      ETag: etag(todo.version),
      Location: routes.getTodo.path.replace('{id}', todo.id),
      ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    },
  );
});
