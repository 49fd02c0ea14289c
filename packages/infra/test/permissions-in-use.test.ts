// ROUTE_TABLE_ACTIONS grants each route's function its DynamoDB actions, and the other tests
// check the synthesized policies against that same table, so they cannot tell when the table is
// wrong about the handlers. This test runs the real handlers (the local stack: the same modules
// Lambda runs, over dynalite), records every DynamoDB call each route makes while it is driven
// through each of its code paths, and holds the table to it: a route takes no action it is not
// granted (which would be AccessDenied once deployed), and is granted none it never takes.
import http from 'node:http';
import { type LocalStack, signInLocally, startLocalStack } from '@todolist/local/testing';
import { importItemId, newImportId } from '@todolist/sdk';
import { type RouteName, routes } from '@todolist/sdk/contract';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROUTE_TABLE_ACTIONS } from '../src/constructs/route-permissions.js';

const TARGET_PREFIX = 'DynamoDB_20120810.';

let stack: LocalStack;
/** A signed-in person's `Authorization` header: every todo route needs one. */
let authorization: string;
/** The route whose request is in flight: routes are called one at a time, so its calls are its own. */
let current: RouteName | undefined;
const seen = new Map<RouteName, Set<string>>();
/** Makes the `countdown`th coming call of `action` fail, as a DynamoDB error would. */
let failure: { action: string; countdown: number } | undefined;

type RequestOptions = { headers?: Record<string, unknown> };

beforeAll(async () => {
  // The SDK's NodeHttpHandler keeps the `http.request` it finds on its first call, in module
  // scope, so the spy goes in before the stack's first DynamoDB call and stays for the file.
  const request = http.request as (...args: unknown[]) => http.ClientRequest;
  vi.spyOn(http, 'request').mockImplementation(((options: RequestOptions, ...rest: unknown[]) => {
    const target = String(options?.headers?.['x-amz-target'] ?? '');
    if (!target.startsWith(TARGET_PREFIX) || !current) {
      return request.call(http, options, ...rest);
    }
    const action = target.slice(TARGET_PREFIX.length);
    seen.set(current, (seen.get(current) ?? new Set()).add(`dynamodb:${action}`));
    let sent = options;
    if (failure?.action === action && --failure.countdown === 0) {
      // Dynalite answers an unknown operation with a 400, which the SDK does not retry.
      sent = { ...options, headers: { ...options.headers, 'x-amz-target': `${TARGET_PREFIX}Injected` } };
      failure = undefined;
    }
    return request.call(http, sent, ...rest);
  }) as typeof http.request);
  // The injected failure below would be logged as an unhandled error.
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  stack = await startLocalStack({ dataDir: null, port: 0, throttle: null });
  authorization = `Bearer ${(await signInLocally(stack.url, 'permissions@example.test')).accessToken}`;
});

afterAll(async () => {
  await stack?.close();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

interface Call {
  id?: string;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

/** Calls the route through the local gateway, recording its DynamoDB calls under its name. */
async function call(route: RouteName, { id = '', body, headers = {}, query = {} }: Call = {}) {
  const { method, path } = routes[route];
  const url = new URL(path.replace('{id}', id), stack.url);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  current = route;
  try {
    const response = await fetch(url, {
      method,
      headers: {
        authorization,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  } finally {
    current = undefined;
  }
}

/** Creates a todo, answering its id. */
async function created(title: string): Promise<string> {
  const { status, body } = await call('createTodo', { body: { title } });
  expect(status).toBe(201);
  return body.id;
}

const absentId = () => importItemId(newImportId(), 0);

/** Each route driven through every path of its that uses a different set of table actions. */
const scenarios = {
  async createTodo() {
    await created('Plain');
    const keyed = { body: { title: 'Keyed' }, headers: { 'Idempotency-Key': 'key-first-then-replayed' } };
    expect((await call('createTodo', keyed)).status).toBe(201);
    expect((await call('createTodo', keyed)).status).toBe(201);
    const reused = { ...keyed, body: { title: 'Other body' } };
    expect((await call('createTodo', reused)).status).toBe(422);
    // The todo's write fails after Powertools recorded the key (its own PutItem comes first),
    // so Powertools deletes its record, letting the key be used again.
    failure = { action: 'PutItem', countdown: 2 };
    const failing = { body: { title: 'Fails' }, headers: { 'Idempotency-Key': 'key-of-a-failed-create' } };
    expect((await call('createTodo', failing)).status).toBe(500);
    expect((await call('createTodo', failing)).status).toBe(201);
  },
  async listTodos() {
    await call('createTodo', { body: { title: 'Tagged', tags: ['home'] } });
    await created('Another');
    const first = await call('listTodos', { query: { limit: '1' } });
    expect(first.body.nextCursor).toBeTruthy();
    expect((await call('listTodos', { query: { limit: '1', cursor: first.body.nextCursor } })).status).toBe(
      200,
    );
    expect((await call('listTodos', { query: { status: 'open', tag: 'home' } })).status).toBe(200);
  },
  async getTodo() {
    expect((await call('getTodo', { id: await created('Found') })).status).toBe(200);
    expect((await call('getTodo', { id: absentId() })).status).toBe(404);
  },
  async updateTodo() {
    const id = await created('To change');
    expect((await call('updateTodo', { id, body: { notes: 'plain' } })).status).toBe(200);
    const ifMatch = (version: number) => ({
      id,
      body: { notes: `v${version}` },
      headers: { 'If-Match': `"${version}"` },
    });
    expect((await call('updateTodo', ifMatch(2))).status).toBe(200);
    expect((await call('updateTodo', ifMatch(1))).status).toBe(412);
    expect((await call('updateTodo', { id: absentId(), body: { notes: 'none' } })).status).toBe(404);
  },
  async deleteTodo() {
    const id = await created('To delete');
    expect((await call('deleteTodo', { id, headers: { 'If-Match': '"2"' } })).status).toBe(412);
    expect((await call('deleteTodo', { id })).status).toBe(204);
    expect((await call('deleteTodo', { id })).status).toBe(404);
  },
  async importTodos() {
    const importId = newImportId();
    const item = (index: number) => ({ id: importItemId(importId, index), title: `Item ${index}` });
    const middle = Array.from({ length: 10 }, (_, index) => item(index + 1));
    expect((await call('importTodos', { body: { items: middle } })).body.created).toBe(10);
    expect((await call('importTodos', { body: { items: middle } })).body.existing).toBe(10);
    // Two ids around the ten: their range holds more than twice the batch, so the range Query
    // stops early and BatchGetItem looks up the rest.
    expect((await call('importTodos', { body: { items: [item(0), item(11)] } })).body.created).toBe(2);
  },
  async openapi() {
    expect((await call('openapi')).status).toBe(200);
  },
  async health() {
    expect((await call('health')).body).toEqual({ status: 'ok' });
  },
} satisfies Record<RouteName, () => Promise<void>>;

describe('the table actions each route is granted', () => {
  it.each(Object.keys(scenarios) as RouteName[])(
    '%s takes only the table actions its role grants, and uses every one',
    async (route) => {
      await scenarios[route]();
      const taken = seen.get(route) ?? new Set<string>();
      const granted = new Set<string>(ROUTE_TABLE_ACTIONS[route]);
      expect(
        [...taken].filter((action) => !granted.has(action)),
        'taken but not granted',
      ).toEqual([]);
      expect(
        [...granted].filter((action) => !taken.has(action)),
        'granted but never taken',
      ).toEqual([]);
    },
  );
});
