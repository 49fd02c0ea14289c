import type { LocalStack } from '@todolist/local/testing';
import { afterAll, beforeAll } from 'vitest';
import { ensureCliBuilt } from './built-cli.js';
import { startLocalApi } from './local-api.js';
import { removeTodoUsers } from './todo-user.js';

/**
 * The test file's API and binary: starts the local API (and builds the CLI if need be) before
 * its tests, and stops it and removes its users' folders after them.
 *
 * @example
 * ```ts
 * const api = useLocalApi();
 * it('…', async () => {
 *   const user = await newTodoUser(api.stack.url);
 * });
 * ```
 */
export function useLocalApi(): { readonly stack: LocalStack } {
  const started: { stack?: LocalStack } = {};
  beforeAll(async () => {
    [started.stack] = await Promise.all([startLocalApi(), ensureCliBuilt()]);
  }, 120_000);
  afterAll(async () => {
    await started.stack?.close();
    await removeTodoUsers();
  });
  return {
    get stack() {
      if (!started.stack) throw new Error('the local API is not started yet: use it inside a test');
      return started.stack;
    },
  };
}
