// The SDK against the real API: the handlers over dynalite behind the local gateway. Every test
// acts through `client.todos` and asserts what a user of the SDK would see.
import { randomUUID } from 'node:crypto';
import { signInLocally } from '@todolist/local/testing';
import {
  type ClientOptions,
  createClient,
  type ListQuery,
  NotFoundError,
  PreconditionFailedError,
  type Todo,
  type TodolistClient,
  UnauthorizedError,
  ValidationError,
} from '@todolist/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inBatches } from './support/in-batches.js';
import { startTestGateway } from './support/local-gateway.js';
import { type RecordedRequest, recordingFetch } from './support/recording-fetch.js';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A well-formed id no todo has (the ULID specification's example, from 2016). */
const UNKNOWN_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

let gateway: Awaited<ReturnType<typeof startTestGateway>>;
let client: TodolistClient;
/** The access token of the person most tests act as. */
let token: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  token = (await signInLocally(gateway.url, 'sdk-tests@example.com')).accessToken;
  client = createClient({ baseUrl: gateway.url, auth: token });
});

afterAll(async () => {
  await gateway?.close();
});

/** A client of the same gateway whose requests the test can see. */
function recordedClient(options: Partial<ClientOptions> = {}) {
  const recorder = recordingFetch();
  return {
    ...recorder,
    todos: createClient({ baseUrl: gateway.url, fetch: recorder.fetch, auth: token, ...options }).todos,
  };
}

/** A tag no other test uses: every test shares one owner, so listings are scoped by tag. */
function uniqueTag(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

/** What the promise was rejected with; fails the test if it was fulfilled. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => expect.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

async function idsOf(todos: AsyncIterable<Todo>): Promise<string[]> {
  const ids: string[] = [];
  for await (const todo of todos) ids.push(todo.id);
  return ids;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('create', () => {
  it('answers a typed todo with the defaults filled in', async () => {
    const todo = await client.todos.create({ title: 'Buy milk' });
    expect(todo).toStrictEqual({
      id: expect.stringMatching(ULID),
      title: 'Buy milk',
      notes: null,
      completed: false,
      completedAt: null,
      dueDate: null,
      dueTime: null,
      recurrence: null,
      completions: [],
      priority: 'normal',
      tags: [],
      listId: 'inbox',
      position: expect.any(String),
      createdBy: expect.stringMatching(/^[0-9a-f-]{36}$/),
      updatedBy: todo.createdBy,
      createdAt: expect.any(String),
      updatedAt: todo.createdAt,
      version: 1,
    });
    expect(Date.parse(todo.createdAt)).not.toBeNaN();
  });

  it('keeps every field given, trimmed and with tags folded to lowercase', async () => {
    const todo = await client.todos.create({
      title: '  File the taxes  ',
      notes: 'receipts are in the blue folder',
      dueDate: '2030-04-15',
      priority: 'high',
      tags: ['Home', 'paperwork'],
      completed: true,
    });
    expect(todo).toMatchObject({
      title: 'File the taxes',
      notes: 'receipts are in the blue folder',
      dueDate: '2030-04-15',
      priority: 'high',
      tags: ['home', 'paperwork'],
      completed: true,
      completedAt: todo.createdAt,
      version: 1,
    });
  });

  it('with the same idempotencyKey twice answers the same todo and makes only one', async () => {
    const tag = uniqueTag('replay');
    const idempotencyKey = randomUUID();
    const first = await client.todos.create({ title: 'Once only', tags: [tag] }, { idempotencyKey });
    const again = await client.todos.create({ title: 'Once only', tags: [tag] }, { idempotencyKey });
    expect(again).toEqual(first);
    expect((await client.todos.list({ tag })).items.map((todo) => todo.id)).toEqual([first.id]);
  });

  it('with the same idempotencyKey but another body throws ValidationError idempotency_key_reused', async () => {
    const tag = uniqueTag('reused');
    const idempotencyKey = randomUUID();
    const first = await client.todos.create({ title: 'First', tags: [tag] }, { idempotencyKey });
    const error = await rejectionOf(
      client.todos.create({ title: 'Second', tags: [tag] }, { idempotencyKey }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      code: 'idempotency_key_reused',
      status: 422,
      requestId: expect.stringMatching(UUID),
    });
    expect((await client.todos.list({ tag })).items.map((todo) => todo.id)).toEqual([first.id]);
  });

  it('sends a fresh Idempotency-Key per call unless told not to', async () => {
    const recorded = recordedClient();
    await recorded.todos.create({ title: 'Keyed' });
    await recorded.todos.create({ title: 'Keyed' });
    await recorded.todos.create({ title: 'Unkeyed' }, { idempotencyKey: false });
    const keys = recorded.requests.map((request) => request.headers.get('idempotency-key'));
    expect(keys).toEqual([expect.stringMatching(UUID), expect.stringMatching(UUID), null]);
    expect(keys[0]).not.toBe(keys[1]);
  });
});

describe('get', () => {
  it('answers the todo as it was created', async () => {
    const created = await client.todos.create({ title: 'Read me', tags: ['books'] });
    expect(await client.todos.get(created.id)).toEqual(created);
  });

  it('of a well-formed unknown id throws NotFoundError naming GET, the path and the request id', async () => {
    const recorded = recordedClient();
    const error = await rejectionOf(recorded.todos.get(UNKNOWN_ID));
    expect(error).toBeInstanceOf(NotFoundError);
    const sentRequestId = recorded.requests[0]?.response?.headers.get('x-amzn-requestid');
    expect(sentRequestId).toMatch(UUID);
    expect(error).toMatchObject({
      code: 'not_found',
      status: 404,
      method: 'GET',
      path: `/v1/todos/${UNKNOWN_ID}`,
      requestId: sentRequestId,
    });
    expect((error as Error).message).toContain(`GET /v1/todos/${UNKNOWN_ID} failed`);
  });

  it('of a malformed id throws ValidationError without sending anything', async () => {
    const recorded = recordedClient();
    const error = await rejectionOf(recorded.todos.get('not-an-id'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed', status: undefined });
    expect((error as Error).message).toMatch(/not sent: id must be a 26-character ULID/);
    expect(recorded.requests).toHaveLength(0);
  });
});

describe('update', () => {
  it('changes the fields given, keeps the others and bumps the version', async () => {
    const created = await client.todos.create({ title: 'Draft', notes: 'keep me', tags: ['work'] });
    const updated = await client.todos.update(created.id, {
      title: 'Final',
      priority: 'high',
      dueDate: '2030-01-31',
    });
    expect(updated).toEqual({
      ...created,
      title: 'Final',
      priority: 'high',
      dueDate: '2030-01-31',
      updatedAt: expect.any(String),
      version: 2,
    });
    expect(await client.todos.get(created.id)).toEqual(updated);
  });

  it('with a stale ifMatch throws PreconditionFailedError with the current version and changes nothing', async () => {
    const created = await client.todos.create({ title: 'Contested' });
    const current = await client.todos.update(created.id, { title: 'Changed elsewhere' }, { ifMatch: 1 });
    const error = await rejectionOf(
      client.todos.update(created.id, { title: 'Mine' }, { ifMatch: created.version }),
    );
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error).toMatchObject({ code: 'precondition_failed', status: 412, currentVersion: 2 });
    expect(await client.todos.get(created.id)).toEqual(current);
  });

  it('complete sets completed and completedAt; reopen clears them', async () => {
    const created = await client.todos.create({ title: 'Finish me' });
    const done = await client.todos.complete(created.id);
    expect(done).toMatchObject({ completed: true, completedAt: expect.any(String), version: 2 });
    expect(Date.parse(done.completedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(created.createdAt));
    const reopened = await client.todos.reopen(created.id, { ifMatch: done.version });
    expect(reopened).toMatchObject({ completed: false, completedAt: null, version: 3 });
  });
});

describe('delete', () => {
  it('removes the todo: a later get throws NotFoundError', async () => {
    const created = await client.todos.create({ title: 'Short-lived' });
    await expect(client.todos.delete(created.id)).resolves.toBeUndefined();
    await expect(client.todos.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('with a stale ifMatch throws PreconditionFailedError and the todo remains', async () => {
    const created = await client.todos.create({ title: 'Guarded' });
    const current = await client.todos.complete(created.id);
    const error = await rejectionOf(client.todos.delete(created.id, { ifMatch: created.version }));
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error).toMatchObject({
      code: 'precondition_failed',
      status: 412,
      currentVersion: current.version,
    });
    expect(await client.todos.get(created.id)).toEqual(current);
  });
});

describe('updateWith', () => {
  it('lands two concurrent changes on one todo by rereading after a 412', async () => {
    const recorded = recordedClient();
    const created = await client.todos.create({ title: 'Shared', tags: ['base'] });
    // Neither change is computed until both have read version 1, so both write against it and
    // one of them must meet a 412 and try again.
    let reads = 0;
    let bothRead: () => void = () => {};
    const barrier = new Promise<void>((resolve) => {
      bothRead = resolve;
    });
    const addTag = (tag: string) => async (todo: Todo) => {
      if (++reads === 2) bothRead();
      await barrier;
      return { tags: [...todo.tags, tag] };
    };
    await Promise.all([
      recorded.todos.updateWith(created.id, addTag('first')),
      recorded.todos.updateWith(created.id, addTag('second')),
    ]);
    const final = await client.todos.get(created.id);
    expect(final.tags).toHaveLength(3);
    expect(final.tags).toEqual(expect.arrayContaining(['base', 'first', 'second']));
    expect(final.version).toBe(3);
    expect(reads).toBe(3);
    const patches = recorded.requests.filter((request) => request.method === 'PATCH');
    expect(patches.map((request) => request.response?.status).sort()).toEqual([200, 200, 412]);
  });

  it('writes nothing when the change answers undefined', async () => {
    const recorded = recordedClient();
    const created = await client.todos.create({ title: 'Leave me be' });
    expect(await recorded.todos.updateWith(created.id, () => undefined)).toEqual(created);
    expect((await client.todos.get(created.id)).version).toBe(1);
    expect(recorded.requests.map((request) => request.method)).toEqual(['GET']);
  });
});

describe('list', () => {
  it('answers one typed page in creation order, with a cursor to the next', async () => {
    const tag = uniqueTag('page');
    const made = await inBatches(3, 3, (index) =>
      client.todos.create({ title: `Page item ${index}`, tags: [tag] }),
    );
    const ids = made.map((todo) => todo.id).sort(byId);
    const first = await client.todos.list({ tag, limit: 2 });
    expect(first.items.map((todo) => todo.id)).toEqual(ids.slice(0, 2));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await client.todos.list({ tag, limit: 2, cursor: first.nextCursor ?? '' });
    expect(second).toEqual({ items: [made.find((todo) => todo.id === ids[2])], nextCursor: null });
  });

  describe('filters', () => {
    const tag = uniqueTag('filter');
    const urgent = uniqueTag('urgent');

    beforeAll(async () => {
      // One after another, so creation order is the order written here.
      await client.todos.create({ title: 'January', dueDate: '2030-01-10', tags: [tag, urgent] });
      await client.todos.create({ title: 'February', dueDate: '2030-02-10', tags: [tag], completed: true });
      await client.todos.create({
        title: 'March',
        dueDate: '2030-03-10',
        tags: [tag, urgent],
        priority: 'high',
      });
      await client.todos.create({ title: 'Whenever', tags: [tag], priority: 'low' });
    });

    const titles = async (query: ListQuery) =>
      (await client.todos.list({ tag, ...query })).items.map((todo) => todo.title);

    it('status keeps open or completed todos', async () => {
      expect(await titles({ status: 'open' })).toEqual(['January', 'March', 'Whenever']);
      expect(await titles({ status: 'completed' })).toEqual(['February']);
      expect(await titles({ status: 'all' })).toEqual(['January', 'February', 'March', 'Whenever']);
    });

    it('tag keeps the todos carrying it', async () => {
      expect(await titles({ tag: urgent })).toEqual(['January', 'March']);
    });

    it('sort=due and sort=priority order every page as the API keys them, a page of one at a time', async () => {
      const inOrder = async (sort: 'due' | 'priority') => {
        const seen: string[] = [];
        for await (const todo of client.todos.iterate({ tag, sort, limit: 1 })) seen.push(todo.title);
        return seen;
      };
      expect(await inOrder('due')).toEqual(['January', 'February', 'March', 'Whenever']);
      expect(await inOrder('priority')).toEqual(['March', 'January', 'February', 'Whenever']);
    });

    it('filter= keeps the todos passing it, in the order asked for', async () => {
      expect(await titles({ filter: `#${urgent} | no date`, sort: 'priority' })).toEqual([
        'March',
        'January',
        'Whenever',
      ]);
    });

    it('dueBefore and dueAfter keep todos due in the range, and never undated ones', async () => {
      expect(await titles({ dueBefore: '2030-02-01' })).toEqual(['January']);
      expect(await titles({ dueAfter: '2030-02-01' })).toEqual(['February', 'March']);
      expect(await titles({ dueAfter: '2030-01-15', dueBefore: '2030-03-01' })).toEqual(['February']);
    });
  });

  it('with limit 0 throws ValidationError without sending a request', async () => {
    const recorded = recordedClient();
    const error = await rejectionOf(recorded.todos.list({ limit: 0 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'invalid_query', fieldErrors: [{ path: 'limit' }] });
    expect(recorded.requests).toHaveLength(0);
  });

  it('with an unknown option throws ValidationError naming it, without sending a request', async () => {
    const recorded = recordedClient();
    const error = await rejectionOf(recorded.todos.list({ colour: 'red' } as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      code: 'invalid_query',
      fieldErrors: [{ path: 'colour', message: 'unknown option "colour"' }],
    });
    expect(recorded.requests).toHaveLength(0);
  });
});

describe('iterate', () => {
  const COUNT = 250;
  const tag = uniqueTag('bulk');
  const fifth = uniqueTag('fifth');
  let ids: string[];
  let everyFifth: string[];
  let everyThirdCompleted: string[];

  beforeAll(async () => {
    const made = await inBatches(COUNT, 10, (index) =>
      client.todos.create({
        title: `Bulk ${index}`,
        tags: index % 5 === 0 ? [tag, fifth] : [tag],
        completed: index % 3 === 0,
      }),
    );
    ids = made.map((todo) => todo.id).sort(byId);
    everyFifth = made
      .filter((todo) => todo.tags.includes(fifth))
      .map((todo) => todo.id)
      .sort(byId);
    everyThirdCompleted = made
      .filter((todo) => todo.completed)
      .map((todo) => todo.id)
      .sort(byId);
  });

  const listRequests = (requests: readonly RecordedRequest[]) =>
    requests.map((request) => ({
      limit: request.url.searchParams.get('limit'),
      cursor: request.url.searchParams.has('cursor'),
    }));

  it('yields all 250 once each, in creation order, 100 per page by default', async () => {
    const recorded = recordedClient();
    expect(await idsOf(recorded.todos.iterate({ tag }))).toEqual(ids);
    expect(listRequests(recorded.requests)).toEqual([
      { limit: '100', cursor: false },
      { limit: '100', cursor: true },
      { limit: '100', cursor: true },
    ]);
  });

  it('pages by 100 when limit is present but undefined', async () => {
    const recorded = recordedClient();
    expect(await idsOf(recorded.todos.iterate({ tag, limit: undefined }))).toEqual(ids);
    expect(listRequests(recorded.requests).map((request) => request.limit)).toEqual(['100', '100', '100']);
  });

  it('follows the cursors at a page size given as limit', async () => {
    const recorded = recordedClient();
    expect(await idsOf(recorded.todos.iterate({ tag, limit: 7 }))).toEqual(ids);
    expect(recorded.requests).toHaveLength(Math.ceil(COUNT / 7));
    expect(new Set(listRequests(recorded.requests).map((request) => request.limit))).toEqual(new Set(['7']));
  });

  it('without a filter yields every todo of the owner once, in id order', async () => {
    const all = await idsOf(client.todos.iterate());
    expect(all).toEqual([...new Set(all)].sort(byId));
    expect(all.filter((id) => ids.includes(id))).toEqual(ids);
  });

  it('with a filter yields exactly the matching todos', async () => {
    expect(await idsOf(client.todos.iterate({ tag: fifth }))).toEqual(everyFifth);
    expect(await idsOf(client.todos.iterate({ tag, status: 'completed', limit: 30 }))).toEqual(
      everyThirdCompleted,
    );
    expect(everyFifth).toHaveLength(50);
    expect(everyThirdCompleted).toHaveLength(84);
  });

  it('stops fetching pages when the loop breaks early', async () => {
    const recorded = recordedClient();
    let seen = 0;
    for await (const _todo of recorded.todos.iterate({ tag, limit: 7 })) {
      if (++seen === 10) break;
    }
    expect(recorded.requests).toHaveLength(2);
    for await (const _todo of recorded.todos.iterate({ tag })) break;
    expect(recorded.requests).toHaveLength(3);
  });
});

// The SDK checks bodies, ids and queries against the same schemas as the server, so a refusal
// of the body itself (422 validation_failed) cannot be provoked through it. What only the server
// can judge (a header's value, a cursor's signature, a key's first body) comes back as a
// ValidationError carrying the server's status and request id.
describe("the server's refusals", () => {
  it('an Idempotency-Key that is not visible ASCII is refused before sending: ValidationError invalid_header', async () => {
    const error = await rejectionOf(
      client.todos.create({ title: 'Keyed' }, { idempotencyKey: 'has spaces' }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'invalid_header', status: undefined, requestId: undefined });
    expect((error as Error).message).toMatch(/idempotencyKey must be/);
  });

  it('an ifMatch that is not a version is refused before sending, and nothing changes', async () => {
    const created = await client.todos.create({ title: 'Conditional' });
    for (const ifMatch of ['latest', 'W/"1"', 0, 1.5]) {
      const error = await rejectionOf(client.todos.update(created.id, { title: 'Nope' }, { ifMatch }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: 'invalid_header', status: undefined });
    }
    expect(await client.todos.get(created.id)).toEqual(created);
  });

  it('a cursor the server did not issue, or issued for another filter, is a ValidationError invalid_cursor', async () => {
    await expect(client.todos.list({ cursor: 'forged.cursor' })).rejects.toMatchObject({
      name: 'ValidationError',
      code: 'invalid_cursor',
      status: 400,
    });
    const tag = uniqueTag('cursor');
    await inBatches(2, 2, () => client.todos.create({ title: 'Cursor source', tags: [tag] }));
    const { nextCursor } = await client.todos.list({ tag, limit: 1 });
    await expect(client.todos.list({ status: 'open', cursor: nextCursor ?? '' })).rejects.toMatchObject({
      code: 'invalid_cursor',
    });
  });
});

describe('client options', () => {
  it('auth: a signed-in token is sent as Authorization: Bearer <token>, and the API answers as that person', async () => {
    const { accessToken } = await signInLocally(gateway.url, `sdk-${randomUUID()}@example.com`);
    const recorded = recordedClient({ auth: accessToken });
    const created = await recorded.todos.create({ title: 'Authorized' });
    await recorded.todos.get(created.id);
    expect((await recorded.todos.list()).items.map((todo) => todo.title)).toEqual(['Authorized']);
    expect(recorded.requests.map((request) => request.headers.get('authorization'))).toEqual([
      `Bearer ${accessToken}`,
      `Bearer ${accessToken}`,
      `Bearer ${accessToken}`,
    ]);
    // Someone else does not see it.
    const someoneElse = await signInLocally(gateway.url, `sdk-${randomUUID()}@example.com`);
    await expect(
      createClient({ baseUrl: gateway.url, auth: someoneElse.accessToken }).todos.get(created.id),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('auth: a token provider is asked for each request; with no token there is no Authorization and the API says 401', async () => {
    const { accessToken } = await signInLocally(gateway.url, `sdk-${randomUUID()}@example.com`);
    let calls = 0;
    const recorded = recordedClient({
      auth: async () => {
        calls++;
        return accessToken;
      },
    });
    const created = await recorded.todos.create({ title: 'Fresh tokens' });
    await recorded.todos.get(created.id);
    await recorded.todos.delete(created.id);
    expect(calls).toBe(3);
    const anonymous = recordedClient({ auth: async () => undefined });
    await expect(anonymous.todos.list({ limit: 1 })).rejects.toBeInstanceOf(UnauthorizedError);
    // Asked again for a fresh token after the 401, the provider still has none: nothing is resent.
    expect(anonymous.requests.map((request) => request.headers.get('authorization'))).toEqual([null]);
  });

  it('auth: a token the gateway refuses (401) is replaced by the provider once, and the call goes through', async () => {
    const { accessToken } = await signInLocally(gateway.url, `sdk-${randomUUID()}@example.com`);
    const expired = `${accessToken.slice(0, -4)}AAAA`;
    const asked: boolean[] = [];
    const recorded = recordedClient({
      auth: ({ refresh }) => {
        asked.push(refresh);
        return refresh ? accessToken : expired;
      },
    });
    const created = await recorded.todos.create({ title: 'After a refresh' });
    expect(created.title).toBe('After a refresh');
    expect(asked).toEqual([false, true]);
    expect(recorded.requests).toHaveLength(2);
  });

  it('headers are sent on every request', async () => {
    const recorded = recordedClient({ headers: { 'X-Client-Name': 'gateway-test' } });
    const created = await recorded.todos.create({ title: 'Labelled' });
    await recorded.todos.get(created.id);
    await recorded.todos.update(created.id, { priority: 'low' });
    await recorded.todos.list({ limit: 1 });
    await recorded.todos.delete(created.id);
    expect(
      recorded.requests.map((request) => [request.method, request.headers.get('x-client-name')]),
    ).toEqual([
      ['POST', 'gateway-test'],
      ['GET', 'gateway-test'],
      ['PATCH', 'gateway-test'],
      ['GET', 'gateway-test'],
      ['DELETE', 'gateway-test'],
    ]);
  });
});
