import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubscribeOptions, Subscription } from '../src/index.js';
import { fakeFeed } from './support/fake-feed.js';
import { todoUpsert } from './support/feed-answers.js';
import { useMockApi } from './support/mock-api-server.js';
import { quickClient } from './support/quick-client.js';

// `client.subscribe`'s `onStatus` against msw's WebSocket and HTTP mocks: what an app is told
// of being live, and when, through a first connect, a lost connection and refused handshakes.

const api = useMockApi();
const QUICK_RECONNECT = { baseDelayMs: 10, maxDelayMs: 40 };
const soon = { timeout: 5000, interval: 5 };
const subscriptions: Subscription[] = [];

afterEach(async () => {
  await Promise.all(subscriptions.splice(0).map((subscription) => subscription.close()));
});

/**
 * Subscribes from `c0`, writing down in one timeline each status told (as itself) and each
 * page delivered (as `page: <titles>`), so a test sees what came before what.
 */
async function followed(options: Partial<SubscribeOptions> = {}) {
  const timeline: string[] = [];
  const subscription = await quickClient({ auth: 't' }).subscribe({
    cursor: 'c0',
    reconnect: QUICK_RECONNECT,
    onChange: ({ changes }) => {
      const titles = changes.map((change) =>
        change.type === 'todo' && change.op === 'upsert' ? change.todo.title : change.id,
      );
      timeline.push(`page: ${titles.join(', ')}`);
    },
    onStatus: (status) => timeline.push(status),
    ...options,
  });
  subscriptions.push(subscription);
  return { timeline, subscription };
}

describe('client.subscribe onStatus', () => {
  it("is told 'connecting', then 'live' once the feed is read up to date, after the pages that brought it there", async () => {
    const feed = fakeFeed(api);
    feed.add(todoUpsert({ title: 'before' }));

    const { timeline } = await followed();

    await vi.waitFor(() => expect(timeline).toEqual(['connecting', 'page: before', 'live']), soon);
  });

  it("a lost connection is one 'reconnecting', and 'live' again only once what came meanwhile is delivered", async () => {
    const feed = fakeFeed(api);
    const { timeline } = await followed();
    await vi.waitFor(() => expect(timeline).toEqual(['connecting', 'live']), soon);

    feed.refuseNext(3);
    feed.dropAll();
    feed.add(todoUpsert({ title: 'while away' }));

    await vi.waitFor(() => expect(timeline).toHaveLength(5), soon);
    expect(timeline).toEqual(['connecting', 'live', 'reconnecting', 'page: while away', 'live']);
    expect(feed.tokens).toHaveLength(5);
  });

  it("a first connect refused goes from 'connecting' to 'reconnecting' to 'live', each told once", async () => {
    const feed = fakeFeed(api);
    feed.refuseNext(2);

    const { timeline } = await followed();

    await vi.waitFor(() => expect(timeline).toEqual(['connecting', 'reconnecting', 'live']), soon);
    expect(feed.tokens).toHaveLength(3);
  });

  it('pokes read while live tell nothing new; close() tells nothing at all', async () => {
    const feed = fakeFeed(api);
    const { timeline, subscription } = await followed();
    await vi.waitFor(() => expect(timeline).toEqual(['connecting', 'live']), soon);

    feed.add(todoUpsert({ title: 'poked' }));
    feed.poke();
    await vi.waitFor(() => expect(timeline).toEqual(['connecting', 'live', 'page: poked']), soon);
    await subscription.close();

    expect(timeline).toEqual(['connecting', 'live', 'page: poked']);
  });

  it('an onStatus that throws is told to onError, and the subscription goes on', async () => {
    const feed = fakeFeed(api);
    feed.add(todoUpsert({ title: 'still delivered' }));
    const errors: unknown[] = [];
    const told: string[] = [];

    const { timeline } = await followed({
      onStatus: (status) => {
        told.push(status);
        throw new Error(`the app failed at ${status}`);
      },
      onError: (error) => errors.push(error),
    });

    await vi.waitFor(() => expect(timeline).toEqual(['page: still delivered']), soon);
    await vi.waitFor(() => expect(told).toEqual(['connecting', 'live']), soon);
    expect(errors).toEqual([new Error('the app failed at connecting'), new Error('the app failed at live')]);
  });
});
