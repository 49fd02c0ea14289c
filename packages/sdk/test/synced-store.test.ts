import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type List, SyncExpiredError, type Todo } from '../src/index.js';
import { createSyncedStore, type SyncedChanges, type SyncedStore } from '../src/sync/index.js';
import { aTodo, problemAnswer } from './support/api-answers.js';
import { fakeFeed } from './support/fake-feed.js';
import { aChangedList, aList, LIST_ID, todoUpsert } from './support/feed-answers.js';
import { MOCK_BASE_URL, useMockApi } from './support/mock-api-server.js';
import { quickClient } from './support/quick-client.js';

// The synced store against msw: the order of its full read, how it applies the feed, and how it
// gets over what breaks the feed. The store against the real gateway, two people, is in e2e/.

const api = useMockApi();
const INBOX = aList({ id: 'inbox', inbox: true, name: 'Inbox', createdAt: null, openCount: 7 });
const ARCHIVED_ID = '01KMZ7X3Q4V8N2B6C9D1E5F7H3';
const SHARED_ID = '01KMZ7X3Q4V8N2B6C9D1E5F7H4';
const id = (n: number) => `01KMZ7X3Q4V8N2B6C9D1E5F7${String(n).padStart(2, '0')}`;
const stores: SyncedStore[] = [];

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.stop()));
});

/** The API's lists and todos, as GET /v1/lists and GET /v1/todos answer them (one page each). */
function fakeLists(lists: List[], todos: Todo[]) {
  api.server.use(
    http.get(`${MOCK_BASE_URL}/v1/todos`, ({ request }) => {
      const listId = new URL(request.url).searchParams.get('listId');
      const archived = new Set(lists.filter((list) => list.archived).map((list) => list.id));
      const items = todos.filter((todo) => (listId ? todo.listId === listId : !archived.has(todo.listId)));
      return HttpResponse.json({ items, nextCursor: null });
    }),
    http.get(`${MOCK_BASE_URL}/v1/lists`, () => HttpResponse.json({ items: lists, nextCursor: null })),
  );
}

function startedStore(options: Parameters<typeof createSyncedStore>[1] = {}) {
  const changes: SyncedChanges[] = [];
  const errors: unknown[] = [];
  const store = createSyncedStore(quickClient({ auth: 't' }), {
    reconnect: { baseDelayMs: 10, maxDelayMs: 40 },
    onError: (error) => errors.push(error),
    ...options,
  });
  store.subscribe((change) => changes.push(change));
  stores.push(store);
  return { store, changes, errors };
}

const soon = { timeout: 5000, interval: 5 };
const asked = () => api.requests.map((request) => `${request.path}${request.url.search}`);

describe('createSyncedStore', () => {
  it('reads a cursor for now, every todo, every list, the archived lists’ todos, then follows the feed from that cursor', async () => {
    const feed = fakeFeed(api);
    feed.add(todoUpsert({ id: id(9), title: 'before the cursor' }));
    fakeLists(
      [INBOX, aList(), aList({ id: ARCHIVED_ID, name: 'Old', archived: true })],
      [
        aTodo({ id: id(1) }),
        aTodo({ id: id(2), listId: LIST_ID }),
        aTodo({ id: id(3), listId: ARCHIVED_ID }),
      ],
    );
    const { store, changes } = startedStore();

    await store.start();

    expect(asked().slice(0, 4)).toEqual([
      '/v1/changes',
      '/v1/todos?status=all&limit=100',
      '/v1/lists?archived=include&limit=100',
      `/v1/todos?listId=${ARCHIVED_ID}&status=all&limit=100`,
    ]);
    expect(store.snapshot().todos.map((todo) => todo.id)).toEqual([id(1), id(2), id(3)]);
    expect(store.snapshot().lists.map((list) => [list.id, list.openCount])).toEqual([
      ['inbox', 1],
      [LIST_ID, 1],
      [ARCHIVED_ID, 1],
    ]);
    expect(changes).toEqual([expect.objectContaining({ full: true })]);
    await vi.waitFor(() => expect(asked()).toContain('/v1/changes?since=c1'), soon);
  });

  it('applies the feed as it comes, and tells its listeners just what changed', async () => {
    const feed = fakeFeed(api);
    fakeLists([INBOX, aList()], [aTodo({ id: id(1) }), aTodo({ id: id(2), listId: LIST_ID })]);
    const { store, changes } = startedStore();
    await store.start();
    const before = store.snapshot();
    await vi.waitFor(() => expect(feed.open()).toBe(1), soon);

    feed.add(todoUpsert({ id: id(1), title: 'done', completed: true, version: 2 }), {
      type: 'list',
      op: 'delete',
      id: LIST_ID,
      reason: 'membership_ended',
    });
    feed.poke();

    await vi.waitFor(() => expect(changes).toHaveLength(2), soon);
    expect(changes[1]).toEqual({
      full: false,
      lists: { upserted: [expect.objectContaining({ id: 'inbox', openCount: 0 })], deleted: [LIST_ID] },
      todos: { upserted: [expect.objectContaining({ id: id(1), completed: true })], deleted: [id(2)] },
    });
    expect(store.snapshot()).not.toBe(before);
    expect(store.snapshot()).toBe(store.snapshot());
    expect(store.snapshot().todos.map((todo) => todo.title)).toEqual(['done']);
  });

  it('a list it did not hold (shared just now) brings its todos, which the feed does not repeat', async () => {
    const feed = fakeFeed(api);
    const lists = [INBOX];
    const todos = [aTodo({ id: id(1) })];
    fakeLists(lists, todos);
    const { store } = startedStore();
    await store.start();
    await vi.waitFor(() => expect(feed.open()).toBe(1), soon);

    todos.push(aTodo({ id: id(5), listId: SHARED_ID, title: 'theirs' }));
    feed.add({
      type: 'list',
      op: 'upsert',
      id: SHARED_ID,
      list: aChangedList({ id: SHARED_ID, role: 'member' }),
    });
    feed.poke();

    await vi.waitFor(() => expect(store.snapshot().lists.map((list) => list.id)).toContain(SHARED_ID), soon);
    expect(store.snapshot().todos.map((todo) => todo.title)).toContain('theirs');
    expect(store.snapshot().lists.find((list) => list.id === SHARED_ID)?.openCount).toBe(1);
    expect(asked()).toContain(`/v1/todos?listId=${SHARED_ID}&status=all&limit=100`);
  });

  it('reads everything again when the feed no longer keeps its cursor, and follows the new one', async () => {
    const feed = fakeFeed(api);
    const todos = [aTodo({ id: id(1) })];
    fakeLists([INBOX], todos);
    const { store, changes, errors } = startedStore();
    await store.start();
    await vi.waitFor(() => expect(feed.open()).toBe(1), soon);

    feed.expireCursors();
    todos.push(aTodo({ id: id(2), title: 'while the cursor was too old' }));
    feed.poke();

    await vi.waitFor(() => expect(changes.filter((change) => change.full)).toHaveLength(2), soon);
    expect(errors[0]).toBeInstanceOf(SyncExpiredError);
    expect(store.snapshot().todos.map((todo) => todo.id)).toEqual([id(1), id(2)]);
    await vi.waitFor(() => expect(feed.tokens).toHaveLength(2), soon);
  });

  it('a first read that fails rejects start(), and nothing runs', async () => {
    const feed = fakeFeed(api);
    api.server.use(http.get(`${MOCK_BASE_URL}/v1/todos`, () => problemAnswer('not_found', { status: 404 })));
    const { store } = startedStore();

    await expect(store.start()).rejects.toMatchObject({ status: 404 });

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(feed.tokens).toEqual([]);
    expect(store.snapshot()).toEqual({ lists: [], todos: [] });
  });

  it('stop() closes the connection; the snapshot stays', async () => {
    const feed = fakeFeed(api);
    fakeLists([INBOX], [aTodo({ id: id(1) })]);
    const { store } = startedStore();
    await store.start();
    await vi.waitFor(() => expect(feed.open()).toBe(1), soon);

    await store.stop();

    expect(feed.open()).toBe(0);
    expect(store.snapshot().todos).toHaveLength(1);
  });

  it('a listener that throws is told to onError, and the others are still told', async () => {
    fakeFeed(api);
    fakeLists([INBOX], []);
    const { store, changes, errors } = startedStore();
    store.subscribe(() => {
      throw new Error('a broken view');
    });

    await store.start();

    expect(changes).toHaveLength(1);
    expect(errors).toEqual([new Error('a broken view')]);
  });
});
