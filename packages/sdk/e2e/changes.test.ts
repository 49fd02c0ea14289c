// `client.changes` and the synced store against the real API behind the local gateway: what a
// person's feed says after their writes and another's, and a store that keeps in step with both.
import { signInLocally } from '@todolist/local/testing';
import { type Change, type ChangePage, createClient, type TodolistClient } from '@todolist/sdk';
import { createSyncedStore, type SyncedStore } from '@todolist/sdk/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestGateway } from './support/local-gateway.js';

let gateway: Awaited<ReturnType<typeof startTestGateway>>;
const clients: Record<string, TodolistClient> = {};

/** A client signed in as someone no other test of this file uses. */
async function clientOf(name: string): Promise<TodolistClient> {
  const { accessToken } = await signInLocally(gateway.url, `${name}@changes.example.com`);
  clients[name] = createClient({ baseUrl: gateway.url, auth: accessToken });
  return clients[name];
}

beforeAll(async () => {
  gateway = await startTestGateway();
});

afterAll(async () => {
  await gateway?.close();
});

/** Every change from `cursor` to the end of the feed, page after page. */
async function changesSince(client: TodolistClient, cursor: string, limit?: number): Promise<Change[]> {
  const changes: Change[] = [];
  for await (const page of client.changes.iterate(cursor, limit ? { limit } : {}))
    changes.push(...page.changes);
  return changes;
}

const summary = (change: Change) =>
  change.type === 'todo' && change.op === 'upsert'
    ? `${change.op} ${change.todo.title} v${change.todo.version}`
    : `${change.type} ${change.op} ${change.id}`;

describe('client.changes', () => {
  it('without a cursor answers one for now; since it, each todo once, in its latest state, and the deletes', async () => {
    const ada = await clientOf('ada');
    await ada.todos.create({ title: 'before' });
    const now: ChangePage = await ada.changes.since();
    const milk = await ada.todos.create({ title: 'Milk' });
    await ada.todos.complete(milk.id);
    const bread = await ada.todos.create({ title: 'Bread' });
    await ada.todos.delete(bread.id);

    expect(now).toEqual({ changes: [], cursor: expect.any(String), hasMore: false });
    expect((await changesSince(ada, now.cursor)).map(summary)).toEqual([
      'upsert Milk v2',
      `todo delete ${bread.id}`,
    ]);
  });

  it('iterate follows the cursor page by page while there is more: every change once, the last cursor caught up', async () => {
    const ada = clients.ada ?? (await clientOf('ada'));
    const { cursor } = await ada.changes.since();
    const made = [];
    for (const title of ['one', 'two', 'three', 'four', 'five']) made.push(await ada.todos.create({ title }));

    const pages: ChangePage[] = [];
    for await (const page of ada.changes.iterate(cursor, { limit: 2 })) pages.push(page);

    expect(pages.map((page) => page.changes.length)).toEqual([2, 2, 1]);
    expect(pages.map((page) => page.hasMore)).toEqual([true, true, false]);
    expect(pages.flatMap((page) => page.changes.map((change) => change.id))).toEqual(
      made.map((todo) => todo.id),
    );
    expect(await changesSince(ada, pages.at(-1)?.cursor ?? '')).toEqual([]);
  });

  it('shows a member what another person changes on a shared list, and the list gone when they are removed', async () => {
    const [owner, member] = await Promise.all([clientOf('owner'), clientOf('member')]);
    const list = await owner.lists.create({ name: 'Shared' });
    const { cursor } = await member.changes.since();
    const joined = await owner.lists.members.add(list.id, 'member@changes.example.com');
    const todo = await owner.todos.create({ title: 'for both', listId: list.id });

    const seen = await changesSince(member, cursor);
    await owner.lists.members.remove(list.id, joined.id);
    const after = await changesSince(member, cursor);

    expect(seen.map(summary)).toEqual([`list upsert ${list.id}`, 'upsert for both v1']);
    // Read again from the same cursor once the member is off the list: the list is gone, and
    // its todos with it, without a delete for each.
    expect(after.map(summary)).toEqual([`list delete ${list.id}`]);
    expect(todo.listId).toBe(list.id);
  });
});

describe('createSyncedStore', () => {
  const stores: SyncedStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.stop()));
  });

  it('keeps B’s lists and todos in step with what A does: a newly shared list with its todos, changes, counts, removal', async () => {
    const [a, b] = await Promise.all([clientOf('a'), clientOf('b')]);
    const errors: unknown[] = [];
    const store = createSyncedStore(b, { onError: (error) => errors.push(error) });
    stores.push(store);
    await b.todos.create({ title: 'b’s own' });
    await store.start();
    const titles = () =>
      store
        .snapshot()
        .todos.map((todo) => todo.title)
        .sort();
    const listOf = (id: string) => store.snapshot().lists.find((list) => list.id === id);
    expect(titles()).toEqual(['b’s own']);

    const trip = await a.lists.create({ name: 'Trip' });
    const tickets = await a.todos.create({ title: 'Tickets', listId: trip.id });
    await a.todos.create({ title: 'Passport', listId: trip.id });
    const b_on_trip = await a.lists.members.add(trip.id, 'b@changes.example.com');

    // Within a bounded wait: the list, with the todos it had before B was on it.
    await vi.waitFor(() => expect(titles()).toEqual(['Passport', 'Tickets', 'b’s own']), { timeout: 10_000 });
    expect(listOf(trip.id)).toMatchObject({ name: 'Trip', role: 'member', openCount: 2 });

    await a.todos.complete(tickets.id);
    await vi.waitFor(() => expect(listOf(trip.id)).toMatchObject({ openCount: 1 }), { timeout: 10_000 });
    // Renamed once the store has read the completion: a rename of a shared list while its member
    // reads the feed can be lost by the feed (a handlers' bug, reported), which no client can see.
    await a.lists.update(trip.id, { name: 'Summer trip' });
    await vi.waitFor(() => expect(listOf(trip.id)).toMatchObject({ name: 'Summer trip' }), {
      timeout: 10_000,
    });

    await a.lists.members.remove(trip.id, b_on_trip.id);
    await vi.waitFor(() => expect(titles()).toEqual(['b’s own']), { timeout: 10_000 });
    expect(listOf(trip.id)).toBeUndefined();
    expect(errors).toEqual([]);
  });
});
