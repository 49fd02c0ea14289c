import { ChangesResource } from './changes.js';
import { ListsResource } from './lists.js';
import { type ClientOptions, resolveOptions } from './options.js';
import { SavedFiltersResource } from './saved-filters.js';
import type { SubscribeOptions, Subscription } from './subscribe.js';
import { TodosResource } from './todos.js';
import { Transport } from './transport.js';

/** A client of the todolist API. */
export interface TodolistClient {
  /** The caller's todos. */
  readonly todos: TodosResource;
  /** The caller's lists, the lists shared with them, and who is on each. */
  readonly lists: ListsResource;
  /** The caller's saved filters: named queries in the filter language, their own. */
  readonly filters: SavedFiltersResource;
  /** What changed for the caller since a cursor: the feed a client follows to stay in step. */
  readonly changes: ChangesResource;
  /**
   * Follows the changes feed live: opens the WebSocket at `liveUrl`, reads the feed from
   * `cursor` (from now without one), and again each time the server says something changed;
   * reconnects with backoff and catches up when the connection is lost. Each page of changes
   * goes to `onChange`, once. Answers once its code is loaded (on first use: in the browser,
   * the file beside the bundle), without waiting for the connection.
   *
   * @example
   * ```ts
   * const subscription = await client.subscribe({
   *   cursor,
   *   onChange: ({ changes }) => changes.forEach((change) => console.log(change.type, change.op, change.id)),
   *   onError: (error) => console.warn(error),
   * });
   * // …
   * await subscription.close();
   * ```
   */
  subscribe(options: SubscribeOptions): Promise<Subscription>;
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
  const resolved = resolveOptions(options);
  const transport = new Transport(resolved);
  const changes = new ChangesResource(transport);
  return {
    todos: new TodosResource(transport),
    lists: new ListsResource(transport),
    filters: new SavedFiltersResource(transport),
    changes,
    // Loaded on first use: in the browser, from the file a page loads only to follow the feed.
    subscribe: (subscribeOptions) =>
      import('../live/subscription.js').then(({ subscribe }) =>
        subscribe({ changes, options: resolved, liveUrl: options.liveUrl }, subscribeOptions),
      ),
  };
}
