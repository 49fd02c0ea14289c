// `client.subscribe`'s `onStatus` against the local gateway's live endpoint: what an app is told
// while the gateway goes away and comes back on the same data and port, and that 'live' again
// comes only once the changes made meanwhile have been delivered.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInLocally, startLocalStack } from '@todolist/local/testing';
import { createClient, type SubscriptionStatus } from '@todolist/sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** How long a status or a change may take to arrive: bounded, with room for a loaded machine. */
const ARRIVES = { timeout: 15_000, interval: 20 };
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('client.subscribe onStatus against the local gateway', () => {
  it("says 'reconnecting' once while the gateway is down, and 'live' again after what was written meanwhile", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'todolist-sdk-status-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    let stack = await startLocalStack({ dataDir, port: 0, throttle: null });
    const port = Number(new URL(stack.url).port);
    cleanups.push(() => stack.close());
    const { accessToken } = await signInLocally(stack.url, 'ada@status.example.com');
    const ada = createClient({ baseUrl: stack.url, auth: accessToken });
    // The subscription's own client asks for its token on each connect: holding the answer holds
    // its reconnect back until the test has written, so that change is certainly made meanwhile.
    let held: Promise<void> | undefined;
    const following = createClient({
      baseUrl: stack.url,
      auth: async () => {
        await held;
        return accessToken;
      },
    });
    const timeline: (SubscriptionStatus | string)[] = [];
    const subscription = await following.subscribe({
      reconnect: { baseDelayMs: 200, maxDelayMs: 1000 },
      onChange: ({ changes }) => {
        for (const change of changes)
          if (change.type === 'todo' && change.op === 'upsert') timeline.push(change.todo.title);
      },
      onStatus: (status) => timeline.push(status),
    });
    cleanups.push(() => subscription.close());
    await vi.waitFor(() => expect(timeline).toEqual(['connecting', 'live']), ARRIVES);

    let release = () => {};
    held = new Promise((resolve) => {
      release = resolve;
    });
    await stack.close();
    await vi.waitFor(() => expect(timeline.at(-1)).toBe('reconnecting'), ARRIVES);
    stack = await startLocalStack({ dataDir, port, throttle: null });
    await ada.todos.create({ title: 'written while it reconnects' });
    release();

    await vi.waitFor(() => expect(timeline.at(-1)).toBe('live'), ARRIVES);
    expect(timeline).toEqual(['connecting', 'live', 'reconnecting', 'written while it reconnects', 'live']);
  });
});
