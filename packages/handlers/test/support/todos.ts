import type { Todo, TodoCreate } from '@todolist/sdk/contract';
import { handler as createTodo } from '../../src/routes/create-todo.js';
import { apiEvent, bodyOf } from './events.js';

/** Creates a todo through the createTodo handler and returns it; fails the test on any other answer. */
export async function createThroughHandler(input: TodoCreate, owner?: string): Promise<Todo> {
  const result = await createTodo(apiEvent({ method: 'POST', body: input, ...(owner ? { owner } : {}) }));
  if (result.statusCode !== 201) throw new Error(`create answered ${result.statusCode}: ${result.body}`);
  return bodyOf<Todo>(result);
}

/** An event addressing one todo by id. */
export function todoEvent(id: string, request: Parameters<typeof apiEvent>[0] = {}) {
  return apiEvent({
    path: `/v1/todos/${id}`,
    resource: '/v1/todos/{id}',
    pathParameters: { id },
    ...request,
  });
}
