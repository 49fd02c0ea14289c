// `client.subscribe` against the local gateway's live endpoint (`/v1/live`): a poke brings the
// change, and a restart of the gateway on the same data and port loses nothing and repeats
// nothing, the subscription reconnecting and catching up from its cursor by itself.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalStack, signInLocally, startLocalStack } from '@todolist/local/testing';
import {
  type ChangeBatch,
  createClient,
  NetworkError,
  type Subscription,
  type TodolistClient,
} from '@todolist/sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestGateway } from './support/local-gateway.js';

const QUICK_RECONNECT = { baseDelayMs: 50, maxDelayMs: 500 };
/** How long a change may take to arrive: bounded, with room for a loaded machine. */
const ARRIVES = { timeout: 15_000, interval: 20 };
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function signedIn(stack: LocalStack, email: string): Promise<TodolistClient> {
  const { accessToken } = await signInLocally(stack.url, email);
  return createClient({ baseUrl: stack.url, auth: accessToken });
}

/** Subscribes from now, gathering what comes; closed after the test. */
async function subscribed(client: TodolistClient) {
  const batches: ChangeBatch[] = [];
  const errors: unknown[] = [];
  const subscription: Subscription = await client.subscribe({
    reconnect: QUICK_RECONNECT,
    onChange: (batch) => {
      batches.push(batch);
    },
    onError: (error) => errors.push(error),
  });
  cleanups.push(() => subscription.close());
  // Following from now: the cursor is asked for once the socket is open.
  await vi.waitFor(() => expect(subscription.cursor).toBeDefined(), ARRIVES);
  const titles = () =>
    batches.flatMap(({ changes }) =>
      changes.flatMap((change) =>
        change.type === 'todo' && change.op === 'upsert' ? [change.todo.title] : [],
      ),
    );
  return { batches, errors, subscription, titles };
}

describe('client.subscribe against the local gateway', () => {
  it('a write is poked and read: the change arrives within a bounded wait, to its author and to a member', async () => {
    const stack = await startTestGateway();
    cleanups.push(() => stack.close());
    const [ada, sam] = await Promise.all([
      signedIn(stack, 'ada@live.example.com'),
      signedIn(stack, 'sam@live.example.com'),
    ]);
    const list = await ada.lists.create({ name: 'Shared' });
    await ada.lists.members.add(list.id, 'sam@live.example.com');
    const [adas, sams] = await Promise.all([subscribed(ada), subscribed(sam)]);

    await ada.todos.create({ title: 'Milk', listId: list.id });

    await vi.waitFor(() => expect(sams.titles()).toEqual(['Milk']), ARRIVES);
    await vi.waitFor(() => expect(adas.titles()).toEqual(['Milk']), ARRIVES);
    expect([...adas.errors, ...sams.errors]).toEqual([]);
  });

  it('survives a restart of the gateway on the same data folder and port: nothing missed, nothing twice', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'todolist-sdk-live-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    let stack = await startLocalStack({ dataDir, port: 0, throttle: null });
    const port = Number(new URL(stack.url).port);
    cleanups.push(() => stack.close());
    const ada = await signedIn(stack, 'ada@restart.example.com');
    const { errors, titles, subscription } = await subscribed(ada);
    await ada.todos.create({ title: 'before' });
    await vi.waitFor(() => expect(titles()).toEqual(['before']), ARRIVES);

    await stack.close();
    stack = await startLocalStack({ dataDir, port, throttle: null });
    // Written at once, before the subscription is back: only its catching up can bring them.
    await ada.todos.create({ title: 'while it reconnects' });
    const last = await ada.todos.create({ title: 'and after' });
    await ada.todos.update(last.id, { title: 'and after, changed' });

    await vi.waitFor(() => expect(titles().at(-1)).toBe('and after, changed'), ARRIVES);
    await ada.todos.create({ title: 'once back' });
    await vi.waitFor(() => expect(titles().at(-1)).toBe('once back'), ARRIVES);

    // Each change once: the feed gives a todo's latest state, so the second todo may come once
    // as made and once as changed, or only changed, but never one change twice.
    const seen = titles();
    expect(seen.slice(0, 2)).toEqual(['before', 'while it reconnects']);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((title) => title.startsWith('and after')).at(-1)).toBe('and after, changed');
    expect(seen.at(-1)).toBe('once back');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error instanceof NetworkError)).toBe(true);
    expect(subscription.cursor).toBeDefined();
  });
});
