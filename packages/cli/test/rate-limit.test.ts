import type { LocalStack } from '@todolist/local/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureCliBuilt } from './support/built-cli.js';
import { expectErrorLine } from './support/error-line.js';
import { startLocalApi } from './support/local-api.js';
import { newTodoUser, removeTodoUsers } from './support/todo-user.js';

// A gateway whose stage throttle lets one request through, then asks callers to wait 100 s:
// longer than any call's deadline, so the CLI reports it at once rather than waiting.

let stack: LocalStack;

beforeAll(async () => {
  [stack] = await Promise.all([
    startLocalApi({ throttle: { rateLimit: 0.01, burstLimit: 1 } }),
    ensureCliBuilt(),
  ]);
}, 120_000);

afterAll(async () => {
  await stack?.close();
  await removeTodoUsers();
});

it('exits 6 with one line saying when to try again when the API is throttling', async () => {
  const user = await newTodoUser(stack.url);
  expect((await user.run(['list'])).code).toBe(0);
  const throttled = await user.run(['list']);
  expectErrorLine(throttled, 6, /the API is busy: try again in 100 s/);
});
