import { jitteredBackoffMs } from '../client/backoff.js';
import type { ReconnectOptions } from '../client/subscribe.js';
import { wait } from '../client/wait.js';
import { type Change, isNotFoundError, type TodolistClient } from '../index.js';
import { type FullSync, fullSync, loadTodosOf } from './full-sync.js';
import { type SyncedChanges, type SyncedSnapshot, SyncedState } from './synced-state.js';

/** Options of {@link createSyncedStore}. */
export interface SyncedStoreOptions {
  /**
   * Told of every failure the store gets over by itself: a live connection lost (it reconnects
   * and catches up), a feed too old to follow (`SyncExpiredError`: it reads everything again), a
   * read that failed (it tries again, backing off), a listener that threw. @default none
   */
  onError?(error: unknown): void;
  /** How reconnects and repeated full reads back off. @default { baseDelayMs: 500, maxDelayMs: 30000 } */
  reconnect?: ReconnectOptions;
}

/** Told what changed, after each full sync and each page of the feed applied. */
export type SyncedListener = (changes: SyncedChanges) => void;

/** The lists and todos of one person, kept current: see {@link createSyncedStore}. */
export interface SyncedStore {
  /**
   * Reads everything (a cursor for now, every todo, every list, archived ones too), then follows
   * the feed live from that cursor. Resolves once the first read is in (the snapshot is
   * complete); rejects if it fails, and then nothing runs.
   */
  start(): Promise<void>;
  /** Stops following the feed (the socket closed, every timer stopped); the snapshot stays as it was. */
  stop(): Promise<void>;
  /** What the store holds now; the same object until something changes. */
  snapshot(): SyncedSnapshot;
  /** Calls `listener` with what changed, each time something does; answers a function that stops it. */
  subscribe(listener: SyncedListener): () => void;
}

/**
 * A store of a person's lists and todos that keeps itself current: a full read, then the
 * changes feed followed live (`client.subscribe`). Each change applies as the feed means it
 * (see {@link SyncedState}); a list newly shared with the person brings its todos; `openCount`
 * is counted from the todos held; a cursor the feed no longer keeps (`SyncExpiredError`) or a
 * change that cannot be applied starts a full read again. Framework-free: a listener gets what
 * changed, so a page redraws only that.
 *
 * @example
 * ```ts
 * import { createSyncedStore } from '@todolist/sdk/sync';
 *
 * const store = createSyncedStore(client, { onError: (error) => console.warn(error.message) });
 * store.subscribe(({ full, todos }) => (full ? render(store.snapshot()) : redraw(todos.upserted, todos.deleted)));
 * await store.start();
 * // …
 * await store.stop();
 * ```
 */
export function createSyncedStore(client: TodolistClient, options: SyncedStoreOptions = {}): SyncedStore {
  let state = new SyncedState();
  let snapshot: SyncedSnapshot | undefined;
  const listeners = new Set<SyncedListener>();
  let running: { stop: AbortController; following: Promise<void> } | undefined;
  const backoff = {
    baseDelayMs: options.reconnect?.baseDelayMs ?? 500,
    maxDelayMs: options.reconnect?.maxDelayMs ?? 30_000,
  };
  const report = (error: unknown) => options.onError?.(error);

  function emit(changes: SyncedChanges | undefined): void {
    if (!changes) return;
    snapshot = undefined;
    for (const listener of listeners) {
      try {
        listener(changes);
      } catch (error) {
        report(error);
      }
    }
  }

  function install(sync: FullSync): string {
    state = sync.state;
    emit(state.takeChanges(true));
    return sync.cursor;
  }

  async function apply(changes: readonly Change[], signal: AbortSignal): Promise<void> {
    for (const change of changes) {
      if (change.type === 'todo') {
        if (change.op === 'upsert') state.upsertTodo(change.todo);
        else state.deleteTodo(change.id);
      } else if (change.op === 'delete') {
        state.deleteList(change.id);
      } else {
        const isNew = !state.hasList(change.id);
        state.upsertList(change.list);
        // A list it did not hold (shared with the person just now): the feed brings its later
        // changes, not the todos it had already. Not found: it is gone again, as a later change says.
        if (isNew) {
          await loadTodosOf(client, state, change.id, signal).catch((error: unknown) => {
            if (!isNotFoundError(error)) throw error;
          });
        }
      }
    }
    emit(state.takeChanges());
  }

  /** Follows the feed from `cursor` until it cannot be followed (or the store stops). */
  async function followFrom(cursor: string, signal: AbortSignal): Promise<void> {
    let broken = false;
    let resync: () => void = () => {};
    const needed = new Promise<void>((resolve) => {
      resync = resolve;
    });
    const subscription = await client.subscribe({
      cursor,
      signal,
      ...(options.reconnect ? { reconnect: options.reconnect } : {}),
      onError: report,
      onChange: async ({ changes }) => {
        if (broken) return;
        try {
          await apply(changes, signal);
        } catch (error) {
          if (signal.aborted) return;
          broken = true;
          report(error);
          resync();
        }
      },
    });
    await Promise.race([subscription.done.catch(() => {}), needed]);
    await subscription.close();
  }

  /** Reads everything again, backing off while it fails; undefined once the store stops. */
  async function readAgain(signal: AbortSignal): Promise<string | undefined> {
    for (let failures = 1; !signal.aborted; failures++) {
      try {
        return install(await fullSync(client, signal));
      } catch (error) {
        if (signal.aborted) return undefined;
        report(error);
        await wait(jitteredBackoffMs(failures, backoff), signal);
      }
    }
    return undefined;
  }

  async function keepInStep(first: string, signal: AbortSignal): Promise<void> {
    for (let cursor: string | undefined = first; cursor !== undefined && !signal.aborted; ) {
      await followFrom(cursor, signal);
      if (signal.aborted) return;
      cursor = await readAgain(signal);
    }
  }

  return {
    async start() {
      if (running) throw new Error('the synced store is started already: stop() it first');
      const stop = new AbortController();
      running = { stop, following: Promise.resolve() };
      try {
        const cursor = install(await fullSync(client, stop.signal));
        // Reported, not thrown: nobody awaits it (client.subscribe failing to load, for one).
        running.following = keepInStep(cursor, stop.signal).catch(report);
      } catch (error) {
        running = undefined;
        throw error;
      }
    },
    async stop() {
      const current = running;
      running = undefined;
      current?.stop.abort();
      await current?.following;
    },
    snapshot() {
      snapshot ??= state.snapshot();
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
