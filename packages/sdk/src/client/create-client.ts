import { ListsResource } from './lists.js';
import { type ClientOptions, resolveOptions } from './options.js';
import { TodosResource } from './todos.js';
import { Transport } from './transport.js';

/** A client of the todolist API. */
export interface TodolistClient {
  /** The caller's todos. */
  readonly todos: TodosResource;
  /** The caller's lists, the lists shared with them, and who is on each. */
  readonly lists: ListsResource;
}

/**
 * Creates a client of the todolist API. Every answer is checked against the contract; failed
 * calls are retried when it is safe; every error is a typed {@link TodoSdkError}.
 *
 * @example
 * ```ts
 * import { createClient } from '@todolist/sdk';
 *
 * const client = createClient({ baseUrl: 'http://localhost:3000' });
 * const todo = await client.todos.create({ title: 'Buy milk' });
 * for await (const open of client.todos.iterate({ status: 'open' })) console.log(open.title);
 * ```
 */
export function createClient(options: ClientOptions): TodolistClient {
  const transport = new Transport(resolveOptions(options));
  return { todos: new TodosResource(transport), lists: new ListsResource(transport) };
}
