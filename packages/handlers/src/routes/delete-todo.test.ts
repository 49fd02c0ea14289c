import { describe, expect, it } from 'vitest';
import { bodyOf } from '../../test/support/events.js';
import { createThroughHandler, todoEvent } from '../../test/support/todos.js';
import { handler as deleteTodo } from './delete-todo.js';
import { handler as getTodo } from './get-todo.js';
import { handler as updateTodo } from './update-todo.js';

const remove = (id: string, request: Parameters<typeof todoEvent>[1] = {}) =>
  deleteTodo(todoEvent(id, { method: 'DELETE', ...request }));

describe('deleteTodo', () => {
  it('answers 204 with no body, and the todo is gone', async () => {
    const todo = await createThroughHandler({ title: 'Throw away' });
    const result = await remove(todo.id);
    expect(result.statusCode).toBe(204);
    expect(result.body).toBe('');
    expect((await getTodo(todoEvent(todo.id))).statusCode).toBe(404);
  });

  it('answers 404 when the todo is absent, including a second delete', async () => {
    const todo = await createThroughHandler({ title: 'Twice' });
    await remove(todo.id);
    const again = await remove(todo.id);
    expect(again.statusCode).toBe(404);
    expect(bodyOf(again).code).toBe('not_found');
  });

  it('with a stale If-Match keeps the todo and answers 412', async () => {
    const todo = await createThroughHandler({ title: 'Guarded' });
    await updateTodo(todoEvent(todo.id, { method: 'PATCH', body: { notes: 'changed' } }));
    const result = await remove(todo.id, { headers: { 'If-Match': '"1"' } });
    expect(result.statusCode).toBe(412);
    expect((await getTodo(todoEvent(todo.id))).statusCode).toBe(200);
    expect((await remove(todo.id, { headers: { 'If-Match': '"2"' } })).statusCode).toBe(204);
  });

  it("cannot delete another owner's todo", async () => {
    const todo = await createThroughHandler({ title: 'Not yours' }, 'erin');
    expect((await remove(todo.id, { owner: 'frank' })).statusCode).toBe(404);
    expect((await getTodo(todoEvent(todo.id, { owner: 'erin' }))).statusCode).toBe(200);
  });
});
