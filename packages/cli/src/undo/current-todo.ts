import { isNotFoundError, type Todo } from '@todolist/sdk';
import type { Context } from '../context.js';

/** The todo as it is now, or `undefined` when there is none with this id (deleted, or never made). */
export async function currentTodo(context: Context, id: string): Promise<Todo | undefined> {
  const client = await context.client();
  try {
    return await client.todos.get(id, { signal: context.signal });
  } catch (error) {
    if (isNotFoundError(error)) return undefined;
    throw error;
  }
}
