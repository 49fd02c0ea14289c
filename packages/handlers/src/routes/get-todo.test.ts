import { describe, expect, it } from 'vitest';
import { apiEvent, bodyOf, headerOf } from '../../test/support/events.js';
import { createThroughHandler, todoEvent } from '../../test/support/todos.js';
import { handler as getTodo } from './get-todo.js';

const create = (title: string, owner?: string) => createThroughHandler({ title }, owner);
const get = (id: string, owner?: string) => getTodo(todoEvent(id, owner ? { owner } : {}));

describe('getTodo', () => {
  it('answers the todo with its version as a strong ETag', async () => {
    const { id } = await create('Water the plants');
    const result = await get(id);
    expect(result.statusCode).toBe(200);
    expect(headerOf(result, 'etag')).toBe('"1"');
    expect(bodyOf(result)).toMatchObject({ id, title: 'Water the plants', completed: false, version: 1 });
  });

  it('answers 404 not_found with the request id for an id nobody has', async () => {
    const event = apiEvent({
      path: '/v1/todos/01JB0000000000000000000000',
      pathParameters: { id: '01JB0000000000000000000000' },
    });
    const result = await getTodo(event);
    expect(result.statusCode).toBe(404);
    expect(headerOf(result, 'content-type')).toBe('application/problem+json');
    expect(bodyOf(result)).toMatchObject({
      code: 'not_found',
      status: 404,
      requestId: event.requestContext.requestId,
    });
  });

  it('answers 400 invalid_id for an id that is not a ULID', async () => {
    const result = await getTodo(apiEvent({ path: '/v1/todos/nope', pathParameters: { id: 'nope' } }));
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result)).toMatchObject({ code: 'invalid_id', errors: [{ path: 'id' }] });
  });

  it("answers 404 for another owner's todo, so ids cannot be probed", async () => {
    const { id } = await create('Private', 'alice');
    expect((await get(id, 'alice')).statusCode).toBe(200);
    expect((await get(id, 'bob')).statusCode).toBe(404);
    expect((await get(id)).statusCode).toBe(404);
  });
});
