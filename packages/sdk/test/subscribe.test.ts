import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChangeBatch, SubscribeOptions, Subscription, TodolistClient } from '../src/index.js';
import { NetworkError, SyncExpiredError } from '../src/index.js';
import { TODO_ID } from './support/api-answers.js';
import { fakeFeed } from './support/fake-feed.js';
import { todoUpsert } from './support/feed-answers.js';
import { useMockApi } from './support/mock-api-server.js';
import { quickClient } from './support/quick-client.js';

// `client.subscribe` against msw's WebSocket and HTTP mocks: when it reads the feed, what it
// sends, how it reconnects and catches up, and what ends it. The real live server is in e2e/.

const api = useMockApi();
const QUICK_RECONNECT = { baseDelayMs: 10, maxDelayMs: 40 };
const subscriptions: Subscription[] = [];

afterEach(async () => {
  await Promise.all(subscriptions.splice(0).map((subscription) => subscription.close()));
});

/** The titles of the todos delivered, batch by batch. */
function titlesOf(batches: ChangeBatch[]): string[][] {
  return batches.map(({ changes }) =>
    changes.map((change) =>
      change.type === 'todo' && change.op === 'upsert' ? change.todo.title : change.id,
    ),
  );
}

/** Subscribes with quick reconnects, gathering what comes; closed after the test. */
async function follow(
  client: TodolistClient,
  options: Partial<SubscribeOptions> = {},
): Promise<{ batches: ChangeBatch[]; errors: unknown[]; subscription: Subscription }> {
  const batches: ChangeBatch[] = [];
  const errors: unknown[] = [];
  const subscription = await client.subscribe({
    reconnect: QUICK_RECONNECT,
    onChange: (batch) => {
      batches.push(batch);
    },
    onError: (error) => errors.push(error),
    ...options,
  });
  subscriptions.push(subscription);
  return { batches, errors, subscription };
}

const soon = { timeout: 5000, interval: 5 };
const changesRead = () => api.requests.filter((request) => request.path === '/v1/changes');

describe('client.subscribe', () => {
  it('once connected reads the feed from its cursor, then again at each poke', async () => {
    const feed = fakeFeed(api);
    feed.add(todoUpsert({ title: 'before' }));
    const { batches, subscription } = await follow(quickClient({ auth: 'token-1' }), { cursor: 'c0' });

    await vi.waitFor(() => expect(titlesOf(batches)).toEqual([['before']]), soon);
    feed.add(todoUpsert({ title: 'after' }));
    feed.poke();

    await vi.waitFor(() => expect(titlesOf(batches)).toEqual([['before'], ['after']]), soon);
    expect(batches.map((batch) => batch.cursor)).toEqual(['c1', 'c2']);
    expect(subscription.cursor).toBe('c2');
    expect(feed.tokens).toEqual(['token-1']);
  });

  it('without a cursor follows from now: it asks for one once connected, and delivers only what comes after', async () => {
    const feed = fakeFeed(api);
    feed.add(todoUpsert({ title: 'old' }));
    const { batches, subscription } = await follow(quickClient({ auth: 't' }));
    await vi.waitFor(() => expect(subscription.cursor).toBe('c1'), soon);

    feed.add(todoUpsert({ title: 'new' }));
    feed.poke();

    await vi.waitFor(() => expect(titlesOf(batches)).toEqual([['new']]), soon);
    expect(changesRead().map((request) => request.url.searchParams.get('since'))).toEqual([null, 'c1']);
  });

  it('pokes that come during a read make one more read, not one each', async () => {
    const feed = fakeFeed(api);
    const { subscription } = await follow(quickClient({ auth: 't' }), { cursor: 'c0' });
    await vi.waitFor(() => expect(changesRead()).toHaveLength(1), soon);
    await vi.waitFor(() => expect(feed.open()).toBe(1), soon);
    feed.slowReads(200);

    feed.add(todoUpsert({ title: 'one' }));
    feed.poke();
    await vi.waitFor(() => expect(changesRead()).toHaveLength(2), soon);
    for (let poke = 0; poke < 5; poke++) feed.poke();
    await vi.waitFor(() => expect(subscription.cursor).toBe('c1'), soon);
    await vi.waitFor(() => expect(changesRead()).toHaveLength(3), soon);
    feed.slowReads(0);
    // Time for any stray read to reach msw: none does, there was nothing left to ask.
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(changesRead()).toHaveLength(3);
  });

  it('ignores any message that is not a poke', async () => {
    const feed = fakeFeed(api);
    await follow(quickClient({ auth: 't' }), { cursor: 'c0' });
    await vi.waitFor(() => expect(changesRead()).toHaveLength(1), soon);
    await vi.waitFor(() => expect(feed.open()).toBe(1), soon);

    for (const text of ['not json', '{"type":"hello"}', 'null', '42']) feed.send(text);
    feed.poke();

    await vi.waitFor(() => expect(changesRead()).toHaveLength(2), soon);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changesRead()).toHaveLength(2);
  });

  it('after a lost connection reconnects and catches up from the last cursor: nothing missed, nothing twice', async () => {
    const feed = fakeFeed(api);
    feed.add(todoUpsert({ title: 'first' }));
    const { batches, errors } = await follow(quickClient({ auth: 't' }), { cursor: 'c0' });
    await vi.waitFor(() => expect(titlesOf(batches)).toEqual([['first']]), soon);

    feed.dropAll();
    feed.add(todoUpsert({ title: 'while away' }));

    await vi.waitFor(() => expect(titlesOf(batches)).toEqual([['first'], ['while away']]), soon);
    expect(feed.tokens).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(NetworkError);
    expect((errors[0] as Error).message).toMatch(
      /the live connection to ws:\/\/api\.todolist\.test\/v1\/live closed \(4000 restarting\)/,
    );
    expect(changesRead().map((request) => request.url.searchParams.get('since'))).toEqual(['c0', 'c1']);
  });

  it('asks the token provider on each connect, and for a fresh token once after a refused handshake', async () => {
    const feed = fakeFeed(api);
    feed.refuseNext(3);
    const asked: boolean[] = [];
    const { errors } = await follow(
      quickClient({
        auth: ({ refresh }) => {
          asked.push(refresh);
          return `token-${asked.length}`;
        },
      }),
      { cursor: 'c0' },
    );

    await vi.waitFor(() => expect(feed.open()).toBe(1), soon);
    await vi.waitFor(() => expect(changesRead()).toHaveLength(1), soon);
    // Connects ask without refresh, but the one right after the first refusal; the read of the
    // feed asks once more, as every request does.
    expect(asked.slice(0, 4)).toEqual([false, true, false, false]);
    expect(feed.tokens).toEqual(['token-1', 'token-2', 'token-3', 'token-4']);
    expect(errors).toHaveLength(3);
    expect((errors[0] as Error).message).toMatch(
      /could not open the live connection .* \(closed 4001 refused first\)/,
    );
    expect((errors[0] as Error).message).not.toContain('token-');
  });

  it('a cursor the feed no longer keeps ends it: onError and done get a SyncExpiredError, and it connects no more', async () => {
    const feed = fakeFeed(api);
    feed.expireCursors();
    const { errors, subscription } = await follow(quickClient({ auth: 't' }), { cursor: 'c0' });

    const ended = await subscription.done.catch((error: unknown) => error);

    expect(ended).toBeInstanceOf(SyncExpiredError);
    expect(errors).toEqual([ended]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(feed.tokens).toHaveLength(1);
    expect(feed.open()).toBe(0);
  });

  it('an onChange that throws is told to onError, and the feed goes on', async () => {
    const feed = fakeFeed(api);
    feed.add(todoUpsert({ title: 'bad' }));
    const seen: string[] = [];
    const { errors, subscription } = await follow(quickClient({ auth: 't' }), {
      cursor: 'c0',
      onChange: ({ cursor }) => {
        seen.push(cursor);
        if (cursor === 'c1') throw new Error('the app failed');
      },
    });
    await vi.waitFor(() => expect(subscription.cursor).toBe('c1'), soon);

    feed.add(todoUpsert({ id: TODO_ID.replace('0', '1'), title: 'good' }));
    feed.poke();

    await vi.waitFor(() => expect(seen).toEqual(['c1', 'c2']), soon);
    expect(errors).toEqual([new Error('the app failed')]);
  });

  it('pings the idle connection, and sends nothing else: no reads while nothing changes', async () => {
    const feed = fakeFeed(api);
    await follow(quickClient({ auth: 't' }), { cursor: 'c0', pingIntervalMs: 20 });

    await vi.waitFor(() => expect(feed.received.length).toBeGreaterThanOrEqual(3), soon);

    expect(new Set(feed.received)).toEqual(new Set(['{"action":"ping"}']));
    expect(changesRead()).toHaveLength(1);
  });

  it('close() closes the socket and stops its timers; done resolves', async () => {
    const feed = fakeFeed(api);
    const { subscription } = await follow(quickClient({ auth: 't' }), { cursor: 'c0', pingIntervalMs: 20 });
    await vi.waitFor(() => expect(feed.received.length).toBeGreaterThanOrEqual(1), soon);

    await subscription.close();
    const pings = feed.received.length;
    await new Promise((resolve) => setTimeout(resolve, 100));

    await expect(subscription.done).resolves.toBeUndefined();
    expect(feed.open()).toBe(0);
    expect(feed.received).toHaveLength(pings);
    expect(feed.tokens).toHaveLength(1);
  });

  it('an abort of its signal ends it as close() does, even while it waits to reconnect', async () => {
    const feed = fakeFeed(api);
    feed.refuseNext(1000);
    const controller = new AbortController();
    const { subscription } = await follow(quickClient({ auth: 't' }), {
      cursor: 'c0',
      signal: controller.signal,
      reconnect: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    await vi.waitFor(() => expect(feed.tokens).toHaveLength(1), soon);

    controller.abort();

    // The wait to reconnect is longer than the test may take: only the abort ends it in time.
    await expect(subscription.done).resolves.toBeUndefined();
    expect(feed.tokens).toHaveLength(1);
  });

  it('a liveUrl that is no ws: or wss: URL ends it with a TypeError saying so', async () => {
    const errors: unknown[] = [];
    const subscription = await quickClient({ auth: 't', liveUrl: 'https://live.todolist.test' }).subscribe({
      onChange: () => {},
      onError: (error) => errors.push(error),
    });

    const ended = await subscription.done.catch((error: unknown) => error);

    expect(ended).toBeInstanceOf(TypeError);
    expect((ended as Error).message).toBe(
      'liveUrl must be an absolute ws: or wss: URL, such as the stack\'s LiveUrl output (got "https://live.todolist.test")',
    );
    expect(errors).toEqual([ended]);
  });
});
