// ROUTE_TABLE_ACTIONS grants each route's function its DynamoDB actions (ROUTE_INDEXES the
// indexes it may query, SIGN_IN_TABLE_ACTIONS the sign-in trigger's), and the other tests check
// the synthesized policies against those same tables, so they cannot tell when a table is wrong
// about the handlers. This test runs the real handlers (the local stack: the same modules Lambda
// runs, over dynalite, and the local user pool running the same sign-in trigger), records every
// DynamoDB call each route and each sign-in makes while it is driven through each of its code
// paths, and holds the tables to them: nothing is taken that is not granted (which would be
// AccessDenied once deployed), and nothing is granted that is never taken.
import { type LocalStack, signInLocally, startLocalStack } from '@todolist/local/testing';
import { importItemId, newImportId } from '@todolist/sdk';
import { type RouteName, routes } from '@todolist/sdk/contract';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROUTE_INDEXES, ROUTE_TABLE_ACTIONS } from '../src/constructs/route-permissions.js';
import { SIGN_IN_TABLE_ACTIONS } from '../src/constructs/sign-in-trigger.js';
import { TableCallRecorder } from './support/table-calls.js';

const recorder = new TableCallRecorder();
let stack: LocalStack;

/** Each person's `Authorization` header: A, who makes most calls, and B, who shares with A. */
const people = { a: 'permissions@example.test', b: 'b@example.test' } as const;
type Person = keyof typeof people;
const authorization = {} as Record<Person, string>;

/** The operation a sign-in's table calls are recorded under: the user pool's trigger. */
const SIGN_IN = 'signIn';

/** Signs `email` in through the local user pool, which runs the sign-in trigger as Cognito would. */
async function signIn(email: string): Promise<string> {
  const { accessToken } = await recorder.during(SIGN_IN, () => signInLocally(stack.url, email));
  return `Bearer ${accessToken}`;
}

beforeAll(async () => {
  recorder.install();
  // The injected failures below would be logged as unhandled errors.
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  stack = await startLocalStack({ dataDir: null, port: 0, throttle: null });
  authorization.a = await signIn(people.a);
  authorization.b = await signIn(people.b);
}, 60_000);

afterAll(async () => {
  await stack?.close();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

interface Call {
  /** Who calls. @default 'a' */
  as?: Person;
  /** The path's parameters: `{id}`, `{listId}`, `{memberId}`, `{filterId}`. */
  params?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

/** Calls the route through the local gateway, recording its DynamoDB calls under its name. */
async function call(route: RouteName, { as = 'a', params = {}, body, headers = {}, query = {} }: Call = {}) {
  const { method, path } = routes[route];
  const url = new URL(
    path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? '')),
    stack.url,
  );
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return recorder.during(route, async () => {
    const response = await fetch(url, {
      method,
      headers: {
        authorization: authorization[as],
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  });
}

/** Calls the route and expects `status`, answering the body. */
async function expectCall(status: number, route: RouteName, options: Call = {}) {
  const answer = await call(route, options);
  expect(answer.status, `${route} ${JSON.stringify(options)}: ${JSON.stringify(answer.body)}`).toBe(status);
  return answer.body;
}

/** Creates a todo (in A's Inbox unless `listId`), answering its id. */
async function created(title: string, options: { listId?: string; as?: Person } = {}): Promise<string> {
  const { listId, as } = options;
  return (
    await expectCall(201, 'createTodo', {
      ...(as ? { as } : {}),
      body: { title, ...(listId ? { listId } : {}) },
    })
  ).id;
}

let listCount = 0;
/** Creates a list of the person's with a name of its own, answering its id. */
async function createdList(as: Person = 'a', name = `List ${++listCount}`): Promise<string> {
  return (await expectCall(201, 'createList', { as, body: { name } })).id;
}

/** A list of B's, shared with A (a member at once: A has signed in). */
async function sharedByB(): Promise<string> {
  const listId = await createdList('b');
  await expectCall(201, 'addMember', { as: 'b', params: { listId }, body: { email: people.a } });
  return listId;
}

/**
 * A todo of A's Inbox whose move to B's shared list stopped after its copy was made (the
 * original's delete failed): the original stays, marked `movingTo`, until a change finishes it.
 */
async function stoppedMove(): Promise<{ id: string; listId: string }> {
  const listId = await sharedByB();
  const id = await created('Stopped half-way');
  // The move's writes: mark the original, put the copy, make the original its tombstone (the
  // second UpdateItem), which fails: the move stops after its copy.
  recorder.failNext('UpdateItem', 2);
  await expectCall(500, 'updateTodo', { params: { id }, body: { listId } });
  return { id, listId };
}

const absentId = () => importItemId(newImportId(), 0);

/** Saves a filter of A's, answering its id. */
async function savedFilter(): Promise<string> {
  return (await expectCall(201, 'createFilter', { body: { name: 'Work today', query: '#work & today' } })).id;
}

/** Each route driven through every path of its that uses a different set of table actions. */
const scenarios = {
  async createTodo() {
    await created('Plain');
    const keyed = { body: { title: 'Keyed' }, headers: { 'Idempotency-Key': 'key-first-then-replayed' } };
    await expectCall(201, 'createTodo', keyed);
    await expectCall(201, 'createTodo', keyed);
    await expectCall(422, 'createTodo', { ...keyed, body: { title: 'Other body' } });
    // The todo's write fails after the key's claim was put (the claim's PutItem comes first),
    // so the claim is released, letting the key be used again.
    recorder.failNext('PutItem', 2);
    const failing = { body: { title: 'Fails' }, headers: { 'Idempotency-Key': 'key-of-a-failed-create' } };
    await expectCall(500, 'createTodo', failing);
    await expectCall(201, 'createTodo', failing);
    await created('On an own list', { listId: await createdList() });
    await created('On a shared list', { listId: await sharedByB() });
    await expectCall(404, 'createTodo', { body: { title: 'Nowhere', listId: absentId() } });
  },
  async quickAddTodo() {
    const timeZone = 'Europe/Paris';
    await expectCall(201, 'quickAddTodo', { body: { text: 'Plain tomorrow p1 #home', timeZone } });
    const keyed = { body: { text: 'Keyed friday', timeZone }, headers: { 'Idempotency-Key': 'quick-key' } };
    await expectCall(201, 'quickAddTodo', keyed);
    await expectCall(201, 'quickAddTodo', keyed);
    await expectCall(422, 'quickAddTodo', { ...keyed, body: { text: 'Other text', timeZone } });
    // An @name: the caller's lists and references read, the shared ones checked.
    const own = await createdList('a', 'Quick own');
    await sharedByB();
    await expectCall(201, 'quickAddTodo', { body: { text: 'Milk @"quick own"', timeZone } });
    await expectCall(201, 'quickAddTodo', { body: { text: 'Kept @nowhere', timeZone } });
    await expectCall(200, 'quickAddTodo', {
      body: { text: 'Only read', timeZone, listId: own },
      query: { dryRun: 'true' },
    });
    await expectCall(404, 'quickAddTodo', { body: { text: 'Nowhere', timeZone, listId: absentId() } });
  },
  async listTodos() {
    await expectCall(201, 'createTodo', { body: { title: 'Tagged', tags: ['home'] } });
    await created('Another');
    const first = await expectCall(200, 'listTodos', { query: { limit: '1' } });
    expect(first.nextCursor).toBeTruthy();
    await expectCall(200, 'listTodos', { query: { limit: '1', cursor: first.nextCursor } });
    await expectCall(200, 'listTodos', { query: { status: 'open', tag: 'home' } });
    const listId = await createdList();
    await created('First', { listId });
    await created('Second', { listId });
    const manual = await expectCall(200, 'listTodos', { query: { listId, sort: 'manual', limit: '1' } });
    await expectCall(200, 'listTodos', {
      query: { listId, sort: 'manual', limit: '1', cursor: manual.nextCursor },
    });
    await expectCall(200, 'listTodos', { query: { listId } });
    const byDue = await expectCall(200, 'listTodos', { query: { sort: 'due', limit: '1' } });
    await expectCall(200, 'listTodos', { query: { sort: 'due', limit: '1', cursor: byDue.nextCursor } });
    await expectCall(200, 'listTodos', { query: { listId, sort: 'priority' } });
    // Every list, the shared ones merged in; a stopped move's original is checked for its copy.
    const moved = await stoppedMove();
    const every = await expectCall(200, 'listTodos', { query: { limit: '100' } });
    expect(every.items.filter((todo: { id: string }) => todo.id === moved.id)).toHaveLength(1);
    await expectCall(200, 'listTodos', { query: { listId: moved.listId } });
    await expectCall(404, 'listTodos', { query: { listId: absentId() } });
  },
  async getTodo() {
    await expectCall(200, 'getTodo', { params: { id: await created('Found') } });
    await expectCall(404, 'getTodo', { params: { id: absentId() } });
    const onShared = await created('On a shared list', { listId: await sharedByB() });
    await expectCall(200, 'getTodo', { params: { id: onShared } });
    const moved = await stoppedMove();
    expect((await expectCall(200, 'getTodo', { params: { id: moved.id } })).listId).toBe(moved.listId);
  },
  async updateTodo() {
    const id = await created('To change');
    await expectCall(200, 'updateTodo', { params: { id }, body: { notes: 'plain' } });
    const ifMatch = (version: number) => ({
      params: { id },
      body: { notes: `v${version}` },
      headers: { 'If-Match': `"${version}"` },
    });
    await expectCall(200, 'updateTodo', ifMatch(2));
    await expectCall(412, 'updateTodo', ifMatch(1));
    await expectCall(404, 'updateTodo', { params: { id: absentId() }, body: { notes: 'none' } });
    // A new day or priority: the todo read, its sort keys written with the patch.
    await expectCall(200, 'updateTodo', {
      params: { id },
      body: { dueDate: '2026-12-24', priority: 'high' },
    });
    // Moves: to the top of its list, after another todo, to another own list, and to a list
    // another person shares (another partition).
    const other = await created('Other');
    await expectCall(200, 'updateTodo', { params: { id }, body: { after: null } });
    await expectCall(200, 'updateTodo', { params: { id }, body: { after: other } });
    await expectCall(200, 'updateTodo', { params: { id }, body: { listId: await createdList() } });
    const shared = await sharedByB();
    await expectCall(200, 'updateTodo', { params: { id }, body: { listId: shared, title: 'Moved across' } });
    // Changed where it now is, in B's partition; then finishing a stopped move.
    await expectCall(200, 'updateTodo', { params: { id }, body: { notes: 'on the shared list' } });
    const moved = await stoppedMove();
    await expectCall(200, 'updateTodo', { params: { id: moved.id }, body: { notes: 'finishes the move' } });
  },
  async deleteTodo() {
    const id = await created('To delete');
    await expectCall(412, 'deleteTodo', { params: { id }, headers: { 'If-Match': '"2"' } });
    await expectCall(204, 'deleteTodo', { params: { id } });
    await expectCall(404, 'deleteTodo', { params: { id } });
    const onShared = await created('On a shared list', { listId: await sharedByB() });
    await expectCall(204, 'deleteTodo', { params: { id: onShared } });
    const moved = await stoppedMove();
    await expectCall(204, 'deleteTodo', { params: { id: moved.id } });
  },
  async importTodos() {
    const importId = newImportId();
    const item = (index: number) => ({ id: importItemId(importId, index), title: `Item ${index}` });
    const middle = Array.from({ length: 10 }, (_, index) => item(index + 1));
    expect((await expectCall(200, 'importTodos', { body: { items: middle } })).created).toBe(10);
    expect((await expectCall(200, 'importTodos', { body: { items: middle } })).existing).toBe(10);
    // Two ids around the ten: their range holds more than twice the batch, so the range Query
    // stops early and BatchGetItem looks up the rest.
    expect((await expectCall(200, 'importTodos', { body: { items: [item(0), item(11)] } })).created).toBe(2);
    const listId = await createdList();
    const onList = { ...item(12), listId };
    expect((await expectCall(200, 'importTodos', { body: { items: [onList] } })).created).toBe(1);
  },
  async listLists() {
    await createdList();
    await sharedByB();
    const first = await expectCall(200, 'listLists', { query: { limit: '1' } });
    expect(first.nextCursor).toBeTruthy();
    await expectCall(200, 'listLists', { query: { limit: '100', cursor: first.nextCursor } });
    await expectCall(200, 'listLists', { query: { archived: 'only' } });
  },
  async createList() {
    const name = 'Named once';
    await createdList('a', name);
    await expectCall(409, 'createList', { body: { name: name.toUpperCase() } });
    await expectCall(409, 'createList', { body: { name: 'inbox' } });
  },
  async getList() {
    await expectCall(200, 'getList', { params: { listId: await createdList() } });
    await expectCall(200, 'getList', { params: { listId: 'inbox' } });
    await expectCall(200, 'getList', { params: { listId: await sharedByB() } });
    await expectCall(404, 'getList', { params: { listId: absentId() } });
  },
  async updateList() {
    const listId = await createdList();
    await expectCall(200, 'updateList', { params: { listId }, body: { name: 'Renamed' } });
    await expectCall(200, 'updateList', { params: { listId }, body: { archived: true } });
    await expectCall(412, 'updateList', {
      params: { listId },
      body: { archived: false },
      headers: { 'If-Match': '"1"' },
    });
    await expectCall(409, 'updateList', {
      params: { listId: await createdList() },
      body: { name: 'renamed' },
    });
    await expectCall(409, 'updateList', { params: { listId: 'inbox' }, body: { name: 'Mine' } });
    await expectCall(403, 'updateList', {
      params: { listId: await sharedByB() },
      body: { name: 'Not mine' },
    });
  },
  async deleteList() {
    const full = await createdList();
    await created('Kept with its list', { listId: full });
    await expectCall(409, 'deleteList', { params: { listId: full } });
    await expectCall(204, 'deleteList', { params: { listId: full }, query: { todos: 'delete' } });
    const moving = await createdList();
    await created('Moved on', { listId: moving });
    await expectCall(204, 'deleteList', {
      params: { listId: moving },
      query: { moveTo: await createdList() },
    });
    const shared = await createdList();
    await expectCall(201, 'addMember', { params: { listId: shared }, body: { email: people.b } });
    await expectCall(201, 'addMember', {
      params: { listId: shared },
      body: { email: 'invited@example.test' },
    });
    await expectCall(204, 'deleteList', { params: { listId: shared } });
    await expectCall(409, 'deleteList', { params: { listId: 'inbox' } });
    await expectCall(403, 'deleteList', { params: { listId: await sharedByB() } });
  },
  async listMembers() {
    const listId = await createdList();
    await expectCall(201, 'addMember', { params: { listId }, body: { email: people.b } });
    await expectCall(200, 'listMembers', { params: { listId } });
    await expectCall(200, 'listMembers', { params: { listId: 'inbox' } });
    await expectCall(200, 'listMembers', { params: { listId: await sharedByB() } });
  },
  async addMember() {
    const listId = await createdList();
    // An address that has signed in is a member at once; one that has not, an invitation.
    expect(
      (await expectCall(201, 'addMember', { params: { listId }, body: { email: people.b } })).status,
    ).toBe('member');
    const invite = { params: { listId }, body: { email: 'not-yet@example.test' } };
    expect((await expectCall(201, 'addMember', invite)).status).toBe('invited');
    await expectCall(201, 'addMember', invite);
    await expectCall(422, 'addMember', { params: { listId }, body: { email: people.a } });
    await expectCall(409, 'addMember', { params: { listId: 'inbox' }, body: { email: people.b } });
  },
  async removeMember() {
    const listId = await createdList();
    const member = await expectCall(201, 'addMember', { params: { listId }, body: { email: people.b } });
    const invited = await expectCall(201, 'addMember', {
      params: { listId },
      body: { email: 'gone@example.test' },
    });
    await expectCall(204, 'removeMember', { params: { listId, memberId: member.id } });
    await expectCall(204, 'removeMember', { params: { listId, memberId: invited.id } });
    await expectCall(404, 'removeMember', { params: { listId, memberId: member.id } });
    await expectCall(409, 'removeMember', { params: { listId, memberId: 'me' } });
    // A member leaving a list shared with them.
    await expectCall(204, 'removeMember', { params: { listId: await sharedByB(), memberId: 'me' } });
  },
  async listFilters() {
    await expectCall(201, 'createFilter', { body: { name: 'Listed', query: 'p1' } });
    expect((await expectCall(200, 'listFilters')).items.length).toBeGreaterThan(0);
  },
  async createFilter() {
    await savedFilter();
    await expectCall(422, 'createFilter', { body: { name: 'Broken', query: 'today &' } });
  },
  async getFilter() {
    await expectCall(200, 'getFilter', { params: { filterId: await savedFilter() } });
    await expectCall(404, 'getFilter', { params: { filterId: absentId() } });
  },
  async updateFilter() {
    const filterId = await savedFilter();
    await expectCall(200, 'updateFilter', { params: { filterId }, body: { name: 'Renamed' } });
    const ifMatch = (version: number) => ({
      params: { filterId },
      body: { query: `p${version}` },
      headers: { 'If-Match': `"${version}"` },
    });
    await expectCall(200, 'updateFilter', ifMatch(2));
    await expectCall(412, 'updateFilter', ifMatch(2));
    await expectCall(404, 'updateFilter', { params: { filterId: absentId() }, body: { name: 'None' } });
  },
  async deleteFilter() {
    const filterId = await savedFilter();
    await expectCall(412, 'deleteFilter', { params: { filterId }, headers: { 'If-Match': '"2"' } });
    await expectCall(204, 'deleteFilter', { params: { filterId }, headers: { 'If-Match': '"1"' } });
    await expectCall(404, 'deleteFilter', { params: { filterId } });
  },
  async listChanges() {
    const start = await expectCall(200, 'listChanges');
    const listId = await createdList();
    await created('On a list of my own', { listId });
    await expectCall(201, 'addMember', { params: { listId }, body: { email: people.b } });
    await created('On a shared list', { listId: await sharedByB() });
    const page = await expectCall(200, 'listChanges', { query: { since: start.cursor } });
    expect(page.changes.length).toBeGreaterThan(0);
  },
  async openapi() {
    await expectCall(200, 'openapi');
  },
  async health() {
    expect(await expectCall(200, 'health')).toEqual({ status: 'ok' });
  },
} satisfies Record<RouteName, () => Promise<void>>;

/** Holds what an operation was seen to take to what it is granted. */
function expectExactly(taken: ReadonlySet<string>, granted: readonly string[], what: string) {
  const allowed = new Set(granted);
  expect(
    [...taken].filter((one) => !allowed.has(one)),
    `${what} taken but not granted`,
  ).toEqual([]);
  expect(
    [...allowed].filter((one) => !taken.has(one)),
    `${what} granted but never taken`,
  ).toEqual([]);
}

describe('the table actions each route is granted', () => {
  it.each(Object.keys(scenarios) as RouteName[])(
    '%s takes only the table actions and indexes its role grants, and uses every one',
    async (route) => {
      await scenarios[route]();
      const { actions, indexes } = recorder.callsOf(route);
      expectExactly(actions, ROUTE_TABLE_ACTIONS[route], 'actions');
      expectExactly(indexes, ROUTE_INDEXES[route], 'indexes');
    },
    60_000,
  );
});

describe("the sign-in trigger's table actions", () => {
  it('are the ones it takes, recording an address and accepting the invitations waiting for it', async () => {
    const listId = await createdList();
    const email = 'later@example.test';
    expect((await expectCall(201, 'addMember', { params: { listId }, body: { email } })).status).toBe(
      'invited',
    );
    const later = await signIn(email);
    // The invitation is now a membership: the new person sees the list.
    const response = await fetch(new URL(`/v1/lists/${listId}`, stack.url), {
      headers: { authorization: later },
    });
    expect(response.status).toBe(200);
    const { actions, indexes } = recorder.callsOf(SIGN_IN);
    expectExactly(actions, SIGN_IN_TABLE_ACTIONS, 'actions');
    expect([...indexes]).toEqual([]);
  }, 60_000);
});
